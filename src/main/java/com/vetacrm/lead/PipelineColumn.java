package com.vetacrm.lead;

import com.vetacrm.admin.StageSummary;
import java.math.BigDecimal;

/** A pipeline column's header: the stage, how many cards match the filters, and their expected revenue. */
public record PipelineColumn(StageSummary stage, long count, BigDecimal expectedRevenue) {
}
