package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** The lead form: field validation, normalisation, saving over someone else's change, and contacts. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadEditingTest extends LeadServiceTestBase {

    @Autowired
    TransactionTemplate tx;

    // ---------------------------------------------------------------- validation and normalisation

    @Test
    void spanishNationalPhoneIsStoredInE164() {
        LeadDetails d = create(unique(), salesTeam(), l -> {
            l.setCountryCode("ES");
            l.setPhone("911 23 45 67");
        });

        assertThat(d.draft().getPhone()).isEqualTo("+34911234567");
        assertThat(jdbc.queryForObject("SELECT phone FROM crm_lead WHERE id = ?", String.class, d.id()))
                .isEqualTo("+34911234567");
    }

    @Test
    void websiteWithoutSchemeIsStoredAsHttpsAndItsDomainNormalised() {
        LeadDetails d = create(unique(), salesTeam(), l -> {
            l.setWebsite("example.com");
            l.setEmail("Ana@WWW.Example.COM");
        });

        assertThat(d.draft().getWebsite()).isEqualTo("https://example.com");
        assertThat(jdbc.queryForMap("SELECT website, website_domain, email, email_domain FROM crm_lead WHERE id = ?",
                d.id())).containsEntry("website", "https://example.com").containsEntry("website_domain", "example.com")
                .containsEntry("email", "Ana@WWW.Example.COM").containsEntry("email_domain", "example.com");
    }

    @Test
    void textIsStrippedAndBlankFieldsStoredAsNothing() {
        LeadDetails d = create("  " + unique() + "  ", salesTeam(), l -> {
            l.setPartnerName("  Acme  ");
            l.setCity("   ");
            l.setEmail(" ");
            l.setPhone("");
            l.setExpectedRevenue(new BigDecimal("1234.5"));
        });

        assertThat(d.draft().getName()).doesNotStartWith(" ").doesNotEndWith(" ");
        assertThat(d.draft().getPartnerName()).isEqualTo("Acme");
        assertThat(d.draft().getCity()).isNull();
        assertThat(d.draft().getEmail()).isNull();
        assertThat(d.draft().getPhone()).isNull();
        assertThat(d.draft().getExpectedRevenue()).isEqualByComparingTo("1234.50");
    }

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                refused("blank name", d -> d.setName("  "), "lead.error.nameRequired"),
                refused("bad email", d -> d.setEmail("ana@example"), "lead.error.email"),
                refused("website 'not a url'", d -> d.setWebsite("not a url"), "lead.error.website"),
                refused("phone 123 in ES", d -> {
                    d.setCountryCode("ES");
                    d.setPhone("123");
                }, "lead.error.phone"),
                refused("national phone without country", d -> d.setPhone("911 23 45 67"),
                        "lead.error.phoneNeedsCountry"),
                refused("unknown country", d -> d.setCountryCode("XX"), "lead.error.country"),
                refused("state of another country", d -> {
                    d.setCountryCode("ES");
                    d.setStateCode("US-CA");
                }, "lead.error.state"),
                refused("negative revenue", d -> d.setExpectedRevenue(new BigDecimal("-1")),
                        "lead.error.revenueNegative"),
                refused("revenue too large", d -> d.setExpectedRevenue(new BigDecimal("10000000000000")),
                        "lead.error.revenueTooLarge"),
                refused("probability 101", d -> d.setProbability(new BigDecimal("101")), "lead.error.probability"),
                refused("priority 4", d -> d.setPriority(4), "lead.error.priority"),
                refused("name too long", d -> d.setName(d.getName() + "x".repeat(255)), "lead.error.tooLong"),
                refused("unknown stage", d -> d.setStageId(Long.MAX_VALUE), "lead.error.stageNotFound"),
                refused("unknown team", d -> d.setTeamId(Long.MAX_VALUE), "lead.error.teamNotFound"),
                refused("unknown salesperson", d -> d.setSalespersonId(Long.MAX_VALUE),
                        "lead.error.salespersonNotFound"),
                refused("unknown tag", d -> d.setTagIds(Set.of(Long.MAX_VALUE)), "lead.error.tagNotFound"));
    }

    private static Arguments refused(String what, Consumer<LeadDraft> change, String key) {
        return Arguments.of(Named.of(what, change), key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void invalidNewLeadIsRefusedAndNothingIsStored(Consumer<LeadDraft> change, String key) {
        String name = unique();
        LeadDraft d = newDraft(name, salesTeam());
        change.accept(d);

        assertRefused(() -> leads.create(d), key);

        assertThat(leadsNamed(name)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE name LIKE ?", Integer.class,
                name + "%")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void invalidChangeIsRefusedAndTheLeadStaysAsItWas(Consumer<LeadDraft> change, String key) {
        String name = unique();
        LeadDetails before = create(name, salesTeam(), d -> {
            d.setCountryCode("FR");
            d.setEmail("ana@example.com");
        });
        LeadDraft d = leads.get(before.id()).draft();
        d.setCountryCode(null);
        d.setEmail(null);
        change.accept(d);

        assertRefused(() -> leads.update(before.id(), d), key);

        LeadDetails after = leads.get(before.id());
        assertThat(after.draft().getName()).isEqualTo(name);
        assertThat(after.draft().getCountryCode()).isEqualTo("FR");
        assertThat(after.draft().getEmail()).isEqualTo("ana@example.com");
        assertThat(after.draft().getVersion()).isEqualTo(before.draft().getVersion());
        assertThat(eventKeys(leads.timeline(before.id(), 0, 10))).containsExactly("lead.event.created");
    }

    // ---------------------------------------------------------------- optimistic locking

    @Test
    void secondSaveFromTheSameVersionIsRefusedAndTheFirstUsersValuesStay() {
        long id = create(unique(), salesTeam()).id();
        LeadDraft first = leads.get(id).draft();
        LeadDraft second = leads.get(id).draft();
        first.setPartnerName("First user's company");
        second.setPartnerName("Second user's company");

        LeadDetails saved = leads.update(id, first);
        assertThatThrownBy(() -> leads.update(id, second))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(leads.get(id).draft().getPartnerName()).isEqualTo("First user's company");
        assertThat(saved.draft().getVersion()).isGreaterThan(second.getVersion());
        // reloading and saving again works
        LeadDraft reloaded = leads.get(id).draft();
        reloaded.setPartnerName("Second user's company");
        leads.update(id, reloaded);
        assertThat(leads.get(id).draft().getPartnerName()).isEqualTo("Second user's company");
    }

    @Test
    void saveAfterAStageMoveOfTheSameLeadIsRefused() {
        long id = create(unique(), salesTeam()).id();
        LeadDraft form = leads.get(id).draft();
        leads.moveToStage(id, secondStage().id());
        form.setCity("Madrid");

        assertThatThrownBy(() -> leads.update(id, form)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(leads.get(id).draft().getCity()).isNull();
        assertThat(leads.get(id).draft().getStageId()).isEqualTo(secondStage().id());
    }

    /**
     * Two saves really at the same time: both read version n, the first one's transaction holds the row,
     * the second's write waits for it and then finds the version changed. The database's version check,
     * not only the comparison with the form's version, refuses it.
     */
    @Test
    void concurrentSaveOfTheSameVersionIsRefusedByTheDatabase() throws Exception {
        long id = create(unique(), salesTeam()).id();
        LeadDraft first = leads.get(id).draft();
        LeadDraft second = leads.get(id).draft();
        first.setPartnerName("First");
        second.setPartnerName("Second");
        CompletableFuture<LeadDetails> secondSave = tx.execute(status -> {
            leads.update(id, first); // flushed: the row is locked until this transaction commits
            CompletableFuture<LeadDetails> future = CompletableFuture.supplyAsync(
                    () -> as(DemoUsers.SALES, () -> leads.update(id, second)));
            Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> future.isDone() || jdbc.queryForObject(
                    "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
                    Integer.class) > 0);
            return future;
        });

        assertThatThrownBy(() -> secondSave.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(leads.get(id).draft().getPartnerName()).isEqualTo("First");
    }

    // ---------------------------------------------------------------- contacts

    private static ContactDraft contact(String name, String phone) {
        ContactDraft c = new ContactDraft();
        c.setFullName(name);
        c.setPhone(phone);
        return c;
    }

    @Test
    void contactsAreAddedInOrderWithPhonesInE164() {
        long id = create(unique(), salesTeam(), d -> d.setCountryCode("ES")).id();
        ContactDraft ana = contact("  Ana García ", "612 34 56 78");
        ana.setJobTitle("CEO");
        ana.setEmail("ana@example.es");

        LeadContactRow first = leads.addContact(id, ana);
        LeadContactRow second = leads.addContact(id, contact("Luis Pérez", "+49 30 1234567"));

        assertThat(first.fullName()).isEqualTo("Ana García");
        assertThat(first.phone()).isEqualTo("+34612345678");
        assertThat(second.phone()).isEqualTo("+49301234567");
        assertThat(leads.get(id).contacts()).extracting(LeadContactRow::fullName)
                .containsExactly("Ana García", "Luis Pérez");
        assertThat(leads.get(id).contacts()).extracting(LeadContactRow::position)
                .containsExactly(first.position(), second.position()).doesNotHaveDuplicates();
        assertThat(leads.get(id).contacts().getFirst()).satisfies(c -> {
            assertThat(c.jobTitle()).isEqualTo("CEO");
            assertThat(c.email()).isEqualTo("ana@example.es");
        });
    }

    @Test
    void invalidContactIsRefusedAndNotStored() {
        long id = create(unique(), salesTeam(), d -> d.setCountryCode("ES")).id();
        ContactDraft badEmail = contact("Ana", null);
        badEmail.setEmail("ana@");

        assertRefused(() -> leads.addContact(id, contact(" ", null)), "lead.error.contactNameRequired");
        assertRefused(() -> leads.addContact(id, contact("Ana", "123")), "lead.error.phone");
        assertRefused(() -> leads.addContact(id, badEmail), "lead.error.email");

        assertThat(leads.get(id).contacts()).isEmpty();
    }

    @Test
    void contactIsUpdatedAndRemoved() {
        long id = create(unique(), salesTeam(), d -> d.setCountryCode("ES")).id();
        LeadContactRow ana = leads.addContact(id, contact("Ana", null));
        LeadContactRow luis = leads.addContact(id, contact("Luis", null));

        ContactDraft change = ContactDraft.of(ana);
        change.setFullName("Ana María");
        change.setPhone("911 23 45 67");
        LeadContactRow updated = leads.updateContact(id, ana.id(), change);

        assertThat(updated.fullName()).isEqualTo("Ana María");
        assertThat(updated.phone()).isEqualTo("+34911234567");
        assertThat(updated.version()).isGreaterThan(ana.version());

        leads.removeContact(id, luis.id());

        assertThat(leads.get(id).contacts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(ana.id());
            assertThat(c.fullName()).isEqualTo("Ana María");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_contact WHERE lead_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertRefused(() -> leads.removeContact(id, luis.id()), "lead.error.contactNotFound");
    }

    @Test
    void secondSaveOfTheSameContactVersionIsRefused() {
        long id = create(unique(), salesTeam()).id();
        LeadContactRow ana = leads.addContact(id, contact("Ana", null));
        ContactDraft first = ContactDraft.of(ana);
        ContactDraft second = ContactDraft.of(ana);
        first.setJobTitle("CEO");
        second.setJobTitle("CTO");

        leads.updateContact(id, ana.id(), first);
        assertThatThrownBy(() -> leads.updateContact(id, ana.id(), second))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(leads.get(id).contacts()).singleElement()
                .satisfies(c -> assertThat(c.jobTitle()).isEqualTo("CEO"));
    }

    /**
     * The lead page edits contacts beside the form: adding, changing or removing a contact must not make
     * the form the user has open stale. Contacts carry their own version, so a contact change is no
     * conflict with the lead's fields; today it bumps the lead's version (the contact methods touch the
     * lead) and the user's next Save is refused as if someone else had changed the lead.
     */
    @Test
    void savingTheFormAfterChangingAContactOfTheSameLeadSucceeds() {
        long id = create(unique(), salesTeam(), d -> d.setCountryCode("ES")).id();
        LeadDraft form = leads.get(id).draft();

        LeadContactRow ana = leads.addContact(id, contact("Ana", "612 34 56 78"));
        ContactDraft change = ContactDraft.of(ana);
        change.setJobTitle("CEO");
        leads.updateContact(id, ana.id(), change);
        form.setCity("Madrid");

        leads.update(id, form);

        assertThat(leads.get(id).draft().getCity()).isEqualTo("Madrid");
        assertThat(leads.get(id).contacts()).singleElement()
                .satisfies(c -> assertThat(c.jobTitle()).isEqualTo("CEO"));
    }

    @Test
    void contactOfAnotherLeadCannotBeChangedThroughThisOne() {
        long team = salesTeam();
        long mine = create(unique(), team).id();
        long other = create(unique(), team).id();
        LeadContactRow ana = leads.addContact(other, contact("Ana", null));

        assertRefused(() -> leads.updateContact(mine, ana.id(), ContactDraft.of(ana)), "lead.error.contactNotFound");
        assertRefused(() -> leads.removeContact(mine, ana.id()), "lead.error.contactNotFound");
        assertThat(leads.get(other).contacts()).hasSize(1);
    }

    @Test
    void unknownLeadIsNotFound() {
        assertRefused(() -> leads.get(Long.MAX_VALUE), "lead.error.notFound");
        assertRefused(() -> leads.addContact(Long.MAX_VALUE, contact("Ana", null)), "lead.error.notFound");
        assertThat(leads.findCard(Long.MAX_VALUE)).isEmpty();
    }
}
