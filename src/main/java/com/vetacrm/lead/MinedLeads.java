package com.vetacrm.lead;

import com.vetacrm.leadsource.SourceCompany;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a lead-mining request delivers to the CRM in one go (DESIGN §5.6): the companies a source selected,
 * each with its enrichment card, and how they are assigned.
 *
 * @param requestId     the mining request the records point at ({@code crm_lead.mining_request_id})
 * @param withContacts  the request asked for contacts: the first contact's e-mail becomes the lead's e-mail
 * @param salespersonId null leaves the records unassigned
 */
public record MinedLeads(long requestId, LeadType type, long teamId, Long salespersonId, Set<Long> tagIds,
        boolean withContacts, List<MinedLead> leads) {

    public MinedLeads {
        Objects.requireNonNull(type);
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        leads = List.copyOf(leads);
    }

    /** One company and the enrichment card recorded in its chatter: a summary line and the structured card (JSON). */
    public record MinedLead(SourceCompany company, String enrichmentSummary, String enrichmentJson) {
    }
}
