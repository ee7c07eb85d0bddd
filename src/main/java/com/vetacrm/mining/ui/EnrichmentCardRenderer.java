package com.vetacrm.mining.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.chatter.ui.ChatterCardRenderer;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.mining.EnrichmentCard;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead mining's enrichment card in a lead's chatter (DESIGN §5.6): reads the entry's stored
 * {@link EnrichmentCard} and draws it with components ({@link EnrichmentCardView}), codes shown as names in
 * the reader's language. A payload of another version than this code knows, or one that cannot be read, is
 * left to the chatter's one-line summary and logged once per entry.
 */
@org.springframework.stereotype.Component
class EnrichmentCardRenderer implements ChatterCardRenderer {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentCardRenderer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Entries already logged as unreadable; bounded so a flood of bad payloads cannot grow it without end. */
    private static final int MAX_LOGGED = 10_000;

    private final ReferenceDataService reference;
    private final Set<Long> logged = ConcurrentHashMap.newKeySet();

    EnrichmentCardRenderer(ReferenceDataService reference) {
        this.reference = reference;
    }

    @Override
    public boolean supports(ChatterItem item) {
        return item.kind() == ChatterKind.ENRICHMENT && item.payload() != null && !item.payload().isBlank();
    }

    @Override
    public Optional<Component> render(ChatterItem item) {
        Optional<EnrichmentCard> card = read(item);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        return Optional.of(new EnrichmentCardView(card.get(), names(card.get(), locale), locale));
    }

    /** The card when this code knows its version and it can be read; empty (and logged once) otherwise. */
    Optional<EnrichmentCard> read(ChatterItem item) {
        try {
            JsonNode tree = JSON.readTree(item.payload());
            int version = tree.path("version").asInt(-1);
            if (version != EnrichmentCard.VERSION) {
                logOnce(item, "has payload version " + version + ", this version of Veta reads "
                        + EnrichmentCard.VERSION, null);
                return Optional.empty();
            }
            EnrichmentCard card = EnrichmentCard.fromJson(item.payload());
            if (card.company() == null || card.company().name() == null) {
                logOnce(item, "has no company", null);
                return Optional.empty();
            }
            return Optional.of(card);
        } catch (RuntimeException e) {
            logOnce(item, "cannot be read", e);
            return Optional.empty();
        }
    }

    private void logOnce(ChatterItem item, String problem, Exception e) {
        if (logged.size() < MAX_LOGGED && logged.add(item.id())) {
            log.warn("Enrichment card of chatter entry {} {}; its summary is shown instead{}", item.id(), problem,
                    e == null ? "" : ": " + e.getMessage());
        }
    }

    /** The reference names the card needs, in the reader's language; a code unknown here shows as itself. */
    private EnrichmentCardView.Names names(EnrichmentCard card, Locale locale) {
        String country = card.company().countryCode();
        Map<String, String> countries = map(reference.countries(locale), ReferenceDataService.Country::code,
                ReferenceDataService.Country::name);
        Map<String, String> states = country == null || card.company().stateCode() == null ? Map.of()
                : map(reference.states(country, locale), ReferenceDataService.State::code,
                        ReferenceDataService.State::name);
        return new EnrichmentCardView.Names(
                map(reference.industries(locale), ReferenceDataService.Item::code, ReferenceDataService.Item::name),
                countries, states,
                map(reference.contactRoles(locale), ReferenceDataService.Item::code, ReferenceDataService.Item::name),
                map(reference.seniorities(locale), ReferenceDataService.Item::code, ReferenceDataService.Item::name),
                card.company().technologies().isEmpty() ? Map.of()
                        : map(reference.technologies(), ReferenceDataService.Technology::code,
                                ReferenceDataService.Technology::name));
    }

    private static <T> Map<String, String> map(java.util.List<T> items, Function<T, String> code,
            Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(code, name, (a, b) -> a));
    }
}
