package com.vetacrm.testsupport;

import com.vetacrm.shared.BusinessRuleException;

/** Reads what a refused service call told the user, for assertions on the translation key. */
public final class Refusals {

    private Refusals() {
    }

    public static String messageKey(Throwable refusal) {
        return ((BusinessRuleException) refusal).messageKey();
    }
}
