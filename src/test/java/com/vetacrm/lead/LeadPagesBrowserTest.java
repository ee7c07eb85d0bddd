package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The three lead pages a manager lives in, in a real browser, with a screenshot of each for a person
 * to look at (target/screenshots/lead-pages-*.png): the pipeline, the leads grid and one lead with
 * contacts and a note.
 */
class LeadPagesBrowserTest extends LeadBrowserTestBase {

    @Test
    void managerSeesPipelineLeadsGridAndALeadWithContactsAndChatter() {
        String word = unique();
        List<StageSummary> stages = openStages();
        List<TagSummary> tags = tags();
        VetaPrincipal sales = principal(DemoUsers.SALES);
        long showcase = asManager(() -> {
            for (int i = 0; i < 6; i++) {
                LeadDraft d = new LeadDraft();
                d.setName(List.of("Website relaunch", "ERP rollout", "Fleet tracking", "Support renewal",
                        "Data platform", "Office move").get(i) + " " + word);
                d.setPartnerName(List.of("Northwind Traders", "Contoso Ltd", "Fabrikam Inc", "Tailspin Toys",
                        "Adventure Works", "Wide World Importers").get(i));
                d.setExpectedRevenue(new BigDecimal(5_000 + 7_500 * i));
                d.setPriority(i % 4);
                d.setStageId(stages.get(i % stages.size()).id());
                d.setTagIds(Set.of(tags.get(i % tags.size()).id()));
                if (i % 2 == 1) {
                    d.setSalespersonId(sales.id());
                }
                leads.create(d);
            }
            LeadDraft d = new LeadDraft();
            d.setName("Acme Robotics expansion " + word);
            d.setPartnerName("Acme Robotics S.L.");
            d.setContactName("Lucía Gómez");
            d.setJobTitle("Head of Operations");
            d.setEmail("lucia.gomez@acme-robotics.example");
            d.setCountryCode("ES");
            d.setPhone("+34 912 345 678");
            d.setWebsite("acme-robotics.example");
            d.setCity("Madrid");
            d.setExpectedRevenue(new BigDecimal("48000"));
            d.setProbability(new BigDecimal("40"));
            d.setPriority(3);
            d.setStageId(stages.get(1).id());
            d.setTagIds(Set.of(tags.get(0).id(), tags.get(1).id()));
            d.setDescription("Second plant in Zaragoza; wants the rollout before Q3.");
            long id = leads.create(d).id();
            leads.addContact(id, contact("Lucía Gómez", "Head of Operations", "lucia.gomez@acme-robotics.example"));
            leads.addContact(id, contact("Jordi Puig", "CFO", "jordi.puig@acme-robotics.example"));
            leads.logNote(id, "Called Lucía: budget approved, send the proposal by Friday.");
            return id;
        });

        signInAsManager();
        open("pipeline");
        waitFor(By.id("pipeline-board"));
        // demo data may fill the first page of a column, so any card will do, not necessarily ours
        waitFor(By.cssSelector("#pipeline-board .stage-column .lead-card"));
        waitUntilIdle();
        assertThat(driver.findElements(By.cssSelector("#pipeline-board .stage-column"))).hasSizeGreaterThanOrEqualTo(2);
        screenshot("lead-pages-pipeline");

        open("leads");
        waitFor(By.id("leads-grid"));
        waiting().until(d -> Boolean.TRUE.equals(js("""
                return Array.from(document.querySelectorAll('#leads-grid vaadin-grid-cell-content a'))
                        .some(a => a.checkVisibility());
                """)));
        waitUntilIdle();
        screenshot("lead-pages-leads");

        open("leads/" + showcase);
        assertThat(waitFor(By.id("lead-form")).isDisplayed()).isTrue();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-contacts"), "Jordi Puig"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chatter-panel"),
                "budget approved"));
        waitUntilIdle();
        assertThat(waitFor(By.id("chatter-panel")).isDisplayed()).isTrue();
        assertThat(driver.getTitle()).contains("Acme Robotics expansion");
        screenshot("lead-pages-lead");

        WebElement contacts = waitFor(By.id("lead-contacts"));
        js("arguments[0].scrollIntoView({block: 'center'});", contacts);
        waiting().until(d -> contacts.isDisplayed() && Boolean.TRUE.equals(js("""
                const r = arguments[0].getBoundingClientRect();
                return r.top >= 0 && r.top < window.innerHeight;
                """, contacts)));
        screenshot("lead-pages-lead-contacts");
    }

    private static ContactDraft contact(String name, String title, String email) {
        ContactDraft c = new ContactDraft();
        c.setFullName(name);
        c.setJobTitle(title);
        c.setEmail(email);
        return c;
    }
}
