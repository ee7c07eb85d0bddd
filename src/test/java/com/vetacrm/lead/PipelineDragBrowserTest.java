package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.StageSummary;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Dragging a card to another column in a real browser changes the lead's stage, for good: the card
 * stays in the new column after a reload, the database agrees, and both column counts follow.
 */
class PipelineDragBrowserTest extends LeadBrowserTestBase {

    /**
     * HTML5 drag and drop as the browser fires it, one shared {@code DataTransfer} for the whole gesture.
     * Selenium's {@code Actions.dragAndDrop} moves the mouse only, which fires no drag events in Chrome.
     * The card's template puts the lead id into the drag data on {@code dragstart}; the column, a Vaadin drop
     * target, allows the drop and sends the id to the server on {@code drop}.
     */
    private static final String DRAG_AND_DROP = """
            const card = arguments[0], column = arguments[1];
            const data = new DataTransfer();
            const fire = (target, type) => target.dispatchEvent(
                    new DragEvent(type, {bubbles: true, cancelable: true, composed: true, dataTransfer: data}));
            fire(card, 'dragstart');
            fire(column, 'dragenter');
            fire(column, 'dragover');
            fire(column, 'drop');
            fire(card, 'dragend');
            """;

    @Test
    void cardDraggedToTheNextColumnChangesItsStageForGood() {
        List<StageSummary> open = openStages();
        assertThat(open).as("unfolded stages that are not won").hasSizeGreaterThanOrEqualTo(2);
        StageSummary from = open.get(0);
        StageSummary to = open.get(1);
        String name = "Drag " + unique();
        long id = asManager(() -> {
            LeadDraft draft = new LeadDraft();
            draft.setName(name);
            draft.setPartnerName("Dragon Logistics");
            draft.setExpectedRevenue(new BigDecimal("12000"));
            draft.setStageId(from.id());
            return leads.create(draft).id();
        });

        signInAsManager();
        open("pipeline?q=" + encode(name));
        By inFrom = card(from, id);
        By inTo = card(to, id);
        WebElement card = waitFor(inFrom);
        assertThat(count(from)).isEqualTo("1");
        assertThat(count(to)).isEqualTo("0");
        assertThat(card.getDomAttribute("draggable")).isEqualTo("true");

        js(DRAG_AND_DROP, card, driver.findElement(column(to)));

        waitFor(inTo);
        waiting().until(ExpectedConditions.attributeToBe(column(to), "data-count", "1"));
        waiting().until(ExpectedConditions.attributeToBe(column(from), "data-count", "0"));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(inFrom));
        waitUntilIdle();
        assertThat(asManager(() -> leads.get(id)).draft().getStageId()).isEqualTo(to.id());

        driver.navigate().refresh();

        waitFor(inTo);
        waitUntilIdle();
        assertThat(driver.findElements(inFrom)).noneMatch(WebElement::isDisplayed);
        assertThat(count(to)).isEqualTo("1");
        assertThat(count(from)).isEqualTo("0");
        assertThat(driver.findElement(column(to)).findElement(By.cssSelector(".stage-count")).getText())
                .isEqualTo("1");
    }

    /** Text dragged from elsewhere (another tab, an editor) onto a column: only plain text, no card. */
    private static final String DROP_TEXT = """
            const column = arguments[0], text = arguments[1];
            const data = new DataTransfer();
            data.setData('text/plain', text);
            const fire = type => column.dispatchEvent(
                    new DragEvent(type, {bubbles: true, cancelable: true, composed: true, dataTransfer: data}));
            fire('dragenter');
            fire('dragover');
            fire('drop');
            """;

    @Test
    void textDroppedOnAColumnMovesNothingEvenWhenItIsALeadId() {
        List<StageSummary> open = openStages();
        StageSummary from = open.get(0);
        StageSummary to = open.get(1);
        String name = "Stay " + unique();
        long id = asManager(() -> {
            LeadDraft draft = new LeadDraft();
            draft.setName(name);
            draft.setStageId(from.id());
            return leads.create(draft).id();
        });

        signInAsManager();
        open("pipeline?q=" + encode(name));
        waitFor(card(from, id));
        waitUntilIdle();

        js(DROP_TEXT, driver.findElement(column(to)), String.valueOf(id));
        waitUntilIdle();

        assertThat(asManager(() -> leads.get(id)).draft().getStageId()).isEqualTo(from.id());
        assertThat(driver.findElement(card(from, id)).isDisplayed()).isTrue();
        assertThat(count(to)).isEqualTo("0");
    }

    private static By column(StageSummary stage) {
        return By.cssSelector("#pipeline-board .stage-column[data-stage-id='" + stage.id() + "']");
    }

    /** A card of the column; a virtual list keeps the elements it no longer needs, hidden, for reuse. */
    private static By card(StageSummary stage, long leadId) {
        return By.cssSelector("#pipeline-board .stage-column[data-stage-id='" + stage.id()
                + "'] .lead-card[data-lead-id='" + leadId + "']");
    }

    private String count(StageSummary stage) {
        return driver.findElement(column(stage)).getDomAttribute("data-count");
    }
}
