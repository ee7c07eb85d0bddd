package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.credits.CreditService;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.SignIns;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The headline feature in a real browser: a manager generates five leads with two contacts each from the leads
 * grid, is told when they are ready, finds them in the grid filtered by the request with the chosen tag and
 * salesperson, reads the enrichment card of one, and sees the balance reduced by exactly the charged credits.
 */
class MiningGenerateLeadsBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    CreditService credits;
    @Autowired
    SettingsService settings;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    TagService tags;

    private <T> T asManager(Supplier<T> work) {
        return SignIns.as(users, DemoUsers.MANAGER, work);
    }

    private void waitUntilIdle() {
        waiting().until(d -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete' || !window.Vaadin || !window.Vaadin.Flow
                        || !window.Vaadin.Flow.clients) { return false; }
                const clients = Object.values(window.Vaadin.Flow.clients);
                return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());
                """)));
    }

    /** Types into a (multi-select) combo box, waits for the server's suggestions, and picks the one typed. */
    private void choose(String id, String label) {
        WebElement input = field(id);
        js("arguments[0].focus()", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        waitUntilIdle();
        waiting().until(d -> Boolean.TRUE.equals(js("""
                const items = [...document.querySelectorAll('vaadin-combo-box-item, vaadin-multi-select-combo-box-item')];
                return items.some(i => i.checkVisibility() && i.textContent.trim() === arguments[0]);""", label)));
        js("""
                const items = [...document.querySelectorAll('vaadin-combo-box-item, vaadin-multi-select-combo-box-item')];
                items.find(i => i.checkVisibility() && i.textContent.trim() === arguments[0]).click();""", label);
        waitUntilIdle();
    }

    /** The input of a field of the dialog, scrolled into its view. */
    private WebElement field(String id) {
        WebElement input = waiting().until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
        js("arguments[0].scrollIntoView({block: 'center'})", input);
        waiting().until(d -> input.isDisplayed());
        return input;
    }

    private void type(String id, String value) {
        WebElement input = field(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        waitUntilIdle();
    }

    @Test
    void aManagerGeneratesFiveLeadsWithContactsAndFindsThemTaggedAssignedEnrichedAndPaidFor() {
        // a country and industry of the generated directory with enough companies that have contacts and are not
        // leads yet; the dialog starts with the installation's country, so that becomes the country for this test
        Map<String, Object> target = jdbc.queryForMap("""
                SELECT c.country_code, c.industry_code, COUNT(DISTINCT c.id) AS n FROM directory_company c
                JOIN directory_contact k ON k.company_id = c.id
                WHERE NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.directory_company_ref = c.ref)
                GROUP BY c.country_code, c.industry_code HAVING COUNT(DISTINCT c.id) >= 10 ORDER BY n DESC LIMIT 1""");
        String country = (String) target.get("country_code");
        String industry = (String) target.get("industry_code");
        MiningSettings before = settings.current();
        SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(before.withInstallationCountry(country)));
        try {
            generateAndCheck(country, industry);
        } finally {
            SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(before));
        }
    }

    private void generateAndCheck(String country, String industry) {
        String role = jdbc.queryForObject("""
                SELECT k.role_code FROM directory_contact k JOIN directory_company c ON c.id = k.company_id
                WHERE c.country_code = ? AND c.industry_code = ? GROUP BY k.role_code ORDER BY COUNT(*) DESC LIMIT 1""",
                String.class, country, industry);
        String industryName = asManager(() -> reference.industries(Locale.ENGLISH)).stream()
                .filter(i -> i.code().equals(industry)).findFirst().orElseThrow().name();
        String roleName = asManager(() -> reference.contactRoles(Locale.ENGLISH)).stream()
                .filter(i -> i.code().equals(role)).findFirst().orElseThrow().name();
        TagSummary tag = asManager(() -> tags.findAll()).getFirst();
        long balanceBefore = asManager(() -> credits.balance().balance());

        signIn(DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);
        waiting().until(d -> !d.getCurrentUrl().contains("login"));
        open("leads");
        waitUntilIdle();
        waitFor(By.id("generate-leads-button")).click();
        waitFor(By.id("generate-leads-dialog"));
        waitUntilIdle();

        type("gl-lead-number", "5");
        js("[...document.querySelectorAll('#gl-search-type vaadin-radio-button')]"
                + ".find(b => b.textContent.trim() === 'Companies and their Contacts').click()");
        waitUntilIdle();
        choose("gl-industries", industryName);
        type("gl-contact-number", "2");
        choose("gl-preferred-role", roleName);
        choose("gl-tags", tag.name());
        choose("gl-salesperson", "Sam Patel");
        assertThat(waitFor(By.id("gl-estimate-total")).getText()).startsWith("Total: at most 15 credits.");
        waiting().until(d -> d.findElement(By.id("gl-preview")).getText().contains("not yet in your CRM"));

        driver.findElement(By.id("gl-submit")).click();

        WebElement result = waitFor(By.id("mining-result-text"));
        long requestId = jdbc.queryForObject("SELECT MAX(id) FROM mining_request WHERE created_by = (SELECT id FROM app_user"
                + " WHERE username = 'manager')", Long.class);
        Map<String, Object> request = jdbc.queryForMap("SELECT number_seq, state, leads_found, contacts_found,"
                + " credits_charged FROM mining_request WHERE id = ?", requestId);
        assertThat(request.get("state")).isEqualTo("DONE");
        assertThat(((Number) request.get("leads_found")).intValue()).isEqualTo(5);
        long charged = ((Number) request.get("credits_charged")).longValue();
        assertThat(charged).isEqualTo(5 + ((Number) request.get("contacts_found")).longValue()).isLessThanOrEqualTo(15);
        assertThat(result.getText()).isEqualTo("5 leads created (" + MiningRequestRow.number(
                ((Number) request.get("number_seq")).intValue()) + ") — " + charged + " credits");

        driver.findElement(By.id("mining-result-leads-link")).click();
        waiting().until(d -> d.getCurrentUrl().contains("leads?request=" + requestId));
        List<Map<String, Object>> mined = jdbc.queryForList("SELECT id, name FROM crm_lead WHERE mining_request_id = ?"
                + " ORDER BY id", requestId);
        assertThat(mined).hasSize(5);
        waitUntilIdle();
        for (Map<String, Object> lead : mined) {
            waiting().until(d -> Boolean.TRUE.equals(js("""
                    return [...document.querySelectorAll('vaadin-grid-cell-content')]
                        .some(c => c.textContent.trim() === arguments[0]);""", lead.get("name"))));
        }
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) js("return [...document.querySelectorAll('vaadin-grid-cell-content')]"
                + ".map(c => c.textContent.trim());");
        // rendered cells of rows scrolled away may stay in the DOM: count at least, and check the records exactly
        assertThat(cells.stream().filter("Sam Patel"::equals).count()).as("salesperson of each row").isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("SELECT u.username FROM crm_lead l JOIN app_user u ON u.id = l.salesperson_id"
                + " WHERE l.mining_request_id = ?", String.class, requestId)).hasSize(5).containsOnly(DemoUsers.SALES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_tag t JOIN crm_lead l ON l.id = t.lead_id"
                + " WHERE l.mining_request_id = ? AND t.tag_id = ?", Long.class, requestId, tag.id())).isEqualTo(5);
        assertThat(waitFor(By.id("filter-request")).getText()).isNotBlank();
        assertThat(cells.stream().filter(c -> c.contains(tag.name())).count()).as("tag of each row").isGreaterThanOrEqualTo(5);

        // a company without a contact of the preferred role is delivered too (DESIGN §5.7): open one with contacts
        long leadId = jdbc.queryForObject("SELECT MIN(c.lead_id) FROM lead_contact c JOIN crm_lead l ON l.id = c.lead_id"
                + " WHERE l.mining_request_id = ?", Long.class, requestId);
        open("leads/" + leadId);
        WebElement card = waitFor(By.id("enrichment-card"));
        List<String> contactNames = jdbc.queryForList("SELECT full_name FROM lead_contact WHERE lead_id = ?", String.class,
                leadId);
        assertThat(contactNames).isNotEmpty();
        assertThat(card.getText()).contains(MiningRequestRow.number(((Number) request.get("number_seq")).intValue()));
        // the lead's contacts; the card's own contacts table (enrichment-contacts) comes with the chatter's card renderer
        waiting().until(d -> {
            String contacts = (String) js("return document.getElementById('lead-contacts').textContent", new Object[0]);
            return contactNames.stream().allMatch(contacts::contains);
        });

        open("credits");
        WebElement balance = waitFor(By.id("credit-balance-value"));
        assertThat(balance.getText()).isEqualTo(String.format(Locale.ENGLISH, "%,d", balanceBefore - charged));
    }
}
