package com.vetacrm.lead;

import com.vetacrm.admin.TagSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the leads grid: a projection, never an entity. */
public record LeadRow(long id, LeadType type, String name, String partnerName, String contactName, String email,
        String phone, String countryCode, Long salespersonId, String salespersonName, Long teamId, String teamName,
        long stageId, String stageName, List<TagSummary> tags, BigDecimal expectedRevenue, Instant createdAt,
        boolean active) {
}
