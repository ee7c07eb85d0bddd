package com.vetacrm.mining;

/**
 * Where a request is. QUEUED: credits held, waiting for (or inside) its job. DONE: leads created, credits
 * captured. NO_RESULT: nothing matched, nothing charged; can be edited and retried. ERROR: see
 * {@link MiningErrorType}; nothing created, nothing held.
 */
public enum MiningState {
    QUEUED,
    DONE,
    NO_RESULT,
    ERROR;

    public boolean finished() {
        return this != QUEUED;
    }

    public boolean retryable() {
        return this == NO_RESULT || this == ERROR;
    }

    public String labelKey() {
        return "mining.state." + name();
    }
}
