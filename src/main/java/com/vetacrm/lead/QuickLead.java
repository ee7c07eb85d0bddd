package com.vetacrm.lead;

import java.math.BigDecimal;

/**
 * A card typed straight into a pipeline column. {@code teamId} is the team the board is filtered on,
 * if any; otherwise the creator's own team is used.
 */
public record QuickLead(long stageId, String name, String partnerName, BigDecimal expectedRevenue, Long teamId) {
}
