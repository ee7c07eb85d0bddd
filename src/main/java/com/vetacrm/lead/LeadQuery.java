package com.vetacrm.lead;

import java.time.LocalDate;
import java.util.Set;

/**
 * The filters of the pipeline and the leads grid; every field is optional (null = no filter). The
 * pipeline uses mine, team, salesperson, tags and text, and always shows active records.
 *
 * @param mine             only records assigned to the signed-in user ("my pipeline")
 * @param tagIds           records carrying any of these tags
 * @param text             part of the name, company, email or contact name
 * @param createdFrom      created on or after this day (UTC)
 * @param createdTo        created on or before this day (UTC)
 * @param miningRequestId  records created by this lead-mining request
 */
public record LeadQuery(boolean mine, Long teamId, Long salespersonId, Set<Long> tagIds, String text,
        String countryCode, Long stageId, LeadType type, LocalDate createdFrom, LocalDate createdTo,
        Long miningRequestId, LeadStatus status) {

    public LeadQuery {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        text = text == null || text.isBlank() ? null : text.strip();
        status = status == null ? LeadStatus.ACTIVE : status;
    }

    /** No filter: every active record the caller may see. */
    public static LeadQuery all() {
        return new LeadQuery(false, null, null, Set.of(), null, null, null, null, null, null, null, LeadStatus.ACTIVE);
    }

    public LeadQuery withMine(boolean value) {
        return new LeadQuery(value, teamId, salespersonId, tagIds, text, countryCode, stageId, type, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withTeam(Long value) {
        return new LeadQuery(mine, value, salespersonId, tagIds, text, countryCode, stageId, type, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withSalesperson(Long value) {
        return new LeadQuery(mine, teamId, value, tagIds, text, countryCode, stageId, type, createdFrom, createdTo,
                miningRequestId, status);
    }

    public LeadQuery withTags(Set<Long> value) {
        return new LeadQuery(mine, teamId, salespersonId, value, text, countryCode, stageId, type, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withText(String value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, value, countryCode, stageId, type, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withCountry(String value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, value, stageId, type, createdFrom, createdTo,
                miningRequestId, status);
    }

    public LeadQuery withStage(Long value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, countryCode, value, type, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withType(LeadType value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, countryCode, stageId, value, createdFrom,
                createdTo, miningRequestId, status);
    }

    public LeadQuery withCreated(LocalDate from, LocalDate to) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, countryCode, stageId, type, from, to,
                miningRequestId, status);
    }

    public LeadQuery withMiningRequest(Long value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, countryCode, stageId, type, createdFrom,
                createdTo, value, status);
    }

    public LeadQuery withStatus(LeadStatus value) {
        return new LeadQuery(mine, teamId, salespersonId, tagIds, text, countryCode, stageId, type, createdFrom,
                createdTo, miningRequestId, value);
    }
}
