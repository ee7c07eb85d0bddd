package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vetacrm.admin.NewUser;
import com.vetacrm.admin.StageEdit;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagEdit;
import com.vetacrm.admin.TeamEdit;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.credits.CreditPack;
import com.vetacrm.credits.CreditService;
import com.vetacrm.mining.ContactFilter;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.mining.SearchType;
import com.vetacrm.security.Role;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, item 2: text that users and imports supply is shown inert in a real browser. Hostile text, with a
 * {@code <script>} element, an {@code <img onerror>}, an {@code <svg onload>}, an attribute breakout
 * ({@code "><b>bold</b>}) and {@code javascript:} addresses, goes in through the paths people use: a user's
 * display name, a team, a stage, tags and the GDPR notice (administration), a lead with its contacts, description
 * and a note (the lead service the form uses), credit reasons, a companies file and a contacts file uploaded on the
 * directory import page, and a lead-mining request that turns the imported company into a lead with an
 * enrichment card. Then, signed in as the user with the hostile name, every page that shows that text is
 * opened in Chromium and checked: no payload ran ({@code window.__xss} stays undefined), no element or event
 * handler of a payload is in the DOM (shadow roots included), no link has a {@code javascript:} address, and
 * the payload is on the page as literal text. A last step injects the payload as HTML on purpose and sees it
 * run, so the checks are known to catch a real injection under Veta's content security policy.
 * Screenshots: target/screenshots/script-injection-*.png.
 */
class ScriptInjectionBrowserTest extends LeadBrowserTestBase {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SVG = "<svg onload=window.__xss=1>";
    static final String BREAKOUT = "\"><b>bold</b>";
    static final String ALL = SCRIPT + IMG + SVG + BREAKOUT;
    static final String JS_URL = "javascript:window.__xss=1";
    static final String PASSWORD = "mallory-password";

    /**
     * What the page holds that a payload could have made, searched through the document and every open shadow
     * root: script elements with the payload's code, event-handler attributes running it, the {@code img src=x}
     * and the {@code <b>bold</b>} that text would become if parsed as HTML, links and sources with a
     * {@code javascript:} address; and the page's visible text (text nodes and the values of visible inputs).
     */
    private static final String INSPECT = """
            const roots = [];
            const visit = root => {
                roots.push(root);
                root.querySelectorAll('*').forEach(e => e.shadowRoot && visit(e.shadowRoot));
            };
            visit(document);
            const seen = e => !e || typeof e.checkVisibility !== 'function' || e.checkVisibility();
            const injected = [], jsLinks = [], texts = [];
            for (const root of roots) {
                for (const e of root.querySelectorAll('*')) {
                    const tag = e.localName;
                    if (tag === 'script' && e.textContent.trim() === 'window.__xss=1') { injected.push('script element'); }
                    if (tag === 'b' && e.textContent === 'bold') { injected.push('<b> element from text'); }
                    if (tag === 'img' && e.getAttribute('src') === 'x') { injected.push('img src=x'); }
                    for (const a of Array.from(e.attributes)) {
                        if (a.name.startsWith('on') && a.value.includes('__xss')) { injected.push(tag + '[' + a.name + ']'); }
                        if (/^(href|src|action|formaction|xlink:href|data)$/.test(a.name)
                                && /^\\s*javascript:/i.test(a.value)) { jsLinks.push(tag + '[' + a.name + '=' + a.value + ']'); }
                    }
                    if ((tag === 'input' || tag === 'textarea') && seen(e)) { texts.push(e.value); }
                }
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const p = n.parentElement;
                    if (p && !['script', 'style', 'template'].includes(p.localName) && seen(p)) { texts.push(n.data); }
                }
            }
            return {xss: typeof window.__xss === 'undefined' ? null : String(window.__xss),
                    injected: injected, jsLinks: jsLinks, text: texts.join('\\n')};
            """;

    @Autowired
    UserService users;
    @Autowired
    TeamService teams;
    @Autowired
    CreditService credits;
    @Autowired
    MiningService mining;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SettingsService settings;

    private final SoftAssertions softly = new SoftAssertions();
    private MiningSettings settingsBefore;

    @AfterEach
    void restoreSettings() {
        if (settingsBefore != null) {
            asAdmin(() -> settings.save(settingsBefore));
        }
    }

    @Test
    void hostileTextFromUsersAndImportsIsShownAsTextOnEveryPageAndNoScriptRuns() throws Exception {
        String word = unique();
        String username = "mallory-" + word;
        String displayName = "Mallory " + ALL;
        // each text its own, so finding one on a page is not finding a part of another
        String teamName = "Team " + SCRIPT + IMG + SVG;
        String stageName = "Stage " + SVG + BREAKOUT;
        List<String> tagNames = List.of("tag1 " + SCRIPT, "tag2 " + IMG, "tag3 " + SVG, "tag4 " + BREAKOUT);
        String ignoredColumn = "Column " + IMG;
        String gdprText = "GDPR " + ALL;

        // ---- administration: a user, a team, a stage, tags and the GDPR notice (by the admin demo user), credit
        // reasons (by the user)
        UserSummary mallory = asAdmin(() -> users.createUser(new NewUser(username, displayName,
                username + "@example.com", Role.ADMIN, null, PASSWORD)));
        TeamSummary team = asAdmin(() -> teams.saveTeam(new TeamEdit(null, 0, teamName, mallory.id(),
                Set.of(mallory.id()), true)));
        settingsBefore = settings.current();
        asAdmin(() -> settings.save(settingsBefore.withGdprText(gdprText)));
        StageSummary stage = asAdmin(() -> stageService.saveStage(new StageEdit(null, 0, stageName, false, false)));
        List<Long> tagIds = tagNames.stream().map(n -> asAdmin(() -> tagService.saveTag(new TagEdit(null, 0, n,
                "#0090ff"))).id()).toList();
        String grantReason = "Grant " + ALL;
        String rejectReason = "Rejected " + ALL;
        as(username, () -> {
            credits.grant(100, grantReason);
            credits.rejectPurchase(credits.requestPurchase(CreditPack.PACK_100).id(), rejectReason);
            return null;
        });

        // ---- a lead typed in by the hostile user: every text field, two contacts, a note
        String leadName = word + " lead " + ALL;
        String leadCompany = "Partner " + ALL;
        String leadContact = "Contact " + ALL;
        String description = "Notes " + ALL + "\n" + JS_URL;
        String contactOne = "Ann " + ALL;
        String contactTwo = SVG + " Bob";
        String note = "Note " + ALL + " " + JS_URL;
        LeadDraft draft = new LeadDraft();
        draft.setName(leadName);
        draft.setPartnerName(leadCompany);
        draft.setContactName(leadContact);
        draft.setJobTitle(ALL);
        draft.setStreet(ALL);
        draft.setCity(ALL);
        draft.setDescription(description);
        draft.setStageId(stage.id());
        draft.setTeamId(team.id());
        draft.setSalespersonId(mallory.id());
        draft.setTagIds(new LinkedHashSet<>(tagIds));
        draft.setWebsite(JS_URL);
        assertThatThrownBy(() -> as(username, () -> leads.create(draft)))
                .as("a javascript: website is refused").isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.website"));
        draft.setWebsite("https://" + word + "-lead.example");
        long leadId = as(username, () -> {
            long id = leads.create(draft).id();
            leads.addContact(id, contact(contactOne, ALL));
            leads.addContact(id, contact(contactTwo, SCRIPT));
            leads.logNote(id, note);
            return id;
        });

        // ---- the directory import page, as the hostile user: a companies file and a contacts file
        signIn(username, PASSWORD);
        waiting().until(d -> !d.getCurrentUrl().contains("login"));
        waitUntilIdle();

        String ref = "XSS-" + word;
        String companyName = word + " company " + ALL;
        String legalName = "Legal " + ALL;
        String companyDescription = "Description " + ALL;
        String domain = word + "-corp.example";
        Path companies = csv("ref,name,legal_name,domain,description,industry,employees,country,city,street,linkedin_url,"
                        + quote(ignoredColumn),
                row(ref, companyName, legalName, domain, companyDescription, "software_services", "777777", "BE", ALL,
                        ALL, "https://www.linkedin.com/company/" + word, ""),
                row("XSS2-" + word, word + " second", "", word + "-js.example", "", "software_services", "777777", "BE",
                        "", "", JS_URL, ""),
                row("XSS3-" + word, word + " third", "", word + "-third.example", "", "software_services", SCRIPT, "BE",
                        "", "", "", ""));
        Path contacts = csv("company_ref,position,full_name,title,role,seniority,email",
                row(ref, "0", contactOne, ALL, "ceo", "executive", "ann@" + domain),
                row(ref, "1", contactTwo, "Boss " + SCRIPT, "sale", "director", "bob@" + domain));
        try {
            upload("Companies", companies, "1");
            inspect("directory-import-companies", List.of(displayName, JS_URL, ignoredColumn));
            upload("Contacts (of companies already in the directory)", contacts, "2");
            inspect("directory-import-contacts", List.of(displayName));
        } finally {
            Files.deleteIfExists(companies);
            Files.deleteIfExists(contacts);
        }
        assertThat(jdbc.queryForList("SELECT ref FROM directory_company WHERE ref LIKE ?", String.class, "XSS%-" + word))
                .as("the javascript: link and the bad number are rejected, the rest imported").containsExactly(ref);

        // ---- lead mining turns the imported company into a lead with its enrichment card (as the dialog does)
        MiningRequestRow request = as(username, () -> {
            MiningForm f = mining.newForm();
            f.setLeadNumber(1);
            f.setCountries(Set.of("BE"));
            f.setIndustries(Set.of("software_services"));
            f.setFilterOnSize(true);
            f.setSizeMin(777_777);
            f.setSizeMax(777_777);
            f.setSearchType(SearchType.COMPANIES_AND_CONTACTS);
            f.setContactNumber(2);
            f.setContactFilter(ContactFilter.ROLE);
            f.setPreferredRole("ceo");
            f.setOtherRoles(Set.of("sale"));
            f.setLeadType(LeadType.LEAD);
            f.setTeamId(team.id());
            f.setSalespersonId(mallory.id());
            f.setTagIds(new LinkedHashSet<>(tagIds));
            return mining.submit(f, null);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> as(username,
                () -> mining.findRequest(request.id()).orElseThrow().state().finished()));
        assertThat(as(username, () -> mining.findRequest(request.id()).orElseThrow().state())).isEqualTo(MiningState.DONE);
        Map<String, Object> mined = jdbc.queryForMap("SELECT id, directory_company_ref FROM crm_lead WHERE mining_request_id = ?",
                request.id());
        assertThat(mined.get("directory_company_ref")).isEqualTo(ref);
        long minedId = ((Number) mined.get("id")).longValue();

        // ---- every page that shows the text
        List<String> tagsAndMe = Stream.concat(tagNames.stream(), Stream.of(displayName)).toList();
        open("pipeline?q=" + encode(word));
        inspect("pipeline", join(List.of(leadName, leadCompany, companyName, legalName, stageName), tagsAndMe));

        open("leads?q=" + encode(word));
        inspect("leads", join(List.of(leadName, leadCompany, leadContact, companyName, legalName, contactOne, teamName,
                stageName), tagsAndMe));

        // the Generate Leads dialog: the hostile user and their team as defaults, the tags in an open list
        waitFor(By.id("generate-leads-button")).click();
        waitFor(By.id("generate-leads-dialog"));
        waitUntilIdle();
        js("document.getElementById('gl-tags').opened = true;");
        inspect("generate-leads-dialog", join(List.of(teamName, gdprText), tagsAndMe));

        open("leads/" + leadId);
        waitFor(By.id("lead-tags"));
        waitUntilIdle();
        // the tags field shows as many chips as fit: its open list shows every tag
        js("document.getElementById('lead-tags').opened = true;");
        inspect("lead", join(List.of(leadName, leadCompany, leadContact, description, contactOne, contactTwo, note,
                teamName, stageName, "https://" + word + "-lead.example"), tagsAndMe));

        open("leads/" + minedId);
        inspect("mined-lead", List.of(companyName, legalName, companyDescription, contactOne, contactTwo, "Boss " + SCRIPT,
                displayName, teamName));
        softly.assertThat(waitFor(By.id("enrichment-card")).getText()).as("the enrichment card").contains(companyDescription);

        open("mining/requests");
        inspect("mining-requests", join(List.of(teamName), tagsAndMe), "mining-requests-grid");

        open("mining/requests/" + request.id());
        inspect("mining-request", List.of(teamName, displayName));

        open("admin/audit");
        inspect("audit", List.of(displayName, "100 credits: " + grantReason, rejectReason));

        open("admin/users");
        waitFor(By.cssSelector("#users-search input")).sendKeys(word);
        inspect("users", List.of(displayName, username));

        open("admin/teams");
        inspect("teams", List.of(teamName, displayName));

        open("admin/tags");
        inspect("tags", tagsAndMe);

        open("admin/stages");
        inspect("stages", List.of(stageName, displayName));

        open("settings");
        inspect("settings", List.of(gdprText, displayName));

        open("credits");
        inspect("credits", List.of(grantReason, rejectReason, displayName));

        open("directory");
        WebElement search = waitFor(By.cssSelector("#directory-filter-search input"));
        search.sendKeys(word);
        waitUntilIdle();
        js("arguments[0].click()", waitForDeep("vaadin-grid-cell-content", companyName));
        waitFor(By.id("directory-detail"));
        inspect("directory", List.of(companyName, legalName, companyDescription, "https://www.linkedin.com/company/" + word,
                displayName));

        softly.assertAll();

        // control: the same text parsed as HTML on this page does run, so the checks above would have seen it
        js("const d = document.createElement('div'); d.innerHTML = arguments[0]; document.body.appendChild(d);", ALL);
        waiting().withMessage("the payload, parsed as HTML on purpose, runs under Veta's content security policy")
                .until(d -> "1".equals(String.valueOf(js("return window.__xss;"))));
        assertThat(inspection().injected()).isNotEmpty();
    }

    // ------------------------------------------------------------------ checks

    private record Inspection(String xss, List<String> injected, List<String> jsLinks, String text) {
    }

    @SuppressWarnings("unchecked")
    private Inspection inspection() {
        Map<String, Object> r = (Map<String, Object>) js(INSPECT);
        return new Inspection((String) r.get("xss"), (List<String>) r.get("injected"), (List<String>) r.get("jsLinks"),
                (String) r.get("text"));
    }

    /**
     * Waits until the page shows every expected text literally, then checks that no payload ran or became an
     * element and no link has a javascript: address. Problems are collected, so one page's failure does not
     * hide another's.
     */
    private void inspect(String page, List<String> expected, String... requiredIds) {
        waitUntilIdle();
        for (String id : requiredIds) {
            waitFor(By.id(id));
        }
        List<String> missing = new ArrayList<>(expected);
        try {
            waiting().until(d -> {
                String text = inspection().text();
                missing.removeIf(text::contains);
                return missing.isEmpty();
            });
        } catch (TimeoutException e) {
            // reported below with what is missing
        }
        waitUntilIdle();
        Inspection result = inspection();
        screenshot("script-injection-" + page);
        softly.assertThat(missing).as("%s: texts not shown literally", page).isEmpty();
        softly.assertThat(result.xss()).as("%s: window.__xss", page).isNull();
        softly.assertThat(result.injected()).as("%s: elements or handlers made from text", page).isEmpty();
        softly.assertThat(result.jsLinks()).as("%s: javascript: links", page).isEmpty();
    }

    // ------------------------------------------------------------------ directory import page

    /** Uploads {@code file} as {@code kind} on the import page and waits for its report. */
    private void upload(String kind, Path file, String created) {
        open("directory/import");
        waitFor(By.id("directory-import-kind"));
        waitUntilIdle();
        js("[...document.querySelectorAll('#directory-import-kind vaadin-radio-button')]"
                + ".find(b => b.textContent.trim() === arguments[0]).click()", kind);
        waitUntilIdle();
        WebElement upload = waitFor(By.id("directory-import-upload"));
        SearchContext shadow = upload.getShadowRoot();
        WebElement input = shadow.findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                .orElseGet(() -> upload.findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
        waitFor(By.id("directory-import-report"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("directory-import-created"), "data-count", created));
    }

    private static Path csv(String header, String... rows) throws java.io.IOException {
        Path file = Files.createTempFile("veta-xss", ".csv");
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A CSV row, every value quoted (quotes doubled). */
    private static String row(String... values) {
        return Arrays.stream(values).map(ScriptInjectionBrowserTest::quote).collect(Collectors.joining(","));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    // ------------------------------------------------------------------ helpers

    private <T> T asAdmin(Supplier<T> work) {
        return as(com.vetacrm.testsupport.DemoUsers.ADMIN, work);
    }

    private static ContactDraft contact(String name, String title) {
        ContactDraft c = new ContactDraft();
        c.setFullName(name);
        c.setJobTitle(title);
        return c;
    }

    private static List<String> join(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
