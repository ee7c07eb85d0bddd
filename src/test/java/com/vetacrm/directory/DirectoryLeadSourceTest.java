package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.admin.StageService;
import com.vetacrm.admin.TeamService;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.Suppression;
import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.Exclusions;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.leadsource.SourceCriteria;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.DirectoryFixture;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The directory as lead mining's source (DESIGN §5.5, §5.7, §5.8), on a small directory of hand-made
 * companies whose countries, states, industries, sizes and ranks make every rule visible.
 */
@WithUserDetails(DemoUsers.MANAGER)
class DirectoryLeadSourceTest extends ServiceTest {

    private static final String SOFTWARE = "software_services";
    private static final String RETAIL = "retailing";
    private static final String BANKS = "banks_insurance";

    @Autowired
    LeadSource source;
    @Autowired
    CrmExclusions crm;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadService leads;
    @Autowired
    TeamService teams;
    @Autowired
    StageService stages;
    @Autowired
    UserDetailsService users;
    @Autowired
    DirectoryMiningQueries queries;

    private DirectoryFixture directory;

    @BeforeEach
    void smallDirectoryAndNothingKnown() {
        directory = new DirectoryFixture(jdbc).empty();
        jdbc.update("DELETE FROM suppression");
        // The CRM knows nothing of the hand-made companies until a test says so.
        jdbc.update("UPDATE crm_lead SET directory_company_ref = NULL, website_domain = NULL, email_domain = NULL"
                + " WHERE directory_company_ref IS NOT NULL OR website_domain LIKE '%.example'"
                + " OR email_domain LIKE '%.example'");
        company("be-1", "BE", "BE-VLG", SOFTWARE, 40, 50);
        company("be-2", "BE", "BE-WAL", SOFTWARE, 400, 20);
        company("be-3", "BE", null, RETAIL, 12, 30);
        company("ca-1", "US", "US-CA", SOFTWARE, 8, 10);
        company("ca-2", "US", "US-CA", SOFTWARE, 2_000, 60);
        company("tx-1", "US", "US-TX", SOFTWARE, 25, 5);
        company("fr-1", "FR", "FR-IDF", SOFTWARE, 30, 1);
        company("ca-3", "US", "US-CA", BANKS, 55, 40);
    }

    private void company(String ref, String country, String state, String industry, int employees, long rank) {
        directory.company(ref, country, state, industry, employees, rank);
    }

    private void contact(String companyRef, int position, String name, String role, String seniority) {
        directory.contact(companyRef, position, name, role, seniority);
    }

    private static SourceCriteria criteria(Set<String> countries, Set<String> states, Set<String> industries) {
        return new SourceCriteria(countries, states, industries, null, null, null);
    }

    private List<String> refs(SourceCriteria criteria, Exclusions exclusions, int limit) {
        return source.select(criteria, exclusions, limit).companies().stream().map(SourceCompany::ref).toList();
    }

    /** The CRM's rules answered only through the set questions, as a source outside the database would. */
    private Exclusions askedOneBatchAtATime() {
        return crmAnswering(Optional.empty());
    }

    /** The CRM's set questions, and these anti-joins (or none) for the statements. */
    private Exclusions crmAnswering(Optional<Exclusions.SqlAntiJoins> sql) {
        return new Exclusions() {
            @Override
            public Set<String> excludedRefs(Collection<CompanyKey> candidates) {
                return crm.excludedRefs(candidates);
            }

            @Override
            public Set<String> suppressedEmails(Collection<String> emails) {
                return crm.suppressedEmails(emails);
            }

            @Override
            public Optional<SqlAntiJoins> sameDatabase() {
                return sql;
            }
        };
    }

    private LeadDetails lead(String name, Consumer<LeadDraft> more) {
        LeadDraft d = new LeadDraft();
        d.setName(name);
        d.setTeamId(teams.findActive().getFirst().id());
        d.setStageId(stages.findAllInOrder().getFirst().id());
        more.accept(d);
        return leads.create(d);
    }

    @Test
    void belgiumPlusCaliforniaReturnsTheCompaniesOfBelgiumAndOfCalifornia() {
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("US-CA"), Set.of(SOFTWARE));

