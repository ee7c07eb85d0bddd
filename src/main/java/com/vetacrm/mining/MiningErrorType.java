package com.vetacrm.mining;

/** Why a request ended in ERROR: not enough credits on submit, or its job failed (rolled back). */
public enum MiningErrorType {
    CREDITS,
    FAILED;

    public String labelKey() {
        return "mining.errorType." + name();
    }
}
