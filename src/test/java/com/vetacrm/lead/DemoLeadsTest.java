package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.shared.WebAddresses;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/** The demo leads a fresh demo installation starts with (the test database has demo data on). */
class DemoLeadsTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoLeads demoLeads;
    @Autowired
    LeadSeeder leadSeeder;
    @Autowired
    LeadService leadService;
    @Autowired
    EntityManager entityManager;

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void aboutFourHundredLeadsOverEveryStageTeamAndSalespersonFromManyCountries() {
        assertThat(count("SELECT COUNT(*) FROM crm_lead")).isEqualTo(DemoLeads.COUNT);
        assertThat(count("SELECT COUNT(*) FROM stage s WHERE NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.stage_id = s.id)"))
                .as("stages without a demo lead").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM sales_team t WHERE t.active
                AND NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.team_id = t.id)""")).as("teams without a lead").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM sales_team_member m JOIN app_user u ON u.id = m.user_id WHERE u.role = 'SALESPERSON'
                AND NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.salesperson_id = u.id)""")).as("idle salespeople").isZero();
        assertThat(count("SELECT COUNT(DISTINCT country_code) FROM crm_lead")).isGreaterThanOrEqualTo(20);
        assertThat(count("SELECT COUNT(DISTINCT partner_name) FROM crm_lead")).isEqualTo(DemoLeads.COUNT);
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE type = 'LEAD'")).isBetween(40, 200);
        // the won and folded columns hold fewer records than the open ones
        int won = count("SELECT COUNT(*) FROM crm_lead l JOIN stage s ON s.id = l.stage_id WHERE s.is_won");
        assertThat(won).isBetween(15, 70);
        assertThat(count("SELECT COUNT(*) FROM crm_lead l JOIN stage s ON s.id = l.stage_id WHERE s.fold"))
                .isLessThan(won + 10);
    }

    @Test
    void lostArchivedAndWonRecordsAreConsistent() {
        int lost = count("SELECT COUNT(*) FROM crm_lead WHERE NOT active AND lost_at IS NOT NULL");
        int archived = count("SELECT COUNT(*) FROM crm_lead WHERE NOT active AND lost_at IS NULL");
        assertThat(lost).isBetween(20, 70);
        assertThat(archived).isBetween(5, 40);
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE lost_at IS NOT NULL AND (lost_reason IS NULL OR probability <> 0)"))
                .isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM crm_lead l JOIN stage s ON s.id = l.stage_id
                WHERE s.is_won AND (l.won_at IS NULL OR l.probability <> 100 OR l.type <> 'OPPORTUNITY' OR NOT l.active)"""))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE won_at IS NOT NULL AND won_at < created_at")).isZero();
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE priority NOT BETWEEN 0 AND 3")).isZero();
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE expected_revenue NOT BETWEEN 1000 AND 500000")).isZero();
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE created_at < NOW() - INTERVAL 181 DAY")).isZero();
    }

    @Test
    void everyPhoneIsAValidE164NumberOfTheLeadsCountryAndAddressesAreWellFormed() {
        List<Map<String, Object>> phones = jdbc.queryForList("""
                SELECT l.phone, l.country_code FROM crm_lead l
                UNION ALL SELECT c.phone, l.country_code FROM lead_contact c JOIN crm_lead l ON l.id = c.lead_id""");
        assertThat(phones).hasSizeGreaterThan(DemoLeads.COUNT);
        for (Map<String, Object> row : phones) {
            String phone = (String) row.get("phone");
            String country = (String) row.get("country_code");
            assertThat(phone).as("phone of a lead in %s", country).startsWith("+");
            assertThat(PhoneNumbers.toE164(phone, country)).as("phone %s in %s", phone, country).hasValue(phone);
        }
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT email, email_domain, website, website_domain, state_code, country_code FROM crm_lead")) {
            String email = (String) row.get("email");
            assertThat(WebAddresses.isValidEmail(email)).as(email).isTrue();
            assertThat(email).matches("[a-z0-9]+\\.[a-z0-9]+@.+");
            assertThat(row.get("email_domain")).isEqualTo(WebAddresses.emailDomain(email).orElseThrow());
            assertThat(row.get("website_domain")).isEqualTo(row.get("email_domain"));
            assertThat(WebAddresses.websiteDomain((String) row.get("website"))).hasValue((String) row.get("website_domain"));
            assertThat(LeadRules.checkState((String) row.get("state_code"), (String) row.get("country_code"))).isEmpty();
        }
        assertThat(count("SELECT COUNT(*) FROM lead_contact WHERE email NOT LIKE '%@%'")).isZero();
    }

    @Test
    void everyLeadHasAHistoryThatStartsWithItsCreationAndEndsBeforeNow() {
        assertThat(count("""
                SELECT COUNT(*) FROM crm_lead l WHERE NOT EXISTS
                (SELECT 1 FROM chatter_entry c WHERE c.target_type = 'LEAD' AND c.target_id = l.id)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM crm_lead l WHERE NOT EXISTS (SELECT 1 FROM chatter_entry c WHERE c.target_type = 'LEAD'
                AND c.target_id = l.id AND c.kind = 'EVENT' AND c.body = 'lead.event.created' AND c.created_at = l.created_at)"""))
                .isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM chatter_entry c JOIN crm_lead l ON c.target_type = 'LEAD' AND c.target_id = l.id
                WHERE c.created_at < l.created_at OR c.created_at > l.updated_at OR c.created_at > UTC_TIMESTAMP()""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM chatter_entry WHERE kind = 'NOTE'")).isGreaterThan(DemoLeads.COUNT / 2);
        assertThat(count("SELECT COUNT(*) FROM chatter_entry WHERE body = 'lead.event.stageChanged'"))
                .isGreaterThan(DemoLeads.COUNT / 2);
        assertThat(count("SELECT COUNT(*) FROM chatter_entry WHERE kind = 'EVENT' AND payload NOT LIKE '[%]'")).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void theChatterPanelReadsTheDemoEventsWithTheirArguments() {
        long id = jdbc.queryForObject("""
                SELECT MIN(target_id) FROM chatter_entry WHERE body = 'lead.event.stageChanged'""", Long.class);

        List<ChatterItem> timeline = leadService.timeline(id, 0, 100);

        ChatterItem created = timeline.getLast();
        assertThat(created.text()).isEqualTo("lead.event.created");
        assertThat(created.args()).hasSize(1);
        ChatterItem moved = timeline.stream().filter(i -> i.text().equals("lead.event.stageChanged")).findFirst()
                .orElseThrow();
        assertThat(moved.kind()).isEqualTo(ChatterKind.EVENT);
        assertThat(moved.args()).hasSize(3).doesNotContainNull();
        assertThat(moved.authorName()).isNotBlank();
        assertThat(timeline).extracting(ChatterItem::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    @Transactional // rolled back: the other tests count the demo leads
    @WithUserDetails(DemoUsers.MANAGER)
    void idsTakenFromTheSequencesNeverCollideWithThoseHibernateHandsOut() {
        LeadDraft draft = new LeadDraft();
        draft.setName("After the demo data");
        draft.setExpectedRevenue(BigDecimal.TEN);
        draft.setStageId(jdbc.queryForObject("SELECT id FROM stage ORDER BY sequence LIMIT 1", Long.class));

        for (int i = 0; i < 60; i++) {
            draft.setName("After the demo data " + i);
            leadService.create(draft);
        }
        entityManager.flush(); // the inserts run with the ids of Hibernate's pooled optimizer

        assertThat(count("SELECT COUNT(*) FROM crm_lead")).isEqualTo(DemoLeads.COUNT + 60);
        assertThat(count("SELECT COUNT(DISTINCT id) FROM chatter_entry")).isEqualTo(count("SELECT COUNT(*) FROM chatter_entry"));
    }

    @Test
    void runningTheLoaderAgainAddsNothing() {
        int leads = count("SELECT COUNT(*) FROM crm_lead");
        int entries = count("SELECT COUNT(*) FROM chatter_entry");
        int contacts = count("SELECT COUNT(*) FROM lead_contact");

        assertThat(demoLeads.load()).isZero();

        assertThat(count("SELECT COUNT(*) FROM crm_lead")).isEqualTo(leads);
        assertThat(count("SELECT COUNT(*) FROM chatter_entry")).isEqualTo(entries);
        assertThat(count("SELECT COUNT(*) FROM lead_contact")).isEqualTo(contacts);
    }

    @Test
    @Transactional // the seeder's transactions join this one, rolled back: the other tests count the demo leads
    void theBenchmarkSeederFillsUpToTheTargetWithValidRecordsAndAddsNothingOnceThere() {
        int before = count("SELECT COUNT(*) FROM crm_lead");

        LeadSeeder.Result result = leadSeeder.seed(before + 2_000L);

        assertThat(result.added()).isEqualTo(2_000);
        assertThat(count("SELECT COUNT(*) FROM crm_lead")).isEqualTo(before + 2_000);
        // every record, seeded or demo, opens with its creation event
        assertThat(count("""
                SELECT COUNT(*) FROM crm_lead l WHERE NOT EXISTS (
                SELECT 1 FROM chatter_entry c WHERE c.target_type = 'LEAD' AND c.target_id = l.id
                AND c.body = 'lead.event.created' AND c.created_at = l.created_at)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM crm_lead l LEFT JOIN sales_team_member m
                ON m.team_id = l.team_id AND m.user_id = l.salesperson_id WHERE m.user_id IS NULL
                AND l.salesperson_id IS NOT NULL""")).as("salespeople outside the lead's team").isZero();
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT phone, country_code FROM crm_lead ORDER BY id DESC LIMIT 300")) {
            assertThat(PhoneNumbers.toE164((String) row.get("phone"), (String) row.get("country_code")))
                    .hasValue((String) row.get("phone"));
        }
        assertThat(count("SELECT COUNT(*) FROM crm_lead WHERE created_at > UTC_TIMESTAMP()")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT lead_id) FROM lead_tag")).isGreaterThan(DemoLeads.COUNT);

        assertThat(leadSeeder.seed(before + 2_000L).added()).isZero();
    }

    @Test
    void theContentIsTheSameWhateverDayAndHourItRunsOnlyTheTimesMove() {
        DemoLeads.Setup setup = DemoLeads.Setup.read(jdbc);
        long[] ids = LongStream.rangeClosed(1, DemoLeads.COUNT).toArray();

        DemoLeads.Demo morning = DemoLeads.generate(setup, Instant.parse("2026-11-27T08:00:00Z"), ids);
        DemoLeads.Demo again = DemoLeads.generate(setup, Instant.parse("2026-11-27T08:00:00Z"), ids);
        DemoLeads.Demo night = DemoLeads.generate(setup, Instant.parse("2027-03-02T23:30:00Z"), ids);

        assertThat(again).isEqualTo(morning);
        assertThat(content(night)).isEqualTo(content(morning));
        assertThat(morning.leads()).extracting(LeadRows.NewLead::partnerName).doesNotHaveDuplicates();
    }

    /** Everything but ids and timestamps, per company. */
    private static Map<String, List<Object>> content(DemoLeads.Demo d) {
        Map<Long, String> company = d.leads().stream()
                .collect(Collectors.toMap(LeadRows.NewLead::id, LeadRows.NewLead::partnerName));
        Map<String, List<Object>> result = new TreeMap<>();
        d.leads().forEach(l -> result.computeIfAbsent(l.partnerName(), k -> new ArrayList<>()).addAll(List.of(
                l.name(), l.contactName(), l.email(), l.phone(), l.stageId(), String.valueOf(l.salespersonId()),
                l.expectedRevenue(), l.probability(), l.priority(), l.active())));
        d.contacts().forEach(c -> result.get(company.get(c.leadId())).add(c.fullName() + " " + c.phone()));
        d.entries().forEach(e -> result.get(company.get(e.leadId())).add(e.body() + " " + e.payload()));
        d.tags().forEach(t -> result.get(company.get(t.leadId())).add(t.tagId()));
        result.values().forEach(v -> v.sort(Comparator.comparing(Object::toString)));
        return result;
    }
}
