package com.vetacrm.leadsource;

/**
 * Match counts of a request's filters, step by step (DESIGN §5.1 preview, §5.9): companies of the
 * chosen countries; of those, the ones the states rule keeps; of those, of a chosen industry; of those,
 * within the size range (equal to the previous step without a size filter); and how many of the last
 * the CRM does not know yet (DESIGN §5.5) — what a request can actually deliver.
 */
public record SourcePreview(long afterCountries, long afterStates, long afterIndustries, long afterSize,
        long notKnown) {

    /** Companies matching every filter. */
    public long matches() {
        return afterSize;
    }
}
