package com.vetacrm.lead;

import com.vetacrm.admin.TagSummary;
import java.math.BigDecimal;
import java.util.List;

/** A pipeline card: what a salesperson needs to recognise a deal at a glance. */
public record LeadCard(long id, LeadType type, String name, String partnerName, BigDecimal expectedRevenue,
        int priority, Long salespersonId, String salespersonName, long stageId, List<TagSummary> tags) {
}
