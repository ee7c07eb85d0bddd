package com.vetacrm.mining;

import com.vetacrm.leadsource.SourceCompany;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structured enrichment card of a mined lead (DESIGN §5.6), stored as the JSON payload of its chatter
 * entry and rendered with components from these fields, never as HTML. Codes (industry, country, state,
 * roles, seniorities) are kept as codes so the card shows them in the reader's language.
 *
 * @param version the payload's format, so later cards can add fields and old ones still render
 * @param minedOn ISO date (yyyy-MM-dd, UTC) of the request's run
 */
public record EnrichmentCard(int version, long requestId, String requestNumber, String sourceId, String minedOn,
        SourceCompany company) {

    public static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Its serializer found once: a mining job writes 200 cards. */
    private static final ObjectWriter WRITER = JSON.writerFor(EnrichmentCard.class);

    public String toJson() {
        return WRITER.writeValueAsString(this);
    }

    public static EnrichmentCard fromJson(String json) {
        return JSON.readValue(json, EnrichmentCard.class);
    }

    /** The chatter entry's one-line text: what a reader without the card (an export, a search) sees. */
    public String summary() {
        return company.name() + " (" + company.domain() + ") - " + requestNumber + ", " + minedOn;
    }
}
