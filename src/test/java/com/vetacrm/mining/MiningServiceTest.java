package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.credits.CreditBalance;
import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.LeadType;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.DirectoryFixture;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Lead mining end to end on MariaDB (DESIGN §5): a request is validated, held, run in the background and
 * creates exactly what it charges for; failures, crashes, missing credits and concurrency leave the ledger
 * and the CRM consistent. The directory is a hand-made one so every count is known.
 */
@WithUserDetails(DemoUsers.MANAGER)
class MiningServiceTest extends ServiceTest {

    private static final String SOFTWARE = "software_services";
    private static final String RETAIL = "retailing";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MiningService mining;
    @Autowired
    MiningJobs jobs;
    @Autowired
    MiningFaults faults;
    @Autowired
    CreditService credits;
    @Autowired
    SettingsService settings;
    @Autowired
    TeamService teams;
    @Autowired
    TagService tags;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    private DirectoryFixture directory;

    @BeforeEach
    void twelveBelgianSoftwareCompaniesWithContactsNoneMinedYetAndCreditsEnough() {
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            credits.grant(1_000, "mining tests");
            return null;
        });
        directory = new DirectoryFixture(jdbc).forgetMinedLeads().empty().twelveBelgianCompanies("be-", SOFTWARE);
        directory.company("fr-1", "FR", null, RETAIL, 30, 100);
    }

    @AfterEach
    void ledgerInvariantsHoldAndNoFaultLeftOn() {
        faults.setBeforeCommit(null);
        assertLedgerInvariants();
    }

    /** DESIGN §6: balance = settled entries; held = open holds; available ≥ 0; charged = captures per request. */
    private void assertLedgerInvariants() {
        CreditBalance b = SignIns.as(users, DemoUsers.ADMIN, () -> credits.balance());
        assertThat(b.available()).isGreaterThanOrEqualTo(0);
        assertThat(b.held()).isEqualTo(jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM credit_hold WHERE state = 'OPEN'", Long.class));
        for (Map<String, Object> r : jdbc.queryForList("SELECT id, credits_charged, state FROM mining_request")) {
            long id = ((Number) r.get("id")).longValue();
            long captured = SignIns.as(users, DemoUsers.ADMIN, () -> credits.capturedFor(id));
            assertThat(captured).as("captured for request %d", id).isEqualTo(((Number) r.get("credits_charged")).longValue());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request WHERE state <> 'QUEUED' AND hold_id IN"
                + " (SELECT id FROM credit_hold WHERE state = 'OPEN')", Long.class)).as("open holds of finished requests")
                .isZero();
    }

    private MiningForm form(int leads) {
        MiningForm f = mining.newForm();
        f.setLeadNumber(leads);
        f.setCountries(Set.of("BE"));
        f.setIndustries(Set.of(SOFTWARE));
        return f;
    }

    private MiningForm withContacts(MiningForm f, int perCompany) {
        f.setSearchType(SearchType.COMPANIES_AND_CONTACTS);
        f.setContactNumber(perCompany);
        f.setContactFilter(ContactFilter.ROLE);
        f.setPreferredRole("ceo");
        f.setOtherRoles(Set.of("sale"));
        return f;
    }

    private MiningRequestRow finished(MiningRequestRow submitted) {
        await().pollInSameThread().atMost(WAIT).until(() -> mining.findRequest(submitted.id()).orElseThrow().state().finished());
        return mining.findRequest(submitted.id()).orElseThrow();
    }

    private long balance() {
        return credits.balance().balance();
    }

    private List<String> minedRefs(long requestId) {
        return jdbc.queryForList("SELECT directory_company_ref FROM crm_lead WHERE mining_request_id = ? ORDER BY id",
                String.class, requestId);
    }

    @Test
    void aRequestCreatesLeadsWithTheirContactsTagsAndEnrichmentCardsAndChargesExactlyWhatItDelivered() {
        TagSummary tag = tags.findAll().getFirst();
        long before = balance();
        MiningForm f = withContacts(form(5), 2);
        f.setTagIds(Set.of(tag.id()));

        MiningRequestRow done = finished(mining.submit(f, null));

        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertThat(done.leadsFound()).isEqualTo(5);
        assertThat(done.contactsFound()).isEqualTo(10);
        assertThat(done.creditsHeld()).isEqualTo(15);
        assertThat(done.creditsCharged()).isEqualTo(15);
        assertThat(balance()).isEqualTo(before - 15);
        assertThat(minedRefs(done.id())).containsExactly("be-1", "be-2", "be-3", "be-4", "be-5");
        Map<String, Object> lead = jdbc.queryForMap("SELECT * FROM crm_lead WHERE directory_company_ref = 'be-1'");
        assertThat(lead.get("name")).isEqualTo("Company be-1");
        assertThat(lead.get("partner_name")).isEqualTo("Company be-1 SA");
        assertThat(lead.get("contact_name")).as("the preferred role first").isEqualTo("Bob Boss1");
        assertThat(lead.get("email")).isEqualTo(DirectoryFixture.email("be-1", "Bob Boss1"));
        assertThat(lead.get("website")).isEqualTo("https://be-1.example");
        assertThat(lead.get("phone")).isEqualTo("+3220000000");
        assertThat(lead.get("country_code")).isEqualTo("BE");
        assertThat(lead.get("state_code")).isEqualTo("BE-WAL");
        assertThat(lead.get("type")).isEqualTo("LEAD");
        assertThat(((Number) lead.get("team_id")).longValue()).isEqualTo(f.getTeamId());
        assertThat(((Number) lead.get("salesperson_id")).longValue()).isEqualTo(f.getSalespersonId());
        long leadId = ((Number) lead.get("id")).longValue();
        assertThat(jdbc.queryForList("SELECT full_name FROM lead_contact WHERE lead_id = ? ORDER BY position",
                String.class, leadId)).as("every delivered contact, not only the first").containsExactly("Bob Boss1", "Ann Sales1");
        assertThat(jdbc.queryForList("SELECT tag_id FROM lead_tag WHERE lead_id = ?", Long.class, leadId))
                .containsExactly(tag.id());
        String payload = jdbc.queryForObject("SELECT payload FROM chatter_entry WHERE target_type = 'LEAD'"
                + " AND target_id = ? AND kind = 'ENRICHMENT'", String.class, leadId);
        EnrichmentCard card = EnrichmentCard.fromJson(payload);
        assertThat(card.requestNumber()).isEqualTo(done.number());
        assertThat(card.company().ref()).isEqualTo("be-1");
        assertThat(card.company().contacts()).hasSize(2);
        assertThat(jdbc.queryForList("SELECT kind FROM credit_entry WHERE mining_request_id = ? ORDER BY id",
                String.class, done.id())).containsExactly("HOLD", "CAPTURE");
    }

    @Test
    void fewerCompaniesThanAskedAreChargedForWhatWasFoundAndTheRestIsReleased() {
        long before = balance();
        MiningForm f = withContacts(form(50), 3);
        f.setOtherRoles(Set.of());  // only the CEO: one contact per company

        MiningRequestRow done = finished(mining.submit(f, null));

        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertThat(done.creditsHeld()).isEqualTo(200);
        assertThat(done.leadsFound()).isEqualTo(12);
        assertThat(done.contactsFound()).isEqualTo(12);
        assertThat(done.creditsCharged()).isEqualTo(24);
        assertThat(balance()).isEqualTo(before - 24);
        assertThat(credits.balance().held()).isZero();
        assertThat(jdbc.queryForList("SELECT kind FROM credit_entry WHERE mining_request_id = ? ORDER BY id",
                String.class, done.id())).containsExactly("HOLD", "CAPTURE", "RELEASE");
    }

    @Test
    void aSecondRequestForTheSameTargetGetsOnlyCompaniesNotYetInTheCrm() {
        MiningRequestRow first = finished(mining.submit(form(4), null));
        MiningRequestRow second = finished(mining.submit(form(4), null));

        assertThat(minedRefs(first.id())).containsExactly("be-1", "be-2", "be-3", "be-4");
        assertThat(minedRefs(second.id())).containsExactly("be-5", "be-6", "be-7", "be-8");
    }

    @Test
    void nothingMatchingEndsInNoResultWithNothingChargedOrHeld() {
        long before = balance();
        MiningForm f = form(5);
        f.setCountries(Set.of("DE"));

        MiningRequestRow done = finished(mining.submit(f, null));

        assertThat(done.state()).isEqualTo(MiningState.NO_RESULT);
        assertThat(done.creditsCharged()).isZero();
        assertThat(balance()).isEqualTo(before);
        assertThat(credits.balance().held()).isZero();
        assertThat(minedRefs(done.id())).isEmpty();
    }

    @Test
    void aRequestThatCostsMoreThanTheAvailableCreditsIsRecordedAsACreditsErrorWithNothingHeldOrCreated() {
        long spare = credits.available() - 10;
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            credits.adjust(-spare, "leave 10 credits");
            return null;
        });
        long available = credits.available();
        MiningForm f = withContacts(form(5), 2);
        assertThat(MiningEstimate.of(f).maxCost()).isGreaterThan(available);

        MiningRequestRow refused = mining.submit(f, null);

        assertThat(refused.state()).isEqualTo(MiningState.ERROR);
        assertThat(refused.errorType()).isEqualTo(MiningErrorType.CREDITS);
        assertThat(refused.creditsHeld()).isZero();
        assertThat(credits.available()).isEqualTo(available);
        assertThat(minedRefs(refused.id())).isEmpty();
    }

    @Test
    void aJobThatFailsIsRolledBackItsHoldReleasedAndTheRequestMarkedFailed() {
        long before = balance();
        faults.setBeforeCommit(() -> {
            throw new IllegalStateException("injected failure");
        });

        MiningRequestRow failed = finished(mining.submit(form(3), null));

        assertThat(failed.state()).isEqualTo(MiningState.ERROR);
        assertThat(failed.errorType()).isEqualTo(MiningErrorType.FAILED);
        assertThat(failed.errorDetail()).contains("injected failure");
        assertThat(minedRefs(failed.id())).as("no lead of a rolled-back job").isEmpty();
        assertThat(balance()).isEqualTo(before);
        assertThat(credits.balance().held()).isZero();
    }

    @Test
    void aJobKilledBeforeCommitLeavesNoLeadsAndRunsOnceAfterRecovery() throws InterruptedException {
        long before = balance();
        CountDownLatch died = new CountDownLatch(1);
        faults.setBeforeCommit(() -> {
            died.countDown();
            throw new MiningFaults.SimulatedCrash();
        });
        MiningRequestRow submitted = mining.submit(form(3), null);
        assertThat(died.await(30, TimeUnit.SECONDS)).as("the job reached its commit and died").isTrue();
        assertThat(mining.findRequest(submitted.id()).orElseThrow().state()).isEqualTo(MiningState.QUEUED);
        assertThat(credits.balance().held()).as("its hold stays until a job runs it").isEqualTo(3);
        assertThat(minedRefs(submitted.id())).isEmpty();

        faults.setBeforeCommit(null);
        jobs.runQueued();  // what a restarted node does first

        MiningRequestRow done = finished(submitted);
        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertThat(minedRefs(done.id())).containsExactly("be-1", "be-2", "be-3");
        assertThat(balance()).isEqualTo(before - 3);
        assertThat(jobs.run(done.id())).as("a finished request does not run again").isEmpty();
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneRequest() {
        String key = UUID.randomUUID().toString();
        MiningRequestRow first = mining.submit(form(2), key);
        MiningRequestRow again = mining.submit(form(7), key);

        assertThat(again.id()).isEqualTo(first.id());
        finished(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request WHERE idempotency_key = ?", Long.class, key))
                .isEqualTo(1);
    }

    @Test
    void twoConcurrentRequestsForTheSameTargetNeverReceiveTheSameCompany() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<MiningRequestRow>> submits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                submits.add(() -> SignIns.as(users, DemoUsers.MANAGER, () -> mining.submit(form(5), null)));
            }
            List<MiningRequestRow> done = new ArrayList<>();
            for (Future<MiningRequestRow> r : pool.invokeAll(submits)) {
                done.add(finished(r.get()));
            }
            Set<String> all = new HashSet<>();
            List<String> delivered = new ArrayList<>();
            done.forEach(r -> delivered.addAll(minedRefs(r.id())));
            all.addAll(delivered);
            assertThat(delivered).hasSize(10);
            assertThat(all).as("no company delivered twice").hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withTheLeadsSettingOffMinedRecordsAreOpportunities() {
        MiningSettings current = settings.current();
        SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(new MiningSettings(current.leadMiningEnabled(), false,
                current.installationCountry(), current.trialCredits(), current.lowBalanceThreshold(), current.gdprText())));
        try {
            MiningForm f = form(2);
            f.setLeadType(LeadType.LEAD);
            MiningRequestRow done = finished(mining.submit(f, null));

            assertThat(done.leadType()).isEqualTo(LeadType.OPPORTUNITY);
            assertThat(jdbc.queryForList("SELECT DISTINCT type FROM crm_lead WHERE mining_request_id = ?", String.class,
                    done.id())).containsExactly("OPPORTUNITY");
        } finally {
            SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(current));
        }
    }

    @Test
    void withLeadMiningOffEverySubmitAndPreviewIsRefused() {
        MiningSettings current = settings.current();
        long requests = jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class);
        SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(new MiningSettings(false, current.leadsEnabled(),
                current.installationCountry(), current.trialCredits(), current.lowBalanceThreshold(), current.gdprText())));
        try {
            assertThat(mining.enabled()).isFalse();
            assertThatThrownBy(() -> mining.submit(form(2), null)).isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("settings.lead-mining-disabled");
            assertThatThrownBy(() -> mining.preview(form(2))).isInstanceOf(BusinessRuleException.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class)).isEqualTo(requests);
        } finally {
            SignIns.as(users, DemoUsers.ADMIN, () -> settings.save(current));
        }
    }

    @Test
    void everyServerRuleRefusesWithTheFieldAndStoresNothing() {
        long requests = jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class);
        long held = credits.balance().held();
        MiningForm f = withContacts(form(0), 9);
        f.setCountries(Set.of("BE", "ZZ"));
        f.setStates(Set.of("US-CA"));
        f.setIndustries(Set.of("not_an_industry"));
        f.setFilterOnSize(true);
        f.setSizeMin(500);
        f.setSizeMax(20);
        f.setPreferredRole(null);

        assertThatThrownBy(() -> mining.submit(f, null)).isInstanceOfSatisfying(MiningRejectedException.class, e ->
                assertThat(e.problems()).extracting(MiningProblem::field, MiningProblem::messageKey).contains(
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.LEAD_NUMBER, "mining.error.leadNumber"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.CONTACT_NUMBER, "mining.error.contactNumber"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.COUNTRIES, "mining.error.unknownCountry"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.STATES, "mining.error.stateNotInCountries"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.INDUSTRIES, "mining.error.unknownIndustry"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.SIZE_MAX, "mining.error.sizeOrder"),
                        org.assertj.core.groups.Tuple.tuple(MiningProblem.PREFERRED_ROLE,
                                "mining.error.preferredRoleRequired")));
        MiningForm inactive = form(2);
        long david = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'david'", Long.class);
        jdbc.update("UPDATE app_user SET active = FALSE WHERE id = ?", david);
        inactive.setSalespersonId(david);
        try {
            assertThatThrownBy(() -> mining.submit(inactive, null)).isInstanceOfSatisfying(MiningRejectedException.class,
                    e -> assertThat(e.problems()).extracting(MiningProblem::messageKey)
                            .contains("mining.error.salespersonInactive"));
        } finally {
            jdbc.update("UPDATE app_user SET active = TRUE WHERE id = ?", david);
        }
        MiningForm seniority = withContacts(form(2), 2);
        seniority.setContactFilter(ContactFilter.SENIORITY);
        seniority.setSeniority(null);
        assertThatThrownBy(() -> mining.submit(seniority, null)).isInstanceOfSatisfying(MiningRejectedException.class,
                e -> assertThat(e.problems()).extracting(MiningProblem::messageKey)
                        .containsExactly("mining.error.seniorityRequired"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class)).isEqualTo(requests);
        assertThat(credits.balance().held()).isEqualTo(held);
    }

    @Test
    void thePreviewCountsEachStepAndWhatIsNotYetKnownWithoutChargingAnything() {
        finished(mining.submit(form(2), null));
        long before = balance();
        MiningForm f = form(10);
        f.setCountries(Set.of("BE", "FR"));
        f.setStates(Set.of("BE-VLG"));
        f.setFilterOnSize(true);
        f.setSizeMin(20);
        f.setSizeMax(100);

        SourcePreview preview = mining.preview(f);

        assertThat(preview).isEqualTo(new SourcePreview(13, 7, 6, 5, 4));
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void contactsBySeniorityAreThoseOfThatSeniority() {
        MiningForm f = withContacts(form(1), 5);
        f.setContactFilter(ContactFilter.SENIORITY);
        f.setSeniority("director");

        MiningRequestRow done = finished(mining.submit(f, null));

        assertThat(done.contactsFound()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT c.full_name FROM lead_contact c JOIN crm_lead l ON l.id = c.lead_id"
                + " WHERE l.mining_request_id = ?", String.class, done.id())).containsExactly("Cid Money1");
    }

    @Test
    void aNoResultRequestCanBeRetriedOnceCompaniesMatchKeepingItsNumber() {
        MiningForm f = form(2);
        f.setCountries(Set.of("NL"));
        MiningRequestRow nothing = finished(mining.submit(f, null));
        assertThat(nothing.state()).isEqualTo(MiningState.NO_RESULT);
        directory.company("nl-1", "NL", null, SOFTWARE, 50, 200);

        MiningRequestRow retried = finished(mining.retry(nothing.id()));

        assertThat(retried.number()).isEqualTo(nothing.number());
        assertThat(retried.state()).isEqualTo(MiningState.DONE);
        assertThat(retried.creditsCharged()).isEqualTo(1);
        assertThat(minedRefs(retried.id())).containsExactly("nl-1");
        assertThatThrownBy(() -> mining.retry(retried.id())).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aSalespersonCannotMineOrSeeRequests() {
        assertThatThrownBy(() -> SignIns.as(users, DemoUsers.SALES, () -> mining.submit(form(1), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignIns.as(users, DemoUsers.SALES, () -> mining.findRequests(MiningRequestQuery.all(),
                org.springframework.data.domain.PageRequest.of(0, 10)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRequesterIsToldOfEachFinishedRequestOnce() {
        mining.takeUnseenResults();  // what earlier tests left untold
        MiningRequestRow done = finished(mining.submit(form(1), null));

        assertThat(mining.takeUnseenResults()).extracting(MiningRequestRow::id).containsExactly(done.id());
        assertThat(mining.takeUnseenResults()).isEmpty();
    }
}
