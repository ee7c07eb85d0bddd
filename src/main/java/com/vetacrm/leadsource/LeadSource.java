package com.vetacrm.leadsource;

import java.util.List;

/**
 * A source of companies (and their contacts) that lead mining turns into leads. Implementations check
 * their caller's role: only sales managers and administrators mine.
 */
public interface LeadSource {

    /** Stable id of the source, stored with mined leads' provenance (e.g. {@code veta-directory}). */
    String id();

    /**
     * Free, uncharged match counts for the dialog: after each filter step and how many of the matches
     * the CRM does not know yet (DESIGN §5.9: the per-step counts show why a state filter shrinks a result).
     */
    SourcePreview preview(SourceCriteria criteria, Exclusions exclusions);

    /**
     * Up to {@code limit} companies matching the criteria that are not excluded, in the source's stable
     * selection order (DESIGN §5.8), each with the contacts chosen by the criteria's contact rules
     * (DESIGN §5.7; none when the criteria ask for companies only). The same call on unchanged data
     * returns the same companies.
     */
    Selection select(SourceCriteria criteria, Exclusions exclusions, int limit);

    /** What one {@link #select} found, and what the source keeps of it until the companies are delivered. */
    interface Selection {

        List<SourceCompany> companies();

        /**
         * Called in the mining job's transaction after the selected companies became leads: a source may remember
         * how far its selection order is known, so the next selection need not pass those companies again.
         */
        default void delivered() {
        }
    }
}
