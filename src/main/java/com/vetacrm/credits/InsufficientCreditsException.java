package com.vetacrm.credits;

import com.vetacrm.shared.BusinessRuleException;

/**
 * A hold (or a negative adjustment) asked for more credits than are available. Thrown before anything is
 * written, and it does not mark the caller's transaction for rollback: a mining request can record "not
 * enough credits" in the same transaction. Message key {@code credits.insufficient} with the required and
 * available credits as arguments.
 */
public class InsufficientCreditsException extends BusinessRuleException {

    private final long available;
    private final long required;

    public InsufficientCreditsException(long available, long required) {
        super("credits.insufficient", required, available);
        this.available = available;
        this.required = required;
    }

    public long available() {
        return available;
    }

    public long required() {
        return required;
    }
}
