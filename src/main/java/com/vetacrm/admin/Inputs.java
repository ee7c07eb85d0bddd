package com.vetacrm.admin;

import com.vetacrm.shared.BusinessRuleException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** The services' own re-check of form input: each refusal names a translation key of the admin bundle. */
final class Inputs {

    private Inputs() {
    }

    /**
     * A trimmed, non-blank name of at most {@code maxLength} characters. The keys are passed whole
     * (not built from a prefix) so every message key stays findable in the code.
     *
     * @param tooLongKey its message gets the limit as argument
     */
    static String requiredName(String raw, int maxLength, String requiredKey, String tooLongKey) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new BusinessRuleException(requiredKey);
        }
        if (value.length() > maxLength) {
            throw new BusinessRuleException(tooLongKey, maxLength);
        }
        return value;
    }

    static String trimToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /**
     * Refuses a change made to an older copy of the row than the one stored: the shell tells the user
     * someone else changed it. Checked explicitly because the form's copy was read in an earlier transaction.
     */
    static void requireVersion(Class<?> type, long id, long expected, long actual) {
        if (expected != actual) {
            throw new ObjectOptimisticLockingFailureException(type, id);
        }
    }
}
