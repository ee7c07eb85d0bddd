package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.Suppression;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.DirectoryFixture;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * GDPR erasure of a mined lead's contact data on MariaDB (issue 6 item 7, DESIGN §5.5): the people are gone
 * from the lead, its contacts, its enrichment card and its notes; their e-mails' hashes are on the suppression
 * list, so lead mining never delivers them again, even with another company; the chatter says who erased how
 * many, without the data.
 */
@WithUserDetails(DemoUsers.MANAGER)
class ContactDataErasureTest extends ServiceTest {

    private static final String SOFTWARE = "software_services";

    @Autowired
    MiningService mining;
    @Autowired
    LeadService leads;
    @Autowired
    CrmExclusions exclusions;
    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    private final String ann = DirectoryFixture.email("er-1", "Ann Sales");
    private final String bob = DirectoryFixture.email("er-1", "Bob Boss");

    @BeforeEach
    void twoCompaniesTheSecondWithAContactWhoUsesTheFirstOnesAddress() {
        jdbc.update("DELETE FROM suppression");
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            credits.grant(100, "erasure tests");
            return null;
        });
        DirectoryFixture directory = new DirectoryFixture(jdbc).forgetMinedLeads().empty();
        directory.company("er-1", "BE", "BE-VLG", SOFTWARE, 50, 1);
        directory.contact("er-1", 0, "Ann Sales", "sale", "manager");
        directory.contact("er-1", 1, "Bob Boss", "ceo", "executive");
        directory.company("er-2", "BE", "BE-VLG", SOFTWARE, 50, 2);
        directory.contact("er-2", 0, "Ann Moved", "sale", "manager");
        directory.contact("er-2", 1, "Cid Stays", "ceo", "executive");
        // Ann changed jobs but kept her address: the directory lists it at er-2 too
        jdbc.update("UPDATE directory_contact SET email = ? WHERE full_name = 'Ann Moved'", ann.toUpperCase(Locale.ROOT));
    }

    private long mineOne() {
        MiningForm f = mining.newForm();
        f.setLeadNumber(1);
        f.setCountries(Set.of("BE"));
        f.setIndustries(Set.of(SOFTWARE));
        f.setSearchType(SearchType.COMPANIES_AND_CONTACTS);
        f.setContactNumber(2);
        f.setContactFilter(ContactFilter.ROLE);
        f.setPreferredRole("ceo");
        f.setOtherRoles(Set.of("sale"));
        MiningRequestRow submitted = mining.submit(f, null);
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> mining.findRequest(submitted.id()).orElseThrow().state().finished());
        assertThat(mining.findRequest(submitted.id()).orElseThrow().state()).isEqualTo(MiningState.DONE);
        return jdbc.queryForObject("SELECT id FROM crm_lead WHERE mining_request_id = ?", Long.class, submitted.id());
    }

    private List<String> everythingStoredFor(long leadId) {
        return jdbc.queryForList("""
                SELECT LOWER(CONCAT_WS(' ', body, payload)) FROM chatter_entry WHERE target_type = 'LEAD' AND target_id = ?
                UNION ALL SELECT LOWER(CONCAT_WS(' ', name, partner_name, contact_name, job_title, email, phone, description))
                FROM crm_lead WHERE id = ?
                UNION ALL SELECT LOWER(CONCAT_WS(' ', full_name, job_title, email, phone)) FROM lead_contact WHERE lead_id = ?""",
                String.class, leadId, leadId, leadId);
    }

    @Test
    void erasingAMinedLeadRemovesItsPeopleEverywhereAndSuppressesTheirEmails() {
        long lead = mineOne();
        leads.logNote(lead, "Called " + bob.toUpperCase(Locale.ROOT) + ", call back Friday");
        assertThat(String.join(" ", everythingStoredFor(lead))).contains(ann, bob, "bob boss");

        int erased = leads.eraseContactData(lead);

        assertThat(erased).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_contact WHERE lead_id = ?", Long.class, lead)).isZero();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM crm_lead WHERE id = ?", lead);
        assertThat(row.get("contact_name")).isNull();
        assertThat(row.get("job_title")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("name")).as("the company stays").isEqualTo("Company er-1");
        assertThat(row.get("partner_name")).isEqualTo("Company er-1 SA");
        assertThat(row.get("website")).isEqualTo("https://er-1.example");
        assertThat(everythingStoredFor(lead)).as("no erased person anywhere in the lead")
                .noneMatch(s -> s.contains(ann) || s.contains(bob) || s.contains("ann sales") || s.contains("bob boss"));

        String payload = jdbc.queryForObject("SELECT payload FROM chatter_entry WHERE target_type = 'LEAD'"
                + " AND target_id = ? AND kind = 'ENRICHMENT'", String.class, lead);
        EnrichmentCard card = EnrichmentCard.fromJson(payload);
        assertThat(card.company().contacts()).as("the card keeps its company, without contacts").isEmpty();
        assertThat(card.company().name()).isEqualTo("Company er-1");

        long managerId = ((VetaPrincipal) users.loadUserByUsername(DemoUsers.MANAGER)).id();
        assertThat(jdbc.queryForList("SELECT value_hash FROM suppression WHERE kind = 'EMAIL' AND reason = 'GDPR erasure'"
                + " AND created_by = ?", String.class, managerId))
                .containsExactlyInAnyOrder(Suppression.EMAIL.hash(ann), Suppression.EMAIL.hash(bob));
        assertThat(exclusions.suppressedEmails(List.of(ann, bob.toUpperCase(Locale.ROOT), "someone@else.example")))
                .containsExactlyInAnyOrder(ann, bob.toUpperCase(Locale.ROOT));

        Map<String, Object> event = jdbc.queryForMap("SELECT body, payload FROM chatter_entry WHERE target_type = 'LEAD'"
                + " AND target_id = ? AND kind = 'EVENT' ORDER BY id DESC LIMIT 1", lead);
        assertThat(event.get("body")).isEqualTo("lead.event.contactDataErased");
        String manager = ((VetaPrincipal) users.loadUserByUsername(DemoUsers.MANAGER)).displayName();
        assertThat((String) event.get("payload")).isEqualTo("[\"" + manager + "\",\"2\"]");
        assertThat(jdbc.queryForObject("SELECT body FROM chatter_entry WHERE target_type = 'LEAD' AND target_id = ?"
                + " AND kind = 'NOTE'", String.class, lead)).isEqualTo("Called [erased], call back Friday");
        Map<String, Object> audited = jdbc.queryForMap("SELECT user_id, details FROM audit_entry"
                + " WHERE action = 'CONTACT_DATA_ERASED' AND target_id = ?", String.valueOf(lead));
        assertThat(((Number) audited.get("user_id")).longValue()).isEqualTo(managerId);
        assertThat((String) audited.get("details")).as("the audit log says how many, never whom")
                .isEqualTo("2 contacts, 2 e-mail addresses added to the suppression list").doesNotContain("@");
    }

    @Test
    void aLaterRequestNeverDeliversAnErasedPersonEvenAtAnotherCompany() {
        long first = mineOne();
        leads.eraseContactData(first);

        long second = mineOne();

        assertThat(jdbc.queryForObject("SELECT directory_company_ref FROM crm_lead WHERE id = ?", String.class, second))
                .isEqualTo("er-2");
        assertThat(jdbc.queryForList("SELECT full_name FROM lead_contact WHERE lead_id = ?", String.class, second))
                .as("Ann kept her address at er-2 and is left out").containsExactly("Cid Stays");
    }

    @Test
    void erasingTwiceChangesNothingMoreAndCountsNoOne() {
        long lead = mineOne();
        leads.eraseContactData(lead);

        assertThat(leads.eraseContactData(lead)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM suppression", Long.class)).isEqualTo(2);
    }

    @Test
    void aSalespersonMayNotEraseAndAnUnknownLeadIsNotFound() {
        long lead = mineOne();

        assertThatThrownBy(() -> SignIns.as(users, DemoUsers.SALES, () -> leads.eraseContactData(lead)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_contact WHERE lead_id = ?", Long.class, lead))
                .isEqualTo(2);
        assertThatThrownBy(() -> leads.eraseContactData(Long.MAX_VALUE)).isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("messageKey", "lead.error.notFound");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM suppression", Long.class)).isZero();
    }
}
