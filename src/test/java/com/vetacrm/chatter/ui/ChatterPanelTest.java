package com.vetacrm.chatter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.chatter.ChatterService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * DESIGN C4: the chatter panel on its own, over an in-memory timeline, so paging, note rules and
 * rendering are checked without a lead behind it (the lead page tests cover it with the real service).
 */
@WithUserDetails(DemoUsers.MANAGER)
class ChatterPanelTest extends ViewTest {

    /** A timeline in memory, newest first, as the owner's service would serve it. */
    static final class MemoryFeed implements ChatterFeed {
        final List<ChatterItem> items = new ArrayList<>();
        final List<String> posted = new ArrayList<>();

        @Override
        public List<ChatterItem> load(int offset, int limit) {
            return items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size()));
        }

        @Override
        public void post(String text) {
            posted.add(text);
            items.addFirst(new ChatterItem(1000 + posted.size(), ChatterKind.NOTE, 2L, "Marta Ruiz", text, List.of(),
                    null, Instant.now()));
        }
    }

    private MemoryFeed feed;

    @BeforeEach
    void emptyTimeline() {
        feed = new MemoryFeed();
    }

    private ChatterPanel panel() {
        ChatterPanel panel = new ChatterPanel(feed);
        UI.getCurrent().add(panel);
        return panel;
    }

    private List<Div> entries(ChatterPanel panel) {
        return $(Div.class, panel).withClassName("chatter-entry").all();
    }

    private static ChatterItem note(long id, String text, Instant at) {
        return new ChatterItem(id, ChatterKind.NOTE, 2L, "Marta Ruiz", text, List.of(), null, at);
    }

    @Test
    void showsTheNewestPageAndLoadsOlderEntriesOnDemand() {
        Instant now = Instant.now();
        for (int i = 0; i < ChatterPanel.PAGE + 5; i++) {
            feed.items.add(note(i, "note " + i, now.minus(Duration.ofMinutes(i * 10L))));
        }
        ChatterPanel panel = panel();
        Button older = $(Button.class, panel).id("chatter-older");

        assertThat(entries(panel)).hasSize(ChatterPanel.PAGE);
        assertThat(older.isVisible()).isTrue();
        assertThat(entries(panel).getFirst().getElement().getTextRecursively()).contains("note 0");

        test(older).click();

        assertThat(entries(panel)).hasSize(ChatterPanel.PAGE + 5);
        assertThat(entries(panel).getLast().getElement().getTextRecursively()).contains("note " + (ChatterPanel.PAGE + 4));
        assertThat(older.isVisible()).isFalse();
    }

    @Test
    void systemEventsAreTranslatedAndSignedByVeta() {
        feed.items.add(new ChatterItem(1, ChatterKind.EVENT, null, null, "lead.event.lost", List.of("No budget"), null,
                Instant.now().minus(Duration.ofMinutes(5))));
        ChatterPanel panel = panel();

        Div entry = entries(panel).getFirst();
        assertThat(entry.getElement().getAttribute("data-kind")).isEqualTo("EVENT");
        assertThat($(Span.class, entry).withClassName("chatter-author").single().getText()).isEqualTo("Veta");
        assertThat($(Span.class, entry).withClassName("chatter-time").single().getText()).isEqualTo("5 minutes ago");
        assertThat(entry.getElement().getTextRecursively()).contains("Marked as lost: No budget");
    }

    @Test
    void noteIsPostedAndShownOnTopAsPlainText() {
        feed.items.add(note(1, "older note", Instant.now().minus(Duration.ofDays(1))));
        ChatterPanel panel = panel();
        TextArea input = $(TextArea.class, panel).id("chatter-note-input");

        test(input).setValue("  <script>alert(1)</script>\nsecond line  ");
        test($(Button.class, panel).id("chatter-note-submit")).click();

        assertThat(feed.posted).containsExactly("<script>alert(1)</script>\nsecond line");
        Div body = $(Div.class, entries(panel).getFirst()).withClassName("chatter-note-text").single();
        assertThat(body.getText()).isEqualTo("<script>alert(1)</script>\nsecond line");
        assertThat(body.getElement().getProperty("innerHTML")).isNull();
        assertThat(entries(panel)).hasSize(2);
        assertThat(input.getValue()).isEmpty();
    }

    @Test
    void blankNoteIsRefusedAtTheFieldAndNothingIsPosted() {
        ChatterPanel panel = panel();
        TextArea input = $(TextArea.class, panel).id("chatter-note-input");

        test(input).setValue("   ");
        test($(Button.class, panel).id("chatter-note-submit")).click();

        assertThat(feed.posted).isEmpty();
        assertThat(input.isInvalid()).isTrue();
        assertThat(input.getErrorMessage()).isEqualTo("Write something before logging the note.");

        // typing again clears the error
        test(input).setValue("now with text");
        assertThat(input.isInvalid()).isFalse();
    }

    @Test
    void tooLongNoteIsRefusedAtTheField() {
        ChatterPanel panel = panel();
        TextArea input = $(TextArea.class, panel).id("chatter-note-input");
        input.setMaxLength(ChatterService.MAX_NOTE_LENGTH + 10);  // a client that ignores the field's limit

        test(input).setValue("x".repeat(ChatterService.MAX_NOTE_LENGTH + 1));
        test($(Button.class, panel).id("chatter-note-submit")).click();

        assertThat(feed.posted).isEmpty();
        assertThat(input.getErrorMessage()).startsWith("A note can hold at most");
    }
}
