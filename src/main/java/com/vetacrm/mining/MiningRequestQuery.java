package com.vetacrm.mining;

/** Filters of the requests list; null = any. {@code id} narrows to one request. */
public record MiningRequestQuery(MiningState state, Long teamId, Long salespersonId, Long id) {

    public static MiningRequestQuery all() {
        return new MiningRequestQuery(null, null, null, null);
    }

    public MiningRequestQuery(MiningState state, Long teamId, Long salespersonId) {
        this(state, teamId, salespersonId, null);
    }
}
