package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** A lead's way through the pipeline: stage moves, won, lost, archived, restored, converted, and bulk actions. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadLifecycleTest extends LeadServiceTestBase {

    private long countIn(String word, StageSummary stage) {
        return leads.pipelineColumns(LeadQuery.all().withText(word)).stream()
                .filter(c -> c.stage().id() == stage.id()).findFirst().orElseThrow().count();
    }

    private BigDecimal revenueIn(String word, StageSummary stage) {
        return leads.pipelineColumns(LeadQuery.all().withText(word)).stream()
                .filter(c -> c.stage().id() == stage.id()).findFirst().orElseThrow().expectedRevenue();
    }

    // ---------------------------------------------------------------- stage moves

    @Test
    void movingACardRecordsFromToAndWhoInTheTimeline() {
        String w = unique();
        StageSummary first = firstStage();
        StageSummary second = secondStage();
        long id = create(w, salesTeam(), d -> d.setExpectedRevenue(new BigDecimal("500"))).id();
        assertThat(countIn(w, first)).isEqualTo(1);

        leads.moveToStage(id, second.id());

        ChatterItem newest = leads.timeline(id, 0, 10).getFirst();
        assertThat(newest.kind()).isEqualTo(ChatterKind.EVENT);
        assertThat(newest.text()).isEqualTo("lead.event.stageChanged");
        assertThat(newest.args()).containsExactly(first.name(), second.name(), displayName(DemoUsers.MANAGER));
        assertThat(newest.authorId()).isEqualTo(userId(DemoUsers.MANAGER));
        assertThat(newest.authorName()).isEqualTo(displayName(DemoUsers.MANAGER));
        assertThat(leads.get(id).draft().getStageId()).isEqualTo(second.id());
        assertThat(countIn(w, first)).isZero();
        assertThat(countIn(w, second)).isEqualTo(1);
        assertThat(revenueIn(w, second)).isEqualByComparingTo("500");
        assertThat(leads.pipelineColumn(LeadQuery.all().withText(w), second.id()).count()).isEqualTo(1);
    }

    @Test
    void aColumnsCardsAndFiguresCanLeaveOutThePinnedCardsKeepingTheOrder() {
        String w = unique();
        StageSummary first = firstStage();
        long a = create(w, salesTeam(), d -> d.setExpectedRevenue(new BigDecimal("100"))).id();
        long b = create(w, salesTeam(), d -> d.setExpectedRevenue(new BigDecimal("20"))).id();
        long c = create(w, salesTeam(), d -> d.setExpectedRevenue(new BigDecimal("3"))).id();
        LeadQuery q = LeadQuery.all().withText(w);

        // newest first at equal priority; b is shown apart (pinned), so pages and figures leave it out
        assertThat(leads.pipelineCards(q, first.id(), 0, 10)).extracting(LeadCard::id).containsExactly(c, b, a);
        assertThat(leads.pipelineCards(q, first.id(), 0, 10, List.of(b))).extracting(LeadCard::id)
                .containsExactly(c, a);
        assertThat(leads.pipelineCards(q, first.id(), 1, 10, List.of(b))).extracting(LeadCard::id).containsExactly(a);
        assertThat(leads.pipelineCards(q, first.id(), 0, 10, List.of())).extracting(LeadCard::id)
                .containsExactly(c, b, a);
        PipelineColumn without = leads.pipelineColumn(q, first.id(), List.of(b, Long.MAX_VALUE));
        assertThat(without.count()).isEqualTo(2);
        assertThat(without.expectedRevenue()).isEqualByComparingTo("103");
        assertThat(leads.pipelineColumn(q, first.id(), List.of()).count()).isEqualTo(3);
    }

    @Test
    void droppingACardInItsOwnColumnChangesNothing() {
        long id = create(unique(), salesTeam()).id();
        long version = versionOf(id);

        leads.moveToStage(id, firstStage().id());

        assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.created");
        assertThat(versionOf(id)).isEqualTo(version);
    }

    @Test
    void movingToAStageThatDoesNotExistIsRefused() {
        long id = create(unique(), salesTeam()).id();

        assertRefused(() -> leads.moveToStage(id, Long.MAX_VALUE), "lead.error.stageNotFound");
        assertThat(leads.get(id).draft().getStageId()).isEqualTo(firstStage().id());
    }

    @Test
    void movingIntoTheWonStageWinsTheDealAndMovingOutReopensIt() {
        String w = unique();
        StageSummary won = wonStage();
        long id = create(w, salesTeam(), d -> d.setProbability(new BigDecimal("20"))).id();
        Instant before = Instant.now();

        leads.moveToStage(id, won.id());

        LeadDetails winner = leads.get(id);
        assertThat(winner.won()).isTrue();
        assertThat(winner.wonAt()).isNotNull().isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(winner.draft().getProbability()).isEqualByComparingTo("100");
        assertThat(countIn(w, won)).isEqualTo(1);

        leads.moveToStage(id, firstStage().id());

        LeadDetails reopened = leads.get(id);
        assertThat(reopened.won()).isFalse();
        assertThat(reopened.wonAt()).isNull();
        assertThat(countIn(w, won)).isZero();
    }

    @Test
    void markWonMovesToTheWonStageAndMakesAnOpportunity() {
        String w = unique();
        long id = create(w, salesTeam()).id();

        leads.markWon(id);

        LeadDetails d = leads.get(id);
        assertThat(d.draft().getStageId()).isEqualTo(wonStage().id());
        assertThat(d.draft().getType()).isEqualTo(LeadType.OPPORTUNITY);
        assertThat(d.won()).isTrue();
        assertThat(d.wonAt()).isNotNull();
        assertThat(d.draft().getProbability()).isEqualByComparingTo("100");
        List<ChatterItem> timeline = leads.timeline(id, 0, 10);
        assertThat(eventKeys(timeline)).containsExactly("lead.event.won", "lead.event.stageChanged",
                "lead.event.created");
        assertThat(timeline.get(1).args()).containsExactly(firstStage().name(), wonStage().name(),
                displayName(DemoUsers.MANAGER));
    }

    /**
     * A card typed into the Won column (quick create) or a lead saved in the won stage is a won deal,
     * like one dragged there: it has a won date, for reports of what was won when, and probability 100 %.
     * markWon promises the same ("won date set"), also for a lead already in the won stage.
     */
    @Test
    void leadCreatedInTheWonStageCarriesItsWonDate() {
        String w = unique();
        StageSummary won = wonStage();
        LeadCard card = leads.quickCreate(new QuickLead(won.id(), w, null, new BigDecimal("900"), salesTeam()));

        LeadDetails created = leads.get(card.id());
        assertThat(created.won()).isTrue();
        assertThat(created.wonAt()).as("won date of a lead created in the won stage").isNotNull();
        assertThat(created.draft().getProbability()).isEqualByComparingTo("100");

        leads.markWon(card.id());
        assertThat(leads.get(card.id()).wonAt()).as("won date after markWon").isNotNull();
    }

    @Test
    void closedRecordCannotBeMovedOrWon() {
        long id = create(unique(), salesTeam()).id();
        leads.archive(id);

        assertRefused(() -> leads.moveToStage(id, secondStage().id()), "lead.error.inactive");
        assertRefused(() -> leads.markWon(id), "lead.error.inactive");
        assertThat(leads.get(id).draft().getStageId()).isEqualTo(firstStage().id());
    }

    // ---------------------------------------------------------------- lost, archived, restored, converted

    @Test
    void markLostNeedsAReasonAndTakesTheLeadOutOfThePipeline() {
        String w = unique();
        StageSummary second = secondStage();
        long id = create(w, salesTeam(), d -> {
            d.setStageId(second.id());
            d.setProbability(new BigDecimal("40"));
        }).id();

        assertRefused(() -> leads.markLost(id, "  "), "lead.error.lostReasonRequired");
        assertRefused(() -> leads.markLost(id, null), "lead.error.lostReasonRequired");
        assertRefused(() -> leads.markLost(id, "x".repeat(256)), "lead.error.tooLong");
        assertThat(leads.get(id).active()).isTrue();

        leads.markLost(id, "  Too expensive ");

        LeadDetails lost = leads.get(id);
        assertThat(lost.status()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.lostReason()).isEqualTo("Too expensive");
        assertThat(lost.lostAt()).isNotNull();
        assertThat(lost.draft().getProbability()).isEqualByComparingTo("0");
        assertThat(leads.timeline(id, 0, 1)).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("lead.event.lost");
            assertThat(e.args()).containsExactly("Too expensive");
        });
        assertThat(countIn(w, second)).isZero();
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w).withStatus(LeadStatus.LOST),
                PageRequest.of(0, 10)))).containsExactly(id);
    }

    @Test
    void restoreBringsALostLeadBackToTheStageItWasIn() {
        String w = unique();
        StageSummary second = secondStage();
        long id = create(w, salesTeam(), d -> d.setStageId(second.id())).id();
        leads.markLost(id, "No budget");

        leads.restore(id);

        LeadDetails back = leads.get(id);
        assertThat(back.status()).isEqualTo(LeadStatus.ACTIVE);
        assertThat(back.lostReason()).isNull();
        assertThat(back.lostAt()).isNull();
        assertThat(back.draft().getStageId()).isEqualTo(second.id());
        assertThat(countIn(w, second)).isEqualTo(1);
        assertThat(leads.timeline(id, 0, 1)).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("lead.event.restored"));
    }

    @Test
    void archiveHidesTheLeadAndRestoreShowsItAgain() {
        String w = unique();
        long id = create(w, salesTeam()).id();

        leads.archive(id);

        assertThat(leads.get(id).status()).isEqualTo(LeadStatus.ARCHIVED);
        assertThat(leads.findLeads(LeadQuery.all().withText(w), PageRequest.of(0, 10))).isEmpty();
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(w).withStatus(LeadStatus.ARCHIVED),
                PageRequest.of(0, 10)))).containsExactly(id);
        assertThat(countIn(w, firstStage())).isZero();

        leads.restore(id);

        assertThat(leads.get(id).status()).isEqualTo(LeadStatus.ACTIVE);
        assertThat(countIn(w, firstStage())).isEqualTo(1);
        assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.restored",
                "lead.event.archived", "lead.event.created");
    }

    @Test
    void convertingToAnOpportunityHappensOnce() {
        long id = create(unique(), salesTeam()).id();

        leads.convertToOpportunity(id);
        leads.convertToOpportunity(id);

        assertThat(leads.get(id).draft().getType()).isEqualTo(LeadType.OPPORTUNITY);
        assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.converted",
                "lead.event.created");
    }

    @Test
    void savingTheFormRecordsWhatChanged() {
        long team = salesTeam();
        long other = otherTeam();
        LeadDetails lead = create(unique(), team);
        LeadDraft d = lead.draft();
        d.setStageId(secondStage().id());
        d.setSalespersonId(userId(DemoUsers.ADMIN));
        d.setTeamId(other);
        d.setType(LeadType.OPPORTUNITY);

        leads.update(lead.id(), d);

        List<ChatterItem> timeline = leads.timeline(lead.id(), 0, 10);
        assertThat(eventKeys(timeline)).containsExactlyInAnyOrder("lead.event.stageChanged",
                "lead.event.assigned", "lead.event.teamChanged", "lead.event.converted", "lead.event.created");
        assertThat(timeline).filteredOn(e -> e.text().equals("lead.event.assigned")).singleElement()
                .satisfies(e -> assertThat(e.args()).containsExactly(displayName(DemoUsers.ADMIN)));
        assertThat(timeline.getLast().text()).isEqualTo("lead.event.created");
    }

    @Test
    void priorityStarsAreZeroToThree() {
        long id = create(unique(), salesTeam()).id();

        leads.setPriority(id, 3);
        assertRefused(() -> leads.setPriority(id, 4), "lead.error.priority");
        assertRefused(() -> leads.setPriority(id, -1), "lead.error.priority");

        assertThat(leads.get(id).draft().getPriority()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- bulk actions

    /** Three selected leads and one that is not selected, all with the word. */
    private record Selection(String word, List<Long> selected, long bystander) {
    }

    private Selection selection() {
        String w = unique();
        long team = salesTeam();
        List<Long> selected = new ArrayList<>(IntStream.range(0, 3).mapToObj(i -> create(w + " " + i, team).id())
                .toList());
        long bystander = create(w + " not selected", team).id();
        return new Selection(w, selected, bystander);
    }

    private void assertUntouched(long id, long version) {
        assertThat(versionOf(id)).isEqualTo(version);
        assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.created");
    }

    @Test
    void bulkAssignSalespersonChangesTheSelectedRecordsOnly() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());
        long sales = userId(DemoUsers.SALES);

        assertThat(leads.bulk(s.selected(), new BulkAction.AssignSalesperson(sales))).isEqualTo(3);

        for (long id : s.selected()) {
            assertThat(leads.get(id).draft().getSalespersonId()).isEqualTo(sales);
            assertThat(leads.timeline(id, 0, 1)).singleElement().satisfies(e -> {
                assertThat(e.text()).isEqualTo("lead.event.assigned");
                assertThat(e.args()).containsExactly(displayName(DemoUsers.SALES));
            });
        }
        assertThat(leads.get(s.bystander()).draft().getSalespersonId()).isEqualTo(userId(DemoUsers.MANAGER));
        assertUntouched(s.bystander(), bystanderVersion);
        // a second time, nothing is left to change
        assertThat(leads.bulk(s.selected(), new BulkAction.AssignSalesperson(sales))).isZero();
        assertRefused(() -> leads.bulk(s.selected(), new BulkAction.AssignSalesperson(Long.MAX_VALUE)),
                "lead.error.salespersonNotFound");
    }

    @Test
    void bulkAssignTeamChangesTheSelectedRecordsOnly() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());
        long other = otherTeam();
        String otherName = teamService.findById(other).orElseThrow().name();

        assertThat(leads.bulk(s.selected(), new BulkAction.AssignTeam(other))).isEqualTo(3);

        assertThat(ids(leads.findLeads(LeadQuery.all().withText(s.word()).withTeam(other), PageRequest.of(0, 10))))
                .containsExactlyInAnyOrderElementsOf(s.selected());
        for (long id : s.selected()) {
            assertThat(leads.timeline(id, 0, 1)).singleElement().satisfies(e -> {
                assertThat(e.text()).isEqualTo("lead.event.teamChanged");
                assertThat(e.args()).containsExactly(otherName);
            });
        }
        assertUntouched(s.bystander(), bystanderVersion);
        assertRefused(() -> leads.bulk(s.selected(), new BulkAction.AssignTeam(Long.MAX_VALUE)),
                "lead.error.teamNotFound");
    }

    @Test
    void bulkAddAndRemoveTagChangeTheSelectedRecordsOnly() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());
        TagSummary tag = tagList().getFirst();
        LeadQuery tagged = LeadQuery.all().withText(s.word()).withTags(Set.of(tag.id()));

        assertThat(leads.bulk(s.selected(), new BulkAction.AddTag(tag.id()))).isEqualTo(3);
        assertThat(leads.bulk(s.selected(), new BulkAction.AddTag(tag.id()))).isZero();

        assertThat(ids(leads.findLeads(tagged, PageRequest.of(0, 10))))
                .containsExactlyInAnyOrderElementsOf(s.selected());
        assertThat(leads.get(s.selected().getFirst()).draft().getTagIds()).containsExactly(tag.id());
        assertUntouched(s.bystander(), bystanderVersion);

        assertThat(leads.bulk(s.selected().subList(0, 2), new BulkAction.RemoveTag(tag.id()))).isEqualTo(2);

        assertThat(ids(leads.findLeads(tagged, PageRequest.of(0, 10)))).containsExactly(s.selected().get(2));
        assertRefused(() -> leads.bulk(s.selected(), new BulkAction.AddTag(Long.MAX_VALUE)),
                "lead.error.tagNotFound");
    }

    @Test
    void bulkConvertTurnsTheSelectedLeadsIntoOpportunities() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());
        leads.convertToOpportunity(s.selected().getFirst());

        assertThat(leads.bulk(s.selected(), new BulkAction.ConvertToOpportunity())).isEqualTo(2);

        assertThat(ids(leads.findLeads(LeadQuery.all().withText(s.word()).withType(LeadType.OPPORTUNITY),
                PageRequest.of(0, 10)))).containsExactlyInAnyOrderElementsOf(s.selected());
        for (long id : s.selected()) {
            assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.converted",
                    "lead.event.created");
        }
        assertUntouched(s.bystander(), bystanderVersion);
    }

    @Test
    void bulkMarkLostNeedsAReasonAndClosesTheSelectedRecords() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());

        assertRefused(() -> leads.bulk(s.selected(), new BulkAction.MarkLost(" ")), "lead.error.lostReasonRequired");
        assertRefused(() -> leads.bulk(s.selected(), new BulkAction.MarkLost(null)), "lead.error.lostReasonRequired");
        assertThat(leads.findLeads(LeadQuery.all().withText(s.word()), PageRequest.of(0, 10))).hasSize(4);

        assertThat(leads.bulk(s.selected(), new BulkAction.MarkLost("Went quiet"))).isEqualTo(3);

        for (long id : s.selected()) {
            LeadDetails d = leads.get(id);
            assertThat(d.status()).isEqualTo(LeadStatus.LOST);
            assertThat(d.lostReason()).isEqualTo("Went quiet");
            assertThat(leads.timeline(id, 0, 1)).singleElement().satisfies(e -> {
                assertThat(e.text()).isEqualTo("lead.event.lost");
                assertThat(e.args()).containsExactly("Went quiet");
            });
        }
        assertThat(ids(leads.findLeads(LeadQuery.all().withText(s.word()), PageRequest.of(0, 10))))
                .containsExactly(s.bystander());
        assertUntouched(s.bystander(), bystanderVersion);
    }

    @Test
    void bulkArchiveClosesTheSelectedRecordsAndCountsOnlyThoseItChanged() {
        Selection s = selection();
        long bystanderVersion = versionOf(s.bystander());
        leads.archive(s.selected().getFirst());

        assertThat(leads.bulk(s.selected(), new BulkAction.Archive())).isEqualTo(2);

        assertThat(ids(leads.findLeads(LeadQuery.all().withText(s.word()).withStatus(LeadStatus.ARCHIVED),
                PageRequest.of(0, 10)))).containsExactlyInAnyOrderElementsOf(s.selected());
        assertThat(leads.pipelineColumns(LeadQuery.all().withText(s.word())).stream()
                .mapToLong(PipelineColumn::count).sum()).isEqualTo(1);
        assertUntouched(s.bystander(), bystanderVersion);
    }

    @Test
    void bulkCountsEachRecordOnceAndAcceptsAnEmptySelection() {
        Selection s = selection();
        List<Long> twice = new ArrayList<>(s.selected());
        twice.addAll(s.selected());

        assertThat(leads.bulk(twice, new BulkAction.Archive())).isEqualTo(3);
        assertThat(leads.bulk(List.of(), new BulkAction.Archive())).isZero();
    }

    @Test
    void bulkActionWithAnUnknownIdChangesNothing() {
        Selection s = selection();
        List<Long> withUnknown = new ArrayList<>(s.selected());
        withUnknown.add(Long.MAX_VALUE);
        List<Long> versions = s.selected().stream().map(this::versionOf).toList();

        assertRefused(() -> leads.bulk(withUnknown, new BulkAction.MarkLost("Gone")), "lead.error.bulkNotFound");

        assertThat(s.selected().stream().map(this::versionOf).toList()).isEqualTo(versions);
        assertThat(leads.findLeads(LeadQuery.all().withText(s.word()), PageRequest.of(0, 10))).hasSize(4);
        for (long id : s.selected()) {
            assertThat(eventKeys(leads.timeline(id, 0, 10))).containsExactly("lead.event.created");
        }
    }

    @Test
    void bulkOfMoreThanTheLimitIsRefused() {
        List<Long> tooMany = IntStream.rangeClosed(1, LeadService.MAX_BULK + 1).mapToObj(i -> (long) i).toList();

        assertRefused(() -> leads.bulk(tooMany, new BulkAction.Archive()), "lead.error.bulkTooMany");
    }
}
