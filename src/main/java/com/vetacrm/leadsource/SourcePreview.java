package com.vetacrm.leadsource;

/**
 * Match counts of a request's filters, step by step (DESIGN §5.1 preview, §5.9): companies of the
 * chosen countries; of those, the ones the states rule keeps; of those, of a chosen industry; of those,
 * within the size range (equal to the previous step without a size filter); and how many of the last
 * the CRM does not know yet (DESIGN §5.5) — what a request can actually deliver.
 * <p>
 * The step counts are exact. {@code notKnown} is exact when {@code notKnownExact}; for large match sets a
 * source may estimate it from a sample (the dialog then shows "≈"): a request asks for at most 200
 * companies, so whether 29,384 or 29,410 are new does not change what the user decides.
 */
public record SourcePreview(long afterCountries, long afterStates, long afterIndustries, long afterSize,
        long notKnown, boolean notKnownExact) {

    /** Counts that are all exact. */
    public SourcePreview(long afterCountries, long afterStates, long afterIndustries, long afterSize, long notKnown) {
        this(afterCountries, afterStates, afterIndustries, afterSize, notKnown, true);
    }

    /** Companies matching every filter. */
    public long matches() {
        return afterSize;
    }
}
