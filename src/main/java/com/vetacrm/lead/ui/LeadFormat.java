package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vetacrm.admin.TagColors;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.lead.LeadType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** How the lead views show money, tags and types: one place, so the pipeline and grid agree. */
final class LeadFormat {

    private LeadFormat() {
    }

    /** Whole amounts in the user's number format ("12,500" / "12.500"); Veta has no currency setting yet. */
    static String money(BigDecimal amount, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(0);
        return f.format(amount == null ? BigDecimal.ZERO : amount);
    }

    /** A coloured chip; the colour is validated #RRGGBB and set as a style value, the name as text. */
    static Component tag(TagSummary tag) {
        Span chip = new Span(tag.name());
        chip.addClassName("tag-chip");
        chip.getStyle().set("--tag-color", tag.color());
        chip.getStyle().set("--tag-text-color", TagColors.readableTextOn(tag.color()));
        return chip;
    }

    static Component[] tags(List<TagSummary> tags) {
        return tags.stream().map(LeadFormat::tag).toArray(Component[]::new);
    }

    static Span typeBadge(LeadType type, String label) {
        Span badge = new Span(label);
        badge.addClassNames("veta-badge", "type-" + type.name().toLowerCase(Locale.ROOT));
        return badge;
    }
}
