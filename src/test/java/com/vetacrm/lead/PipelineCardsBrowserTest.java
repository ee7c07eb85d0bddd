package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pipeline's cards as the browser draws them from data (a virtual list per column with a Lit template):
 * what a card shows, its stars, and a long column loading as the user scrolls.
 */
class PipelineCardsBrowserTest extends LeadBrowserTestBase {

    private static By column(StageSummary stage) {
        return By.cssSelector("#pipeline-board .stage-column[data-stage-id='" + stage.id() + "']");
    }

    private static By card(long leadId) {
        return By.cssSelector("#pipeline-board .lead-card[data-lead-id='" + leadId + "']");
    }

    /** A lead named after {@code prefix} and a unique word in the stage; the board, as the manager, filtered to it. */
    private long boardWithOneCard(String prefix, StageSummary stage) {
        String word = unique();
        long id = asManager(() -> {
            LeadDraft d = new LeadDraft();
            d.setName(prefix + " " + word);
            d.setStageId(stage.id());
            return leads.create(d).id();
        });
        signInAsManager();
        open("pipeline?q=" + encode(word));
        waitFor(card(id));
        waitUntilIdle();
        return id;
    }

    @Test
    void cardShowsNameLinkBadgeCompanyRevenueTagsAvatarAndTextAsTyped() {
        StageSummary stage = openStages().getFirst();
        TagSummary tag = tags().getFirst();
        String word = unique();
        String name = "<b>Bold</b> & co " + word;
        long id = asManager(() -> {
            LeadDraft d = new LeadDraft();
            d.setName(name);
            d.setPartnerName("Dragon <i>Logistics</i>");
            d.setExpectedRevenue(new BigDecimal("12000"));
            d.setStageId(stage.id());
            d.setTagIds(Set.of(tag.id()));
            d.setSalespersonId(principal(DemoUsers.SALES).id());
            return leads.create(d).id();
        });

        signInAsManager();
        open("pipeline?q=" + encode(word));
        WebElement card = waitFor(card(id));
        waitUntilIdle();

        WebElement link = card.findElement(By.cssSelector("a.lead-card-name"));
        assertThat(link.getText()).isEqualTo(name);
        assertThat(link.getDomAttribute("href")).isEqualTo("leads/" + id);
        assertThat(card.findElements(By.cssSelector("b, i"))).as("markup typed into a name is text").isEmpty();
        assertThat(card.findElement(By.cssSelector(".veta-badge.type-lead")).getText()).isEqualToIgnoringCase("Lead");
        assertThat(card.findElement(By.cssSelector(".lead-card-company")).getText()).isEqualTo("Dragon <i>Logistics</i>");
        assertThat(card.findElement(By.cssSelector(".lead-card-revenue")).getText()).isEqualTo("12,000");
        WebElement chip = card.findElement(By.cssSelector(".lead-card-tags .tag-chip"));
        assertThat(chip.getText()).isEqualTo(tag.name());
        assertThat(chip.getDomAttribute("style")).contains("--tag-color: " + tag.color());
        assertThat(card.findElement(By.cssSelector("vaadin-avatar")).getDomProperty("name"))
                .isEqualTo(principal(DemoUsers.SALES).displayName());
        assertThat(card.findElements(By.cssSelector(".priority-star"))).hasSize(3);
        assertThat(card.getDomAttribute("draggable")).isEqualTo("true");
    }

    @Test
    void clickingAStarSetsThePriorityAndClickingTheHighestLitStarTurnsItOff() {
        StageSummary stage = openStages().getFirst();
        long id = boardWithOneCard("Starred", stage);
        By stars = By.cssSelector("#pipeline-board .lead-card[data-lead-id='" + id + "'] .priority-stars");
        assertThat(driver.findElement(stars).getDomAttribute("data-priority")).isEqualTo("0");

        driver.findElements(By.cssSelector("#pipeline-board .lead-card[data-lead-id='" + id + "'] .priority-star"))
                .get(2).click();
        waiting().until(ExpectedConditions.attributeToBe(stars, "data-priority", "3"));
        waitUntilIdle();
        assertThat(asManager(() -> leads.get(id)).draft().getPriority()).isEqualTo(3);

        driver.findElements(By.cssSelector("#pipeline-board .lead-card[data-lead-id='" + id + "'] .priority-star"))
                .get(2).click();
        waiting().until(ExpectedConditions.attributeToBe(stars, "data-priority", "2"));
        waitUntilIdle();
        assertThat(asManager(() -> leads.get(id)).draft().getPriority()).isEqualTo(2);
    }

    @Test
    void aColumnsHeaderButtonsFoldItOpenItAndOpenItsQuickCreateForm() {
        StageSummary stage = openStages().get(1);
        long id = boardWithOneCard("Header", stage);
        By foldedColumn = By.cssSelector("#pipeline-board .stage-column.folded[data-stage-id='" + stage.id() + "']");
        assertThat(driver.findElements(foldedColumn)).isEmpty();

        driver.findElement(column(stage)).findElement(By.cssSelector(".stage-fold-button")).click();
        waitFor(foldedColumn);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(card(id)));

        // a click on the folded strip's title opens the column again
        driver.findElement(column(stage)).findElement(By.cssSelector(".stage-header h3")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(foldedColumn));
        waitFor(card(id));

        driver.findElement(column(stage)).findElement(By.cssSelector(".quick-create-button")).click();
        waitFor(By.cssSelector("#pipeline-board .stage-column[data-stage-id='" + stage.id()
                + "'] #quick-create-form #quick-create-name"));
    }

    @Test
    void aLongColumnLoadsTheCardsOnScreenAndTheRestAsTheUserScrolls() {
        StageSummary stage = openStages().getFirst();
        String word = unique();
        int total = 90;
        List<Long> ids = asManager(() -> {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                LeadDraft d = new LeadDraft();
                d.setName("Scroll " + i + " " + word);
                d.setStageId(stage.id());
                created.add(leads.create(d).id());
            }
            return created;
        });
        // the column's order is priority, then newest first: the first lead created is the last card
        long last = ids.getFirst();

        signInAsManager();
        open("pipeline?q=" + encode(word));
        waitFor(card(ids.getLast()));
        waitUntilIdle();

        WebElement list = driver.findElement(column(stage)).findElement(By.cssSelector("vaadin-virtual-list"));
        long loaded = (Long) js("return arguments[0].items.filter(i => i !== undefined).length;", list);
        long drawn = (Long) js("return arguments[0].querySelectorAll('.lead-card').length;", list);
        System.out.printf("pipeline column: %d cards, %d drawn, %d loaded after opening%n", total, drawn, loaded);
        assertThat(loaded).as("cards loaded when the board opens").isGreaterThanOrEqualTo(drawn).isLessThan(total);
        assertThat(driver.findElements(card(last))).isEmpty();

        js("arguments[0].scrollToIndex(arguments[1]);", list, total - 1);

        waitFor(card(last));
        waitUntilIdle();
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) js("return [...arguments[0].querySelectorAll('.lead-card')]"
                + ".map(c => c.dataset.leadId);", list);
        assertThat(shown).as("cards drawn after scrolling to the end").doesNotHaveDuplicates()
                .contains(String.valueOf(last));
    }
}
