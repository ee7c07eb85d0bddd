package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.internal.JacksonUtils;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.TagColors;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pipeline card drawn in the browser from its data: name (a link to the lead), LEAD badge, company, expected
 * revenue, coloured tag chips, three priority stars and the salesperson's avatar. The server keeps no
 * component per card (docs/performance.md, "Session heap"): a column's {@code VirtualList} holds the lead ids of
 * the range the browser shows, and this one template draws each card from the data sent with its id.
 *
 * <p>Every value reaches the page through Lit's bindings, which set text and attributes, never markup: a name
 * like {@code <script>} is shown as typed. The tag colour goes into a style value, so it is checked here to be
 * {@code #rrggbb} (an unchecked value could carry more CSS); anything else is drawn grey.
 *
 * <p>A card is draggable: {@code dragstart} puts the lead id into the drag data under {@link #DRAG_TYPE}, and
 * the column it is dropped on reads it back ({@link StageColumnView}). Clicking a star calls the server's
 * {@code star(level)}; clicking the highest lit star turns it off.
 */
final class LeadCardRenderer {

    /** The drag data type of a pipeline card; text dragged from elsewhere does not carry it. */
    static final String DRAG_TYPE = "application/x-veta-lead";

    /** Drawn for a tag whose stored colour is not {@code #rrggbb} (never stored so, but not trusted either). */
    static final String FALLBACK_TAG_COLOR = "#8d8d8d";

    private static final String TEMPLATE = """
            ${item.id === undefined ? html`<div class="lead-card-placeholder"></div>` : html`
            <div class="lead-card" draggable="true" data-lead-id="${item.id}"
                @dragstart="${e => {
                    e.dataTransfer.setData('%1$s', String(item.id));
                    e.dataTransfer.effectAllowed = 'move';
                    e.currentTarget.classList.add('v-dragged');
                }}"
                @dragend="${e => e.currentTarget.classList.remove('v-dragged')}">
              <div class="lead-card-top">
                <a class="lead-card-name" href="leads/${item.id}">${item.name}</a>
                ${item.badge ? html`<span class="veta-badge type-lead">${item.badge}</span>` : ''}
              </div>
              ${item.company ? html`<span class="lead-card-company">${item.company}</span>` : ''}
              <span class="lead-card-revenue">${item.revenue}</span>
              ${item.tags && item.tags.length ? html`<div class="lead-card-tags">${item.tags.map(t => html`<span
                  class="tag-chip" style="--tag-color: ${t.color}; --tag-text-color: ${t.text}">${t.name}</span>`)}</div>` : ''}
              <div class="lead-card-bottom">
                <div class="priority-stars" data-priority="${item.priority}">${[1, 2, 3].map(n => html`<vaadin-button
                    class="priority-star" theme="tertiary-inline small icon" aria-label="${item.stars[n - 1]}"
                    aria-pressed="${n <= item.priority}" @click="${() => star(n)}"><vaadin-icon
                    icon="${n <= item.priority ? 'vaadin:star' : 'vaadin:star-o'}"></vaadin-icon></vaadin-button>`)}</div>
                ${item.salesperson ? html`<vaadin-avatar theme="xsmall" .name="${item.salesperson}"
                    .withTooltip="${true}"></vaadin-avatar>` : ''}
              </div>
            </div>`}
            """.formatted(DRAG_TYPE);

    private LeadCardRenderer() {
    }

    /**
     * The renderer of one column's cards. The list's items are lead ids; the card's data comes from
     * {@code cards} while the card is being drawn (the server keeps no card data once it is sent).
     *
     * @param owner the column, for its translations (type badge, star labels)
     * @param locale the column's locale, for the amounts
     * @param cards the data of a card by its lead id; empty when the lead has gone (drawn blank)
     * @param onStar called with the lead id and the star clicked (1, 2 or 3; other values from the page are dropped)
     */
    static LitRenderer<Long> create(Component owner, Locale locale, SerializableFunction<Long, Optional<LeadCard>> cards,
            SerializableBiConsumer<Long, Integer> onStar) {
        String badge = owner.getTranslation(LeadType.LEAD.labelKey());
        List<String> stars = List.of(owner.getTranslation("leads.priority.set", 1),
                owner.getTranslation("leads.priority.set", 2), owner.getTranslation("leads.priority.set", 3));
        return LitRenderer.<Long>of(TEMPLATE)
                .withProperty("id", id -> id)
                .withProperty("name", of(cards, LeadCard::name))
                .withProperty("badge", of(cards, c -> c.type() == LeadType.LEAD ? badge : null))
                .withProperty("company", of(cards, LeadCard::partnerName))
                .withProperty("revenue", of(cards, c -> LeadFormat.money(c.expectedRevenue(), locale)))
                .withProperty("tags", of(cards, c -> tags(c.tags())))
                .withProperty("priority", of(cards, LeadCard::priority))
                .withProperty("salesperson", of(cards, LeadCard::salespersonName))
                .withProperty("stars", id -> stars)
                .withFunction("star", (id, args) -> {
                    // a level from the page: only 1, 2 or 3 is a star, anything else is ignored
                    if (args.size() == 1 && args.get(0).isIntegralNumber()) {
                        int level = args.get(0).asInt();
                        if (level >= 1 && level <= 3) {
                            onStar.accept(id, level);
                        }
                    }
                });
    }

    private static ValueProvider<Long, Object> of(SerializableFunction<Long, Optional<LeadCard>> cards,
            SerializableFunction<LeadCard, Object> value) {
        return id -> cards.apply(id).map(value).orElse(null);
    }

    /** The chips as data: name (text), colour (checked {@code #rrggbb}) and the readable text colour on it. */
    static ArrayNode tags(List<TagSummary> tags) {
        ArrayNode array = JacksonUtils.createArrayNode();
        for (TagSummary t : tags) {
            String color = AdminRules.isValidColor(t.color()) ? t.color().strip() : FALLBACK_TAG_COLOR;
            ObjectNode chip = JacksonUtils.createObjectNode();
            chip.put("name", t.name());
            chip.put("color", color);
            chip.put("text", TagColors.readableTextOn(color));
            array.add(chip);
        }
        return array;
    }
}
