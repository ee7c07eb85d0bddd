package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.TagSummary;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.testsupport.DemoUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * The leads grid filtered by tag and salesperson through the real combo boxes: only the matching row
 * stays, the filters go into the address, and that address opens the same filtered grid.
 */
class LeadsFilterBrowserTest extends LeadBrowserTestBase {

    @Test
    void tagAndSalespersonFiltersNarrowTheGridAndSurviveAReload() {
        List<TagSummary> tags = tags();
        assertThat(tags).hasSizeGreaterThanOrEqualTo(2);
        TagSummary tagA = tags.get(0);
        TagSummary tagB = tags.get(1);
        VetaPrincipal x = principal(DemoUsers.MANAGER);
        VetaPrincipal y = principal(DemoUsers.SALES);
        String prefix = "Flt" + unique();
        String aByX = prefix + " alpha";
        String aByY = prefix + " bravo";
        String bByX = prefix + " charlie";
        long stageId = openStages().getFirst().id();
        asManager(() -> {
            create(aByX, stageId, tagA, x);
            create(aByY, stageId, tagA, y);
            create(bByX, stageId, tagB, x);
            return null;
        });

        signInAsManager();
        open("leads?q=" + encode(prefix));
        awaitRows(List.of(aByX, aByY, bByX));

        pickTag(tagA.name());
        awaitRows(List.of(aByX, aByY));

        pickSalesperson(x.displayName());
        awaitRows(List.of(aByX));
        waiting().until(d -> d.getCurrentUrl().contains("salesperson=" + x.id()));
        assertThat(driver.getCurrentUrl())
                .contains("q=" + prefix)
                .contains("tags=" + tagA.id())
                .contains("salesperson=" + x.id());

        driver.navigate().refresh();

        awaitRows(List.of(aByX));
        assertThat(driver.findElement(By.cssSelector("#filter-salesperson input")).getDomProperty("value"))
                .isEqualTo(x.displayName());
        assertThat(js("return document.getElementById('filter-tag').selectedItems.map(i => i.label);"))
                .asList().containsExactly(tagA.name());
    }

    private void create(String name, long stageId, TagSummary tag, VetaPrincipal salesperson) {
        LeadDraft draft = new LeadDraft();
        draft.setName(name);
        draft.setStageId(stageId);
        draft.setPartnerName("Filter Test Ltd");
        draft.setTagIds(Set.of(tag.id()));
        draft.setSalespersonId(salesperson.id());
        leads.create(draft);
    }

    /** Types into the tag filter and clicks the matching item of its drop-down, then closes it. */
    private void pickTag(String tag) {
        WebElement input = waitFor(By.cssSelector("#filter-tag input"));
        input.click();
        input.sendKeys(tag);
        waitForDeep("vaadin-multi-select-combo-box-item", tag).click();
        input.sendKeys(Keys.ESCAPE);
        waitUntilIdle();
    }

    /** Types into the salesperson filter (a lazy, server-filtered list) and clicks the matching item. */
    private void pickSalesperson(String name) {
        WebElement input = waitFor(By.cssSelector("#filter-salesperson input"));
        input.click();
        input.sendKeys(name);
        waitForDeep("vaadin-combo-box-item", name).click();
        waitUntilIdle();
    }

    /** The names in the grid's visible rows (the name column renders a link per row). */
    @SuppressWarnings("unchecked")
    private List<String> rows() {
        return ((List<String>) js("""
                const grid = document.getElementById('leads-grid');
                if (!grid) { return []; }
                return Array.from(grid.querySelectorAll('vaadin-grid-cell-content a'))
                        .filter(a => a.checkVisibility())
                        .map(a => a.textContent.trim());
                """)).stream().sorted().toList();
    }

    private void awaitRows(List<String> expected) {
        List<String> sorted = expected.stream().sorted().toList();
        try {
            waiting().until(d -> rows().equals(sorted));
        } catch (TimeoutException e) {
            assertThat(rows()).as("names in the leads grid").isEqualTo(sorted);
        }
    }
}
