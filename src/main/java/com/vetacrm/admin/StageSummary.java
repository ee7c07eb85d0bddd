package com.vetacrm.admin;

/** A pipeline stage as views show it. */
public record StageSummary(long id, String name, int sequence, boolean fold, boolean won) {

    static StageSummary of(Stage s) {
        return new StageSummary(s.getId(), s.getName(), s.getSequence(), s.isFold(), s.isWon());
    }
}
