package com.vetacrm.mining;

import com.vetacrm.lead.LeadType;
import java.time.Instant;
import java.util.List;

/**
 * A Lead Mining Request as the requests list and its detail show it (DESIGN §2 M4). Codes of countries and
 * industries are shown in the reader's language by the view; tags by name.
 */
public record MiningRequestRow(long id, int numberSeq, MiningState state, MiningErrorType errorType,
        String errorDetail, SearchType searchType, LeadType leadType, int leadNumber, Integer contactNumber,
        List<String> countryCodes, List<String> industryCodes, int leadsFound, int contactsFound, long creditsHeld,
        long creditsCharged, long teamId, String teamName, Long salespersonId, String salespersonName,
        List<String> tagNames, long createdById, String createdByName, Instant submittedAt, Instant finishedAt) {

    public MiningRequestRow {
        countryCodes = List.copyOf(countryCodes);
        industryCodes = List.copyOf(industryCodes);
        tagNames = List.copyOf(tagNames);
    }

    /** The request's number as users see it: LMR001, LMR002 ... LMR1000. */
    public String number() {
        return number(numberSeq);
    }

    public static String number(int numberSeq) {
        // not String.format: a mining job names its request in 200 enrichment cards and its log line
        String digits = Integer.toString(numberSeq);
        return digits.length() >= 3 ? "LMR" + digits : "LMR" + "00".substring(digits.length() - 1) + digits;
    }

    MiningRequestRow with(List<String> countries, List<String> industries, List<String> tags) {
        return new MiningRequestRow(id, numberSeq, state, errorType, errorDetail, searchType, leadType, leadNumber,
                contactNumber, countries, industries, leadsFound, contactsFound, creditsHeld, creditsCharged, teamId,
                teamName, salespersonId, salespersonName, tags, createdById, createdByName, submittedAt, finishedAt);
    }
}
