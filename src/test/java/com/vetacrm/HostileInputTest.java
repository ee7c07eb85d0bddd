package com.vetacrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.NewUser;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.TagEdit;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.credits.CreditService;
import com.vetacrm.directory.DirectoryFilter;
import com.vetacrm.directory.DirectoryService;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.QuickLead;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningService;
import com.vetacrm.security.Role;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Hostile input at every service entry point a form or an import feeds (reliability issue, item 2): each value
 * of a corpus — empty, blanks, 10,000 characters, emoji and right-to-left text, HTML and script, SQL
 * metacharacters, negative and huge numbers, malformed e-mails, phones and URLs, unknown ids, a state of another
 * country, min above max — either is stored as the very text given (text is data, shown inert) or is refused with
 * a {@link BusinessRuleException} or a Bean Validation refusal: never another exception, and a refusal writes
 * nothing.
 */
@WithUserDetails(DemoUsers.ADMIN)
class HostileInputTest extends ServiceTest {

    static final List<String> TEXT = List.of("", "   ", "x".repeat(10_000), "😀🚀 Ünïcödé 中文", "مرحبا بالعالم עברית",
            "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE crm_lead; --",
            "\" OR 1=1 --", "%_\\", "\u0000nul", "=HYPERLINK(\"http://evil\")", "line\nbreak\r\n");
    static final List<String> EMAILS = List.of("not-an-email", "a@b", "@example.com", "a@@example.com",
            "<script>@example.com", "x".repeat(300) + "@example.com", "a b@example.com");
    static final List<String> PHONES = List.of("abc", "+", "123", "+1 555", "9".repeat(40), "<b>1</b>", "+34 ' OR 1=1");
    static final List<String> URLS = List.of("javascript:alert(1)", "mailto:a@b.c", "http://", "https://user@evil.com",
            "ftp://example.com", "http://exa mple.com", "x".repeat(3000));
    static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("-1"), new BigDecimal("1e30"),
            new BigDecimal(Long.MAX_VALUE), new BigDecimal("0.0000001"));

    @Autowired
    LeadService leads;
    @Autowired
    StageService stages;
    @Autowired
    TeamService teams;
    @Autowired
    TagService tags;
    @Autowired
    UserService users;
    @Autowired
    SettingsService settings;
    @Autowired
    CreditService credits;
    @Autowired
    DirectoryService directory;
    @Autowired
    MiningService mining;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> unclean = new ArrayList<>();

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Runs the call; a clean refusal must leave the table as it was; anything else is recorded as a failure. */
    private void attempt(String what, String table, Runnable call) {
        long before = count(table);
        try {
            call.run();
        } catch (BusinessRuleException | ConstraintViolationException refused) {
            if (count(table) != before) {
                unclean.add(what + ": refused but wrote to " + table);
            }
        } catch (RuntimeException e) {
            unclean.add(what + ": " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private LeadDraft draft(String name) {
        LeadDraft d = new LeadDraft();
        d.setName(name);
        d.setTeamId(teams.findActive().getFirst().id());
        d.setStageId(stages.findAllInOrder().getFirst().id());
        return d;
    }

    private <T> void leadField(String field, List<T> values, BiConsumer<LeadDraft, T> set) {
        for (T v : values) {
            attempt("lead " + field + " = " + abbreviate(v), "crm_lead", () -> {
                LeadDraft d = draft("Hostile " + field);
                set.accept(d, v);
                LeadDetails saved = leads.create(d);
                if (field.equals("name")) {
                    assertThat(saved.draft().getName()).as("stored as given").isEqualTo(String.valueOf(v).strip());
                }
            });
        }
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
    }

    @Test
    void everyLeadFieldAnswersHostileValuesWithAStoredValueOrACleanRefusal() {
        leadField("name", TEXT, LeadDraft::setName);
        leadField("partner", TEXT, LeadDraft::setPartnerName);
        leadField("description", TEXT, LeadDraft::setDescription);
        leadField("email", EMAILS, LeadDraft::setEmail);
        leadField("phone", PHONES, LeadDraft::setPhone);
        leadField("website", URLS, LeadDraft::setWebsite);
        leadField("revenue", AMOUNTS, LeadDraft::setExpectedRevenue);
        leadField("probability", List.of(new BigDecimal("-5"), new BigDecimal("101"), new BigDecimal("1e9")),
                LeadDraft::setProbability);
        leadField("priority", List.of(-1, 4, Integer.MAX_VALUE), LeadDraft::setPriority);
        leadField("country", List.of("ZZ", "usa", "<b>", "'"), LeadDraft::setCountryCode);
        leadField("state of another country", List.of("US-CA"), (d, s) -> {
            d.setCountryCode("ES");
            d.setStateCode(s);
        });
        leadField("stage", List.of(-1L, Long.MAX_VALUE), LeadDraft::setStageId);
        leadField("team", List.of(-1L, Long.MAX_VALUE), LeadDraft::setTeamId);
        leadField("salesperson", List.of(-1L, Long.MAX_VALUE), LeadDraft::setSalespersonId);
        leadField("tags", List.of(Set.of(-1L), Set.of(Long.MAX_VALUE)), LeadDraft::setTagIds);

        assertThat(unclean).isEmpty();
    }

    @Test
    void notesQuickCreateAndUnknownIdsAreRefusedCleanly() {
        long lead = leads.create(draft("Target of notes")).id();
        for (String text : TEXT) {
            attempt("note " + abbreviate(text), "chatter_entry", () -> leads.logNote(lead, text));
            attempt("quick-create " + abbreviate(text), "crm_lead", () -> leads.quickCreate(
                    new QuickLead(stages.findAllInOrder().getFirst().id(), text, text, BigDecimal.ONE, null)));
        }
        for (long id : List.of(-1L, 0L, Long.MAX_VALUE)) {
            attempt("get lead " + id, "crm_lead", () -> leads.get(id));
            attempt("note on lead " + id, "chatter_entry", () -> leads.logNote(id, "hello"));
            attempt("archive lead " + id, "crm_lead", () -> leads.archive(id));
            attempt("move lead " + id, "crm_lead", () -> leads.moveToStage(id, Long.MAX_VALUE));
        }
        assertThat(unclean).isEmpty();
    }

    @Test
    void administrationSettingsCreditsDirectoryAndMiningRefuseHostileValuesCleanly() {
        for (String text : TEXT) {
            attempt("tag " + abbreviate(text), "tag", () -> tags.saveTag(new TagEdit(null, 0, text, "#ff0000")));
            attempt("user " + abbreviate(text), "app_user", () -> users.createUser(new NewUser(text, text, text,
                    Role.SALESPERSON, SupportedLanguage.ENGLISH, text)));
            attempt("settings GDPR text " + abbreviate(text), "app_setting",
                    () -> settings.save(settings.current().withGdprText(text)));
            attempt("credit grant reason " + abbreviate(text), "credit_entry", () -> credits.grant(1, text));
            attempt("directory text filter " + abbreviate(text), "directory_company",
                    () -> directory.findCompanies(new DirectoryFilter(null, null, null, null, null, text),
                            PageRequest.of(0, 10)));
        }
        attempt("tag colour", "tag", () -> tags.saveTag(new TagEdit(null, 0, "Colour", "javascript:alert(1)")));
        for (long amount : List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE)) {
            attempt("credit grant " + amount, "credit_entry", () -> credits.grant(amount, "hostile"));
            attempt("credit adjust " + amount, "credit_entry", () -> credits.adjust(amount, "hostile"));
        }
        attempt("settings trial credits", "app_setting", () -> settings.save(settings.current().withTrialCredits(-1)));
        attempt("settings threshold", "app_setting",
                () -> settings.save(settings.current().withLowBalanceThreshold(Integer.MAX_VALUE)));
        attempt("settings country", "app_setting", () -> settings.save(settings.current().withInstallationCountry("<x>")));
        attempt("directory size min > max", "directory_company",
                () -> directory.findCompanies(new DirectoryFilter("ES", null, null, 500, 20, null), PageRequest.of(0, 10)));
        attempt("directory state of another country", "directory_company",
                () -> directory.findCompanies(new DirectoryFilter("ES", "US-CA", null, null, null, null),
                        PageRequest.of(0, 10)));
        for (int n : List.of(-1, 0, 201, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            attempt("mining lead number " + n, "mining_request", () -> {
                MiningForm f = mining.newForm();
                f.setLeadNumber(n);
                f.setIndustries(Set.of("software_services"));
                mining.submit(f, null);
            });
        }
        attempt("mining hostile codes", "mining_request", () -> {
            MiningForm f = mining.newForm();
            f.setCountries(Set.of("'; DROP TABLE x; --"));
            f.setStates(Set.of("<script>"));
            f.setIndustries(Set.of("x".repeat(10_000)));
            f.setFilterOnSize(true);
            f.setSizeMin(Integer.MAX_VALUE);
            f.setSizeMax(Integer.MIN_VALUE);
            f.setTeamId(Long.MAX_VALUE);
            f.setSalespersonId(-1L);
            f.setTagIds(Set.of(Long.MIN_VALUE));
            mining.submit(f, "k".repeat(10_000));
        });
        assertThat(unclean).isEmpty();
    }
}
