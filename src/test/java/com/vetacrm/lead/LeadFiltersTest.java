package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.test.context.support.WithUserDetails;

/** The leads grid and the pipeline board: every filter, sorting and paging, on the real database. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadFiltersTest extends LeadServiceTestBase {

    private static final Pageable FIRST_100 = PageRequest.of(0, 100);

    @Test
    void textMatchesNameCompanyEmailOrContactWhateverTheCase() {
        String w = unique();
        long team = salesTeam();
        long byName = create("Alpha " + w + " Ltd", team).id();
        long byCompany = create("Beta", team, d -> d.setPartnerName("Company " + w.toUpperCase())).id();
        long byEmail = create("Gamma", team, d -> d.setEmail(w + "@example.com")).id();
        long byContact = create("Delta", team, d -> d.setContactName("Ana " + w)).id();
        long other = create("Epsilon " + unique(), team, d -> d.setDescription(w)).id();

        List<Long> found = ids(leads.findLeads(LeadQuery.all().withText(w.toUpperCase()), FIRST_100));
        assertThat(found).containsExactlyInAnyOrder(byName, byCompany, byEmail, byContact).doesNotContain(other);
        assertThat(ids(leads.findLeads(LeadQuery.all().withText("  " + w + "  "), FIRST_100))).hasSize(4);
    }

    @Test
    void percentUnderscoreAndBackslashInTheTextAreMatchedLiterally() {
        String w = unique();
        long team = salesTeam();
        long percent = create(w + " 50% off", team).id();
        create(w + " 500 off", team);
        long underscore = create(w + " a_b", team).id();
        create(w + " axb", team);
        long backslash = create(w + " c\\d", team).id();
        create(w + " cd", team);

        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w + " 50%"), FIRST_100))).containsExactly(percent);
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w + " a_b"), FIRST_100))).containsExactly(underscore);
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w + " c\\d"), FIRST_100))).containsExactly(backslash);
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w + "%"), FIRST_100))).isEmpty();
    }

    @Test
    void tagFilterFindsLeadsCarryingAnyOfTheTagsOnce() {
        String w = unique();
        long team = salesTeam();
        List<TagSummary> tags = tagList();
        long t1 = tags.get(0).id();
        long t2 = tags.get(1).id();
        long t3 = tags.get(2).id();
        long first = create(w + " 1", team, d -> d.setTagIds(Set.of(t1))).id();
        long second = create(w + " 2", team, d -> d.setTagIds(Set.of(t2))).id();
        create(w + " 3", team, d -> d.setTagIds(Set.of(t3)));
        long both = create(w + " 1+2", team, d -> d.setTagIds(Set.of(t1, t2))).id();
        create(w + " none", team);

        List<LeadRow> rows = leads.findLeads(LeadQuery.all().withText(w).withTags(Set.of(t1, t2)), FIRST_100);

        assertThat(ids(rows)).containsExactlyInAnyOrder(first, second, both);
        assertThat(rows).filteredOn(r -> r.id() == both).singleElement()
                .satisfies(r -> assertThat(r.tags()).extracting(TagSummary::id).containsExactlyInAnyOrder(t1, t2));
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w).withTags(Set.of(t3)), FIRST_100))).hasSize(1);
    }

    @Test
    void salespersonTeamAndMyPipelineFilters() {
        String w = unique();
        long team = salesTeam();
        long other = otherTeam();
        long sales = userId(DemoUsers.SALES);
        long manager = userId(DemoUsers.MANAGER);
        long salesLead = create(w + " sales", team, d -> d.setSalespersonId(sales)).id();
        long managerLead = create(w + " manager", team, d -> d.setSalespersonId(manager)).id();
        long otherTeamLead = create(w + " other team", other, d -> d.setSalespersonId(manager)).id();

        LeadQuery mine = LeadQuery.all().withText(w);
        assertThat(ids(leads.findLeads(mine.withSalesperson(sales), FIRST_100))).containsExactly(salesLead);
        assertThat(ids(leads.findLeads(mine.withTeam(other), FIRST_100))).containsExactly(otherTeamLead);
        assertThat(ids(leads.findLeads(mine.withTeam(team), FIRST_100)))
                .containsExactlyInAnyOrder(salesLead, managerLead);
        assertThat(ids(leads.findLeads(mine.withMine(true), FIRST_100)))
                .containsExactlyInAnyOrder(managerLead, otherTeamLead);
        assertThat(as(DemoUsers.SALES, () -> ids(leads.findLeads(mine.withMine(true), FIRST_100))))
                .containsExactly(salesLead);
        assertThat(ids(leads.findLeads(mine.withMine(true).withTeam(team), FIRST_100))).containsExactly(managerLead);
    }

    @Test
    void countryStageTypeAndCreatedDateFilters() {
        String w = unique();
        long team = salesTeam();
        StageSummary second = secondStage();
        LeadDetails spanish = create(w + " ES", team, d -> d.setCountryCode("ES"));
        LeadDetails french = create(w + " FR", team, d -> {
            d.setCountryCode("FR");
            d.setStageId(second.id());
            d.setType(LeadType.OPPORTUNITY);
        });
        LeadQuery q = LeadQuery.all().withText(w);

        assertThat(ids(leads.findLeads(q.withCountry("ES"), FIRST_100))).containsExactly(spanish.id());
        assertThat(ids(leads.findLeads(q.withStage(second.id()), FIRST_100))).containsExactly(french.id());
        assertThat(ids(leads.findLeads(q.withType(LeadType.OPPORTUNITY), FIRST_100))).containsExactly(french.id());
        assertThat(ids(leads.findLeads(q.withType(LeadType.LEAD), FIRST_100))).containsExactly(spanish.id());

        LocalDate day = spanish.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = french.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(ids(leads.findLeads(q.withCreated(day, lastDay), FIRST_100)))
                .containsExactlyInAnyOrder(spanish.id(), french.id());
        assertThat(ids(leads.findLeads(q.withCreated(day, null), FIRST_100))).hasSize(2);
        assertThat(ids(leads.findLeads(q.withCreated(null, lastDay), FIRST_100))).hasSize(2);
        assertThat(ids(leads.findLeads(q.withCreated(null, day.minusDays(1)), FIRST_100))).isEmpty();
        assertThat(ids(leads.findLeads(q.withCreated(lastDay.plusDays(1), null), FIRST_100))).isEmpty();
    }

    @Test
    void statusShowsActiveLostOrArchivedRecords() {
        String w = unique();
        long team = salesTeam();
        long active = create(w + " active", team).id();
        long lost = create(w + " lost", team).id();
        long archived = create(w + " archived", team).id();
        leads.markLost(lost, "Too expensive");
        leads.archive(archived);
        LeadQuery q = LeadQuery.all().withText(w);

        assertThat(leads.findLeads(q, FIRST_100)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(active))
                .satisfies(r -> assertThat(r.active()).isTrue());
        assertThat(leads.findLeads(q.withStatus(LeadStatus.LOST), FIRST_100)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(lost))
                .satisfies(r -> assertThat(r.active()).isFalse());
        assertThat(ids(leads.findLeads(q.withStatus(LeadStatus.ARCHIVED), FIRST_100))).containsExactly(archived);
    }

    @Test
    void sortsByAWhitelistedPropertyAndIgnoresAnUnknownOne() {
        String w = unique();
        long team = salesTeam();
        long c = create(w + " C", team, d -> d.setExpectedRevenue(new BigDecimal("10"))).id();
        long a = create(w + " A", team, d -> d.setExpectedRevenue(new BigDecimal("30"))).id();
        long b = create(w + " B", team, d -> d.setExpectedRevenue(new BigDecimal("20"))).id();
        LeadQuery q = LeadQuery.all().withText(w);

        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10, Sort.by("name"))))).containsExactly(a, b, c);
        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "name")))))
                .containsExactly(c, b, a);
        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10, Sort.by("expectedRevenue")))))
                .containsExactly(c, b, a);
        // newest first when nothing (known) is asked for
        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10)))).containsExactly(b, a, c);
        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10, Sort.by("passwordHash"))))).containsExactly(b, a, c);
        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 10, Sort.by("name; DELETE FROM crm_lead")))))
                .containsExactly(b, a, c);
        assertThat(leadsNamed(w + " A")).isEqualTo(1);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrDuplicates() {
        String w = unique();
        long team = salesTeam();
        List<Long> created = IntStream.range(0, 12).mapToObj(i -> create(w + " " + (char) ('a' + i), team).id())
                .toList();
        LeadQuery q = LeadQuery.all().withText(w);

        for (Sort sort : List.of(Sort.unsorted(), Sort.by("name"), Sort.by("countryCode"))) {
            List<Long> page1 = ids(leads.findLeads(q, PageRequest.of(0, 5, sort)));
            List<Long> page2 = ids(leads.findLeads(q, PageRequest.of(1, 5, sort)));
            List<Long> page3 = ids(leads.findLeads(q, PageRequest.of(2, 5, sort)));
            assertThat(page1).hasSize(5);
            assertThat(page2).hasSize(5).doesNotContainAnyElementsOf(page1);
            assertThat(page3).hasSize(2);
            List<Long> all = new ArrayList<>(page1);
            all.addAll(page2);
            all.addAll(page3);
            assertThat(all).as("sorted by %s", sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }
        assertThat(ids(leads.findLeads(q, PageRequest.of(3, 5)))).isEmpty();
    }

    @Test
    void pipelineColumnsCountAndSumTheFilteredActiveCardsOfEveryStage() {
        String w = unique();
        long team = salesTeam();
        long sales = userId(DemoUsers.SALES);
        long tag = tagList().getFirst().id();
        StageSummary first = firstStage();
        StageSummary second = secondStage();
        long low = create(w + " low", team, d -> {
            d.setExpectedRevenue(new BigDecimal("100.50"));
            d.setPriority(1);
            d.setTagIds(Set.of(tag));
            d.setSalespersonId(sales);
        }).id();
        long high = create(w + " high", team, d -> {
            d.setExpectedRevenue(new BigDecimal("50"));
            d.setPriority(3);
        }).id();
        long qualified = create(w + " qualified", team, d -> {
            d.setExpectedRevenue(new BigDecimal("25"));
            d.setStageId(second.id());
        }).id();
        long lost = create(w + " lost", team, d -> d.setExpectedRevenue(new BigDecimal("1000"))).id();
        leads.markLost(lost, "No budget");
        LeadQuery q = LeadQuery.all().withText(w);

        List<PipelineColumn> columns = leads.pipelineColumns(q);
        assertThat(columns).extracting(c -> c.stage().id())
                .containsExactlyElementsOf(stageList().stream().map(StageSummary::id).toList());
        Map<Long, PipelineColumn> byStage = columns.stream()
                .collect(Collectors.toMap(c -> c.stage().id(), Function.identity()));
        assertThat(byStage.get(first.id()).count()).isEqualTo(2);
        assertThat(byStage.get(first.id()).expectedRevenue()).isEqualByComparingTo("150.50");
        assertThat(byStage.get(second.id()).count()).isEqualTo(1);
        assertThat(byStage.get(second.id()).expectedRevenue()).isEqualByComparingTo("25");
        assertThat(columns).filteredOn(c -> c.stage().id() != first.id() && c.stage().id() != second.id())
                .allSatisfy(c -> {
                    assertThat(c.count()).isZero();
                    assertThat(c.expectedRevenue()).isEqualByComparingTo("0");
                });
        assertThat(leads.pipelineColumn(q, second.id()).count()).isEqualTo(1);

        // highest priority first, a page at a time
        assertThat(cardIds(leads.pipelineCards(q, first.id(), 0, 10))).containsExactly(high, low);
        assertThat(cardIds(leads.pipelineCards(q, first.id(), 1, 1))).containsExactly(low);
        assertThat(cardIds(leads.pipelineCards(q, second.id(), 0, 10))).containsExactly(qualified);
        assertThat(leads.pipelineCards(q, first.id(), 0, 10)).filteredOn(c -> c.id() == low).singleElement()
                .satisfies(c -> {
                    assertThat(c.salespersonName()).isEqualTo(displayName(DemoUsers.SALES));
                    assertThat(c.tags()).extracting(TagSummary::id).containsExactly(tag);
                    assertThat(c.expectedRevenue()).isEqualByComparingTo("100.50");
                });

        // the board's filters
        assertThat(cardIds(leads.pipelineCards(q.withTags(Set.of(tag)), first.id(), 0, 10))).containsExactly(low);
        assertThat(cardIds(leads.pipelineCards(q.withSalesperson(sales), first.id(), 0, 10))).containsExactly(low);
        assertThat(leads.pipelineColumns(q.withTags(Set.of(tag)))).filteredOn(c -> c.stage().id() == first.id())
                .singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(leads.pipelineColumns(q.withTeam(otherTeam()))).allSatisfy(c -> assertThat(c.count()).isZero());
        // the board shows the pipeline: lost records stay out whatever status the grid had selected
        assertThat(cardIds(leads.pipelineCards(q.withStatus(LeadStatus.LOST), first.id(), 0, 10)))
                .containsExactly(high, low);
    }

    @Test
    void findCardShowsAnActiveCardAndNothingForAClosedOne() {
        String w = unique();
        long team = salesTeam();
        long id = create(w, team, d -> d.setPartnerName("Acme")).id();

        assertThat(leads.findCard(id)).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo(w);
            assertThat(c.partnerName()).isEqualTo("Acme");
            assertThat(c.salespersonName()).isEqualTo(displayName(DemoUsers.MANAGER));
        });
        leads.archive(id);
        assertThat(leads.findCard(id)).isEmpty();
    }

    @Test
    void quickCreatedCardLandsInItsColumnWithDefaults() {
        String w = unique();
        StageSummary second = secondStage();
        long team = salesTeam();

        LeadCard card = leads.quickCreate(new QuickLead(second.id(), w, "Acme", new BigDecimal("1200"), team));

        assertThat(card.stageId()).isEqualTo(second.id());
        assertThat(card.salespersonId()).isEqualTo(userId(DemoUsers.MANAGER));
        assertThat(cardIds(leads.pipelineCards(LeadQuery.all().withText(w), second.id(), 0, 10)))
                .containsExactly(card.id());
        LeadDetails details = leads.get(card.id());
        assertThat(details.draft().getTeamId()).isEqualTo(team);
        assertThat(details.draft().getExpectedRevenue()).isEqualByComparingTo("1200");
        assertThat(details.draft().getType()).isEqualTo(LeadType.LEAD);
    }

    @Test
    void newLeadGoesToTheCreatorsTeamAndIsAssignedToThem() {
        String w = unique();
        LeadDraft byManager = draftWithoutTeam(w + " manager");
        byManager.setStageId(firstStage().id());
        LeadDraft bySales = draftWithoutTeam(w + " sales");
        bySales.setStageId(firstStage().id());

        LeadDetails managers = leads.create(byManager);
        LeadDetails sales = as(DemoUsers.SALES, () -> leads.create(bySales));

        assertThat(managers.draft().getSalespersonId()).isEqualTo(userId(DemoUsers.MANAGER));
        assertThat(sales.draft().getTeamId()).isIn(new HashSet<>(teamService.teamIdsOf(userId(DemoUsers.SALES))));
        assertThat(sales.draft().getSalespersonId()).isEqualTo(userId(DemoUsers.SALES));
        assertThat(sales.createdByName()).isEqualTo(displayName(DemoUsers.SALES));
        assertThat(leads.timeline(sales.id(), 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("lead.event.created");
            assertThat(e.args()).containsExactly(firstStage().name());
            assertThat(e.authorName()).isEqualTo(displayName(DemoUsers.SALES));
        });
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w), FIRST_100)))
                .containsExactlyInAnyOrder(managers.id(), sales.id());
    }

    /**
     * The form and mining may leave the stage out: a new lead then starts in the first open stage
     * (DESIGN 5.6 "stage = first stage"), as {@code LeadService.create} intends, rather than failing.
     */
    @Test
    void newLeadWithoutAStageGoesToTheFirstOpenStage() {
        String w = unique();
        LeadDraft d = draftWithoutTeam(w);
        d.setTeamId(salesTeam());

        LeadDetails created = leads.create(d);

        assertThat(created.draft().getStageId()).isEqualTo(firstStage().id());
        assertThat(cardIds(leads.pipelineCards(LeadQuery.all().withText(w), firstStage().id(), 0, 10)))
                .containsExactly(created.id());
    }

    private static LeadDraft draftWithoutTeam(String name) {
        LeadDraft d = new LeadDraft();
        d.setName(name);
        return d;
    }
}
