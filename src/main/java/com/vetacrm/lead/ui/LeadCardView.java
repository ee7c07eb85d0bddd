package com.vetacrm.lead.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadType;
import java.util.function.IntConsumer;

/** One card of the pipeline; draggable to another column. */
class LeadCardView extends Div {

    private final long leadId;
    private long stageId;

    LeadCardView(LeadCard card, IntConsumer onPriority) {
        this.leadId = card.id();
        this.stageId = card.stageId();
        addClassName("lead-card");
        getElement().setAttribute("data-lead-id", String.valueOf(card.id()));

        Anchor name = new Anchor("leads/" + card.id(), card.name());
        name.addClassName("lead-card-name");
        Div top = new Div(name);
        top.addClassName("lead-card-top");
        if (card.type() == LeadType.LEAD) {
            top.add(LeadFormat.typeBadge(card.type(), getTranslation(card.type().labelKey())));
        }
        add(top);
        if (card.partnerName() != null) {
            Span company = new Span(card.partnerName());
            company.addClassName("lead-card-company");
            add(company);
        }
        Span revenue = new Span(LeadFormat.money(card.expectedRevenue(), getLocale()));
        revenue.addClassName("lead-card-revenue");
        add(revenue);
        if (!card.tags().isEmpty()) {
            Div tags = new Div(LeadFormat.tags(card.tags()));
            tags.addClassName("lead-card-tags");
            add(tags);
        }
        Div bottom = new Div(new PriorityStars(card.priority(), onPriority));
        bottom.addClassName("lead-card-bottom");
        if (card.salespersonName() != null) {
            Avatar avatar = new Avatar(card.salespersonName());
            avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
            avatar.setTooltipEnabled(true);
            bottom.add(avatar);
        }
        add(bottom);

        DragSource<LeadCardView> drag = DragSource.create(this);
        drag.setDragData(card.id());
    }

    long leadId() {
        return leadId;
    }

    long stageId() {
        return stageId;
    }

    void movedTo(long stageId) {
        this.stageId = stageId;
    }
}