        assertThat(refs(c, Exclusions.none(), 10)).containsExactly("ca-1", "be-2", "be-1", "ca-2");
    }

    @Test
    void chosenStatesOfOneCountryLeaveTheOtherCountriesWhole() {
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("BE-WAL", "US-TX"), Set.of(SOFTWARE));

        assertThat(refs(c, Exclusions.none(), 10)).containsExactly("tx-1", "be-2");
    }

    @Test
    void companiesComeInRankOrderUpToTheLimit() {
        SourceCriteria c = criteria(Set.of("BE", "US", "FR"), Set.of(), Set.of(SOFTWARE, RETAIL, BANKS));

        assertThat(refs(c, Exclusions.none(), 100))
                .containsExactly("fr-1", "tx-1", "ca-1", "be-2", "be-3", "ca-3", "be-1", "ca-2");
        assertThat(refs(c, Exclusions.none(), 3)).containsExactly("fr-1", "tx-1", "ca-1");
    }

    @Test
    void theSizeRangeIncludesBothEnds() {
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of(), Set.of(SOFTWARE)).withSize(25, 400);

        assertThat(refs(c, Exclusions.none(), 10)).containsExactly("tx-1", "be-2", "be-1");
    }

    @Test
    void manyCountriesAndIndustriesGiveTheSameOrderAsFewWalks() {
        Set<String> industries = Set.of(SOFTWARE, RETAIL, BANKS, "capital_goods", "energy_utilities", "materials",
                "media", "transportation");
        Set<String> countries = Set.of("BE", "US", "FR", "DE", "ES", "IT", "NL", "PT", "MX");
        assertThat(countries.size() * industries.size()).isGreaterThan(DirectoryMiningQueries.MAX_WALKS);

        assertThat(refs(criteria(countries, Set.of("US-CA"), industries), crm, 10))
                .containsExactly("fr-1", "ca-1", "be-2", "be-3", "ca-3", "be-1", "ca-2");
    }

    @Test
    void thePreviewCountsTheMatchesAfterEachFilterStepAndTheOnesNotYetKnown() {
        lead("Known by website", d -> d.setWebsite("https://www.BE-1.example/contact"));
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("US-CA"), Set.of(SOFTWARE)).withSize(10, 1_000);

        SourcePreview preview = source.preview(c, crm);

        assertThat(preview.afterCountries()).as("BE and US").isEqualTo(7);
        assertThat(preview.afterStates()).as("BE and California").isEqualTo(6);
        assertThat(preview.afterIndustries()).as("software").isEqualTo(4);
        assertThat(preview.afterSize()).as("10 to 1,000 employees").isEqualTo(2);
        assertThat(preview.notKnown()).as("be-1 is a lead's website").isEqualTo(1);
        assertThat(source.preview(c, askedOneBatchAtATime())).isEqualTo(preview);
    }

    @Test
    void withoutStatesOrSizeTheStepCountsCarryOver() {
        SourcePreview preview = source.preview(criteria(Set.of("FR"), Set.of(), Set.of(RETAIL)), crm);

        assertThat(preview).isEqualTo(new SourcePreview(1, 1, 0, 0, 0));
    }

    @Test
    void aCompanyWhoseRefALeadCarriesIsLeftOutEvenWhenTheLeadIsArchivedOrLost() {
        long archived = lead("Archived", d -> { }).id();
        long lost = lead("Lost", d -> { }).id();
        jdbc.update("UPDATE crm_lead SET directory_company_ref = 'ca-1' WHERE id = ?", archived);
        jdbc.update("UPDATE crm_lead SET directory_company_ref = 'be-2' WHERE id = ?", lost);
        leads.archive(archived);
        leads.markLost(lost, "Too small");
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("US-CA"), Set.of(SOFTWARE));

        assertThat(refs(c, crm, 10)).containsExactly("be-1", "ca-2");
        assertThat(refs(c, askedOneBatchAtATime(), 10)).containsExactly("be-1", "ca-2");
    }

    @Test
    void aCompanyWhoseDomainIsALeadsWebsiteOrEmailDomainIsLeftOut() {
        lead("By website", d -> d.setWebsite("WWW.CA-1.example"));
        lead("By e-mail", d -> d.setEmail("someone@be-2.example"));
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("US-CA"), Set.of(SOFTWARE));

        assertThat(refs(c, crm, 10)).containsExactly("be-1", "ca-2");
        assertThat(refs(c, askedOneBatchAtATime(), 1)).containsExactly("be-1");
    }

    @Test
    void aSuppressedDomainIsLeftOut() {
        jdbc.update("INSERT INTO suppression (kind, value_hash, reason, created_at) VALUES ('DOMAIN', ?, 'test', NOW())",
                Suppression.DOMAIN.hash("www.Be-1.example"));
        SourceCriteria c = criteria(Set.of("BE"), Set.of(), Set.of(SOFTWARE));

        assertThat(refs(c, crm, 10)).containsExactly("be-2");
        assertThat(refs(c, askedOneBatchAtATime(), 10)).containsExactly("be-2");
        assertThat(source.preview(c, crm).notKnown()).isEqualTo(1);
    }

    @Test
    void contactsComeByPreferredRoleThenOtherRolesInTheirOrderUpToTheNumberAsked() {
        contact("be-1", 0, "Ann Sales", "sale", "manager");
        contact("be-1", 1, "Bob Ceo", "ceo", "executive");
        contact("be-1", 2, "Cid Marketing", "marketing", "manager");
        contact("be-1", 3, "Dan Sales", "sale", "director");
        contact("be-1", 4, "Eve Finance", "finance", "manager");
        SourceCriteria c = criteria(Set.of("BE"), Set.of("BE-VLG"), Set.of(SOFTWARE));

        List<SourceContact> three = source.select(
                c.withContacts(ContactCriteria.byRole(3, "ceo", List.of("sale", "finance"))), crm, 1)
                .companies().getFirst().contacts();
        List<SourceContact> onlyPreferred = source.select(
                c.withContacts(ContactCriteria.byRole(5, "sale", List.of())), crm, 1).companies().getFirst().contacts();

        assertThat(three).extracting(SourceContact::fullName).containsExactly("Bob Ceo", "Ann Sales", "Dan Sales");
        assertThat(onlyPreferred).extracting(SourceContact::fullName).containsExactly("Ann Sales", "Dan Sales");
        assertThat(three.getFirst().email()).isEqualTo("bob.ceo@be-1.example");
    }

    @Test
    void contactsBySeniorityAreThoseOfThatSeniority() {
        contact("be-1", 0, "Ann Sales", "sale", "manager");
        contact("be-1", 1, "Bob Ceo", "ceo", "executive");
        contact("be-1", 2, "Cid Marketing", "marketing", "manager");
        SourceCriteria c = criteria(Set.of("BE"), Set.of("BE-VLG"), Set.of(SOFTWARE))
                .withContacts(ContactCriteria.bySeniority(5, "manager"));

        assertThat(source.select(c, crm, 1).companies().getFirst().contacts()).extracting(SourceContact::fullName)
                .containsExactly("Ann Sales", "Cid Marketing");
    }

    @Test
    void aCompanyWithoutAMatchingContactIsStillDeliveredAndCompaniesOnlyBringNoContacts() {
        contact("be-1", 0, "Ann Sales", "sale", "manager");
        SourceCriteria c = criteria(Set.of("BE"), Set.of(), Set.of(SOFTWARE));

        List<SourceCompany> withContacts = source.select(c.withContacts(ContactCriteria.bySeniority(2, "director")), crm, 10).companies();
        List<SourceCompany> companiesOnly = source.select(c, crm, 10).companies();

        assertThat(withContacts).extracting(SourceCompany::ref).containsExactly("be-2", "be-1");
        assertThat(withContacts).allSatisfy(co -> assertThat(co.contacts()).isEmpty());
        assertThat(companiesOnly).allSatisfy(co -> assertThat(co.contacts()).isEmpty());
    }

    @Test
    void aContactWithASuppressedEmailIsLeftOut() {
        contact("be-1", 0, "Ann Sales", "sale", "manager");
        contact("be-1", 1, "Dan Sales", "sale", "director");
        jdbc.update("INSERT INTO suppression (kind, value_hash, reason, created_at) VALUES ('EMAIL', ?, 'GDPR', NOW())",
                Suppression.EMAIL.hash(" Ann.Sales@BE-1.example "));
        SourceCriteria c = criteria(Set.of("BE"), Set.of("BE-VLG"), Set.of(SOFTWARE))
                .withContacts(ContactCriteria.byRole(1, "sale", List.of()));

        assertThat(source.select(c, crm, 1).companies().getFirst().contacts()).extracting(SourceContact::fullName)
                .containsExactly("Dan Sales");
        assertThat(source.select(c, askedOneBatchAtATime(), 1).companies().getFirst().contacts())
                .extracting(SourceContact::fullName).containsExactly("Dan Sales");
    }

    /** Half of a selection's walks run on a thread of their own; without those threads the answer is the same. */
    @Test
    void walksAreStillReadOnceTheSecondReadersHaveStopped() {
        DirectoryMiningQueries stopped = new DirectoryMiningQueries(JdbcClient.create(jdbc));
        stopped.stop();
        SourceCriteria c = criteria(Set.of("BE", "US"), Set.of("US-CA"), Set.of(SOFTWARE, RETAIL));

        assertThat(stopped.notKnown(c, crm.sameDatabase().orElseThrow(), 10).kept())
                .extracting(DirectoryMiningQueries.Candidate::ref)
                .containsExactlyElementsOf(refs(c, crm, 10))
                .containsExactly("ca-1", "be-2", "be-3", "be-1", "ca-2");
    }

    /** A walk that fails fails the selection with its own error, whichever thread ran it. */
    @Test
    void aFailedWalkFailsTheSelectionWithItsOwnError() {
        Exclusions brokenCrm = crmAnswering(Optional.of(new Exclusions.SqlAntiJoins() {
            @Override
            public Exclusions.AntiJoin companyNotKnown(String refExpr, String domainExpr) {
                return new Exclusions.AntiJoin(" LEFT JOIN no_such_table x ON x.id = 1", "x.id IS NULL");
            }

            @Override
            public Exclusions.AntiJoin emailNotSuppressed(String emailExpr) {
                return Exclusions.AntiJoin.KEEP_ALL;
            }
        }));
        SourceCriteria fourWalks = criteria(Set.of("BE", "US"), Set.of(), Set.of(SOFTWARE, RETAIL));

        assertThatThrownBy(() -> source.select(fourWalks, brokenCrm, 10)).isInstanceOf(BadSqlGrammarException.class)
                .hasMessageContaining("no_such_table");
    }

    @Test
    void aDeliveredCompanyCarriesWhatALeadAndItsEnrichmentCardNeed() {
        long id = jdbc.queryForObject("SELECT id FROM directory_company WHERE ref = 'ca-1'", Long.class);
        List<String> codes = List.of("amplitude", "convert", "adobe_analytics", "ab_tasty");
        for (String technology : codes) {
            jdbc.update("INSERT INTO directory_company_technology (company_id, technology_code) VALUES (?, ?)", id,
                    technology);
        }
        // as the import and the generator write them: the rows and their copy on the company's row (change 0028)
        jdbc.update("UPDATE directory_company SET technology_codes = ? WHERE id = ?", TechnologyCodes.join(codes), id);

        SourceCompany ca1 = source.select(criteria(Set.of("US"), Set.of("US-CA"), Set.of(SOFTWARE)), crm, 1).companies().getFirst();

        assertThat(ca1.name()).isEqualTo("Company ca-1");
        assertThat(ca1.legalName()).isEqualTo("Company ca-1 SA");
        assertThat(ca1.domain()).isEqualTo("ca-1.example");
        assertThat(ca1.email()).isEqualTo("info@ca-1.example");
        assertThat(ca1.countryCode()).isEqualTo("US");
        assertThat(ca1.stateCode()).isEqualTo("US-CA");
        assertThat(ca1.employees()).isEqualTo(8);
        assertThat(ca1.foundedYear()).isEqualTo(1999);
        assertThat(ca1.technologies()).as("by category, then name")
                .containsExactly("AB Tasty", "Convert", "Adobe Analytics", "Amplitude");
    }

    @Test
    void aLargeMatchSetGetsAnEstimatedNotKnownCountCloseToTheExactOne() {
        // 6,000 Dutch software companies in random rank order; 300 of them (every twentieth) known by a lead's website
        List<Integer> ranks = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 6_000).boxed().toList());
        java.util.Collections.shuffle(ranks, new java.util.Random(42));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            rows.add(new Object[] {8_000_000L + i, "nl-" + i, "nl-" + i + ".example", 1_000L + ranks.get(i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO directory_company (id, ref, name, domain, industry_code, employees, country_code, rank,
                    created_at, updated_at) VALUES (?, ?, 'Dutch company', ?, 'software_services', 20, 'NL', ?, NOW(), NOW())""",
                rows);
        jdbc.update("""
                UPDATE crm_lead l JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM crm_lead) x ON x.id = l.id
                SET l.website_domain = CONCAT('nl-', x.k * 20, '.example') WHERE x.k < 300""");
        long exactlyKnown = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company c WHERE c.country_code = 'NL'"
                + " AND c.domain IN (SELECT website_domain FROM crm_lead)", Long.class);
        assertThat(exactlyKnown).isEqualTo(300);
        SourceCriteria c = criteria(Set.of("NL"), Set.of(), Set.of(SOFTWARE));

        SourcePreview preview = source.preview(c, crm);
        SourcePreview outside = source.preview(c, askedOneBatchAtATime());

        assertThat(preview.matches()).isEqualTo(6_000);
        assertThat(preview.notKnownExact()).isFalse();
        assertThat(preview.notKnown()).isCloseTo(6_000 - exactlyKnown, org.assertj.core.data.Offset.offset(150L));
        assertThat(outside.notKnown()).isEqualTo(preview.notKnown());
    }

    // ---- walk marks (change 0024): the next selection starts where the CRM's knowledge ends

    private static final SourceCriteria BE_AND_CALIFORNIA_SOFTWARE = criteria(Set.of("BE", "US"), Set.of("US-CA"),
            Set.of(SOFTWARE));

    private long knownByRef(String ref) {
        long id = lead("Knows " + ref, d -> { }).id();
        jdbc.update("UPDATE crm_lead SET directory_company_ref = ? WHERE id = ?", ref, id);
        return id;
    }

    private java.util.Map<DirectoryMiningQueries.Walk, Long> marks(SourceCriteria c) {
        return queries.validMarks(c);
    }

    /** The marks moved as after a delivery, by looking for each walk's first unknown company (the size-filter way). */
    private void delivered(SourceCriteria c) {
        queries.advanceMarks(c, crm.sameDatabase().orElseThrow());
    }

    @Test
    void afterADeliveryEachWalkIsMarkedAtItsFirstUnknownCompanyAndTheNextSelectionIsUnchanged() {
        knownByRef("be-2");
        knownByRef("ca-1");
        lead("By website", d -> d.setWebsite("https://ca-2.example"));

        delivered(BE_AND_CALIFORNIA_SOFTWARE);

        assertThat(marks(BE_AND_CALIFORNIA_SOFTWARE)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                new DirectoryMiningQueries.Walk("country_code", "BE", SOFTWARE), 50L,
                new DirectoryMiningQueries.Walk("state_code", "US-CA", SOFTWARE), Long.MAX_VALUE));
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("be-1")
                .isEqualTo(refs(BE_AND_CALIFORNIA_SOFTWARE, askedOneBatchAtATime(), 10));
    }

    @Test
    void deletingTheLeadThatKnewACompanyBelowTheMarkMakesItSelectableAgain() {
        long knowsBe2 = knownByRef("be-2");
        delivered(BE_AND_CALIFORNIA_SOFTWARE);
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).doesNotContain("be-2");

        jdbc.update("DELETE FROM lead_tag WHERE lead_id = ?", knowsBe2);
        jdbc.update("DELETE FROM lead_contact WHERE lead_id = ?", knowsBe2);
        jdbc.update("DELETE FROM crm_lead WHERE id = ?", knowsBe2);

        assertThat(marks(BE_AND_CALIFORNIA_SOFTWARE)).as("the BE walk's mark no longer holds")
                .doesNotContainKey(new DirectoryMiningQueries.Walk("country_code", "BE", SOFTWARE));
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "be-2", "be-1", "ca-2");
    }

    @Test
    void aLeadThatNoLongerCarriesTheRefOrWebsiteOfACompanyBelowTheMarkMakesItSelectableAgain() {
        long knowsBe2 = knownByRef("be-2");
        long knowsBe1 = lead("By website", d -> d.setWebsite("https://be-1.example")).id();
        delivered(BE_AND_CALIFORNIA_SOFTWARE);
        assertThat(marks(BE_AND_CALIFORNIA_SOFTWARE))
                .containsEntry(new DirectoryMiningQueries.Walk("country_code", "BE", SOFTWARE), Long.MAX_VALUE);

        jdbc.update("UPDATE crm_lead SET website = 'https://other.example', website_domain = 'other.example'"
                + " WHERE id = ?", knowsBe1);
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "be-1", "ca-2");

        delivered(BE_AND_CALIFORNIA_SOFTWARE);
        jdbc.update("UPDATE crm_lead SET directory_company_ref = NULL WHERE id = ?", knowsBe2);
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "be-2", "be-1", "ca-2");
    }

    @Test
    void aCompanyAddedToTheDirectoryBelowTheMarkIsSelected() {
        knownByRef("be-2");
        knownByRef("be-1");
        delivered(BE_AND_CALIFORNIA_SOFTWARE);
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "ca-2");

        company("be-0", "BE", null, SOFTWARE, 5, 15);

        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "be-0", "ca-2");
    }

    @Test
    void removingASuppressedDomainDropsEveryMark() {
        jdbc.update("INSERT INTO suppression (kind, value_hash, reason, created_at) VALUES ('DOMAIN', ?, 'test', NOW())",
                Suppression.DOMAIN.hash("be-2.example"));
        delivered(BE_AND_CALIFORNIA_SOFTWARE);
        assertThat(marks(BE_AND_CALIFORNIA_SOFTWARE))
                .containsEntry(new DirectoryMiningQueries.Walk("country_code", "BE", SOFTWARE), 50L);

        jdbc.update("DELETE FROM suppression");

        assertThat(marks(BE_AND_CALIFORNIA_SOFTWARE)).isEmpty();
        assertThat(refs(BE_AND_CALIFORNIA_SOFTWARE, crm, 10)).containsExactly("ca-1", "be-2", "be-1", "ca-2");
    }

    @Test
    void aSmallIndustryHoldingTheFirstRanksStillGivesItsCompaniesFirst() {
        // software is a tenth of the companies but holds the first ranks: its walk, asked for about its share
        // first, must be asked again until the merge is right
        for (int i = 0; i < 60; i++) {
            company("sw-" + i, "PT", null, SOFTWARE, 20, 10_000 + i);
        }
        for (int i = 0; i < 600; i++) {
            company("rt-" + i, "PT", null, RETAIL, 20, 20_000 + i);
        }
        knownByRef("sw-3");
        SourceCriteria c = criteria(Set.of("PT"), Set.of(), Set.of(SOFTWARE, RETAIL));
        List<String> expected = jdbc.queryForList("""
                SELECT ref FROM directory_company WHERE country_code = 'PT' AND industry_code IN (?, ?)
                AND ref <> 'sw-3' ORDER BY `rank` LIMIT 40""", String.class, SOFTWARE, RETAIL);

        assertThat(refs(c, crm, 40)).hasSize(40).containsExactlyElementsOf(expected)
                .allMatch(ref -> ref.startsWith("sw-"));
        assertThat(refs(c, askedOneBatchAtATime(), 40)).containsExactlyElementsOf(expected);
        assertThat(refs(c, crm, 100)).hasSize(100).startsWith(expected.toArray(String[]::new))
                .endsWith("rt-40");
    }

    @Test
    void marksTakenFromADeliveredSelectionNeverPassAnUnknownCompanyAndLeaveTheNextSelectionUnchanged() {
        java.util.Map<String, Long> rank = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            company("sw-" + i, "PT", null, SOFTWARE, 20, 10_000 + 8L * i);
            rank.put("sw-" + i, 10_000 + 8L * i);
        }
        for (int i = 0; i < 90; i++) {
            company("rt-" + i, "PT", null, RETAIL, 20, 10_001 + 2L * i);
            rank.put("rt-" + i, 10_001 + 2L * i);
        }
        knownByRef("rt-4");
        lead("By website", d -> d.setWebsite("https://sw-5.example"));
        SourceCriteria c = criteria(Set.of("PT"), Set.of(), Set.of(SOFTWARE, RETAIL));
        List<String> notKnown = refs(c, askedOneBatchAtATime(), 1_000);
        assertThat(notKnown).hasSize(118);
        var software = new DirectoryMiningQueries.Walk("country_code", "PT", SOFTWARE);
        var retail = new DirectoryMiningQueries.Walk("country_code", "PT", RETAIL);
        java.util.Map<DirectoryMiningQueries.Walk, Long> lastDelivered = new java.util.HashMap<>();
        int taken = 0;
        // one company (the software walk, asked for one, is all delivered: its mark goes past it), a few of each walk,
        // more, then the rest (both walks run out)
        for (int limit : List.of(1, 7, 25, 200)) {
            LeadSource.Selection selection = source.select(c, crm, limit);
            List<String> got = selection.companies().stream().map(SourceCompany::ref).toList();
            assertThat(got).containsExactlyElementsOf(notKnown.subList(taken, Math.min(notKnown.size(), taken + limit)));
            got.forEach(this::knownByRef);  // what the job's leads do
            got.forEach(ref -> lastDelivered.merge(ref.startsWith("sw-") ? software : retail, rank.get(ref), Math::max));
            selection.delivered();
            taken += got.size();

            var taken1 = taken;
            assertThat(refs(c, crm, 1_000)).as("after %d delivered", taken1)
                    .containsExactlyElementsOf(notKnown.subList(taken, notKnown.size()));
            java.util.Map<DirectoryMiningQueries.Walk, Long> fromTheWalks = marks(c);
            delivered(c);
            java.util.Map<DirectoryMiningQueries.Walk, Long> firstUnknown = marks(c);
            for (var walk : List.of(software, retail)) {
                assertThat(fromTheWalks.get(walk)).as("%s after %d", walk, taken1)
                        .isGreaterThan(lastDelivered.getOrDefault(walk, Long.MIN_VALUE))
                        .isLessThanOrEqualTo(firstUnknown.get(walk));
            }
        }
        assertThat(marks(c)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(software, Long.MAX_VALUE,
                retail, Long.MAX_VALUE));
    }

    @Test
    void aSizeFilteredDeliveryMarksEachWalkAtItsFirstUnknownCompanyOfAnySize() {
        SourceCriteria smallBelgianSoftware = new SourceCriteria(Set.of("BE"), Set.of(), Set.of(SOFTWARE), 10, 100,
                null);
        LeadSource.Selection selection = source.select(smallBelgianSoftware, crm, 5);
        assertThat(selection.companies()).extracting(SourceCompany::ref).containsExactly("be-1");
        knownByRef("be-1");

        selection.delivered();

        assertThat(marks(smallBelgianSoftware)).as("be-2 (400 employees, rank 20) is still unknown")
                .containsExactlyEntriesOf(java.util.Map.of(new DirectoryMiningQueries.Walk("country_code", "BE", SOFTWARE),
                        20L));
        assertThat(refs(criteria(Set.of("BE"), Set.of(), Set.of(SOFTWARE)), crm, 10)).containsExactly("be-2");
    }

    @Test
    void aSalespersonCannotMine() {
        SourceCriteria c = criteria(Set.of("BE"), Set.of(), Set.of(SOFTWARE));

        assertThatThrownBy(() -> SignIns.as(users, DemoUsers.SALES, () -> source.select(c, crm, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignIns.as(users, DemoUsers.SALES, () -> source.preview(c, crm)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
