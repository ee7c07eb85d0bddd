package com.vetacrm.chatter.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextAreaVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.chatter.ChatterService;
import com.vetacrm.shared.BusinessRuleException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record's timeline beside its form: a box to log a note, then notes, system events and enrichment
 * cards, newest first, a page at a time. Every text is set as text, never as HTML, so whatever a
 * user or an import typed is shown inert. Enrichment cards are drawn by the {@link ChatterCardRenderer}s the
 * embedding view passes in (the feature that wrote them knows their format); without one, or when it cannot
 * read the payload, the entry shows its one-line summary.
 */
public class ChatterPanel extends VerticalLayout {

    static final int PAGE = 20;
    private static final Logger log = LoggerFactory.getLogger(ChatterPanel.class);

    private final ChatterFeed feed;
    private final transient List<ChatterCardRenderer> renderers;
    private final TextArea note = new TextArea();
    private final Div entries = new Div();
    private final Button older = new Button();
    private int loaded;
    private ZoneId zone = ZoneOffset.UTC;

    public ChatterPanel(ChatterFeed feed) {
        this(feed, List.of());
    }

    public ChatterPanel(ChatterFeed feed, List<? extends ChatterCardRenderer> renderers) {
        this.feed = feed;
        this.renderers = renderers.stream().sorted(Comparator.comparingInt(ChatterCardRenderer::order))
                .map(ChatterCardRenderer.class::cast).toList();
        setId("chatter-panel");
        addClassName("chatter-panel");
        setPadding(false);

        note.setId("chatter-note-input");
        note.setPlaceholder(getTranslation("chatter.note.placeholder"));
        note.setAriaLabel(getTranslation("chatter.note.placeholder"));
        note.setWidthFull();
        note.setMaxLength(ChatterService.MAX_NOTE_LENGTH);
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.addThemeVariants(TextAreaVariant.LUMO_SMALL);
        note.addValueChangeListener(e -> note.setInvalid(false));

        Button submit = new Button(getTranslation("chatter.note.submit"), e -> post());
        submit.setId("chatter-note-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(note);

        entries.addClassName("chatter-entries");
        older.setText(getTranslation("chatter.older"));
        older.setId("chatter-older");
        older.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        older.addClickListener(e -> loadMore());

        add(new H3(getTranslation("chatter.title")), note, submit, entries, older);
        reload();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        // show times in the browser's zone when it is known; otherwise UTC
        BrowserZone.of(event.getUI()).filter(browser -> !browser.equals(zone)).ifPresent(browser -> {
            zone = browser;
            reload();
        });
    }

    /** Reads the newest page again, e.g. after the record changed and the service wrote an event. */
    public void reload() {
        entries.removeAll();
        loaded = 0;
        loadMore();
    }

    private void loadMore() {
        List<ChatterItem> page = feed.load(loaded, PAGE);
        Instant now = Instant.now();
        page.forEach(item -> entries.add(render(item, now)));
        loaded += page.size();
        older.setVisible(page.size() == PAGE);
    }

    private void post() {
        try {
            String text = ChatterService.validNote(note.getValue());
            feed.post(text);
            note.clear();
            reload();
        } catch (BusinessRuleException e) {
            note.setErrorMessage(getTranslation(e.messageKey(), e.args()));
            note.setInvalid(true);
        }
    }

    private Component render(ChatterItem item, Instant now) {
        Div entry = new Div();
        entry.addClassNames("chatter-entry", "chatter-" + item.kind().name().toLowerCase());
        entry.getElement().setAttribute("data-kind", item.kind().name());

        String author = item.authorName() == null ? getTranslation("chatter.system") : item.authorName();
        Avatar avatar = new Avatar(author);
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Span who = new Span(author);
        who.addClassName("chatter-author");
        Span when = new Span(RelativeTime.format(item.createdAt(), now, zone, getLocale(),
                (key, args) -> getTranslation(key, args)));
        when.addClassName("chatter-time");
        when.getElement().setAttribute("title", RelativeTime.exact(item.createdAt(), zone, getLocale()));
        Div head = new Div(avatar, who, when);
        head.addClassName("chatter-head");

        Div body = new Div();
        body.addClassName("chatter-body");
        if (item.kind() == ChatterKind.EVENT) {
            body.add(VaadinIcon.INFO_CIRCLE_O.create());
            body.add(new Span(getTranslation(item.text(), item.args().toArray())));
        } else if (item.kind() == ChatterKind.ENRICHMENT) {
            body.setId("enrichment-card");
            Optional<Component> card = card(item);
            if (card.isPresent()) {
                body.addClassName("chatter-card");
                body.add(card.get());
            } else {
                body.add(VaadinIcon.DIAMOND_O.create(), new Span(item.text()));
            }
        } else {
            // plain text; CSS keeps the line breaks (white-space: pre-wrap)
            body.setText(item.text());
            body.addClassName("chatter-note-text");
        }
        entry.add(head, body);
        return entry;
    }

    /** The first supporting renderer's card; empty (the summary is shown) when none can draw it. */
    private Optional<Component> card(ChatterItem item) {
        for (ChatterCardRenderer renderer : renderers) {
            if (renderer.supports(item)) {
                try {
                    return renderer.render(item);
                } catch (RuntimeException e) {
                    // a renderer's bug must not take the whole timeline down
                    log.warn("Chatter entry {} could not be drawn by {}; showing its summary", item.id(),
                            renderer.getClass().getName(), e);
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
