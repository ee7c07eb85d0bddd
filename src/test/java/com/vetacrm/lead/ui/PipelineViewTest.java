package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.component.virtuallist.VirtualListTester;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.testsupport.DemoUsers;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DESIGN C1: the kanban board, its filters, quick-create, drag and drop and priority stars. The cards are data
 * in each column's virtual list, drawn by a Lit template in the browser: the tests read the list's items and
 * the template's properties, and call the template's functions and the column's drop listener as the page does.
 */
@WithUserDetails(DemoUsers.MANAGER)
class PipelineViewTest extends LeadUiTestBase {

    /** Opens the board as a link with {@code ?q=word} would. */
    private PipelineView open(String word) {
        UI.getCurrent().navigate("pipeline", QueryParameters.of("q", word));
        assertThat(getCurrentView()).isInstanceOf(PipelineView.class);
        return (PipelineView) getCurrentView();
    }

    private List<StageColumnView> columns() {
        return $(StageColumnView.class).all();
    }

    private StageColumnView column(StageSummary stage) {
        return $(StageColumnView.class).withAttribute("data-stage-id", String.valueOf(stage.id())).single();
    }

    private static long count(StageColumnView column) {
        return Long.parseLong(column.getElement().getAttribute("data-count"));
    }

    private long totalCount() {
        return columns().stream().mapToLong(PipelineViewTest::count).sum();
    }

    private VirtualListTester<VirtualList<Long>, Long> list(StageColumnView column) {
        return test(column.cards().orElseThrow());
    }

    /** The lead ids of a column's cards as its list serves them, top first. */
    private List<Long> cardIds(StageColumnView column) {
        if (column.cards().isEmpty() || !column.cards().get().isVisible()) {
            return List.of();
        }
        VirtualListTester<VirtualList<Long>, Long> list = list(column);
        return IntStream.range(0, list.size()).mapToObj(list::getItem).toList();
    }

    /** The names the template draws on a column's cards, top first. */
    private List<String> cardNames(StageColumnView column) {
        VirtualListTester<VirtualList<Long>, Long> list = list(column);
        return IntStream.range(0, list.size())
                .mapToObj(i -> list.getLitRendererPropertyValue(i, "name", String.class)).toList();
    }

    /** The ids of the cards on the board, in board order. */
    private List<Long> cardIds() {
        return columns().stream().flatMap(c -> cardIds(c).stream()).toList();
    }

    /** What the page sends when a card is dropped on {@code target}: the drag data, and the filter passed. */
    private static void drop(String dragData, StageColumnView target) {
        ObjectNode eventData = JacksonUtils.createObjectNode();
        eventData.put(StageColumnView.DROPPED_ID, dragData);
        eventData.put(StageColumnView.DROP_FILTER, true);
        new ComponentTester<StageColumnView>(target) {
            void drop() {
                fireDomEvent("drop", eventData);
            }
        }.drop();
    }

    /**
     * What the page sends when a header action of {@code column} is clicked (quick-create or fold button, or a
     * folded strip): the board's one click listener gets the action and the column's stage id.
     */
    private void clickHeader(StageColumnView column, String action) {
        ObjectNode eventData = JacksonUtils.createObjectNode();
        eventData.put(StageColumnView.CLICKED_ACTION, action);
        eventData.put(StageColumnView.CLICKED_STAGE, String.valueOf(column.stage().id()));
        eventData.put(StageColumnView.CLICK_FILTER, true);
        new ComponentTester<com.vaadin.flow.component.html.Div>(
                $(com.vaadin.flow.component.html.Div.class).id("pipeline-board")) {
            void fireClick() {
                fireDomEvent("click", eventData);
            }
        }.fireClick();
    }

    private static void drop(long leadId, StageColumnView target) {
        drop(String.valueOf(leadId), target);
    }

    /** A click on star {@code level} of the card at {@code index}, as the card's template calls the server. */
    private void clickStar(StageColumnView column, int index, int level) {
        ArrayNode args = JacksonUtils.createArrayNode();
        args.add(level);
        list(column).invokeLitRendererFunction(index, "star", args);
    }

    private void search(String text) {
        test($(TextField.class).id("filter-search")).setValue(text);
    }

    @Test
    void boardShowsOneColumnPerStageInStageOrder() {
        navigate(PipelineView.class);

        assertThat(columns()).extracting(c -> c.getElement().getAttribute("data-stage"))
                .containsExactlyElementsOf(stages().stream().map(StageSummary::name).toList());
        assertThat(columns()).allSatisfy(c -> assertThat(c.getElement().getAttribute("data-count")).matches("\\d+"));
        assertThat($(com.vaadin.flow.component.html.Div.class).id("pipeline-board")).isNotNull();
    }

    @Test
    void createdLeadAppearsAsACardInItsStageColumnWithItsIdAndCount() {
        String w = unique();
        StageSummary second = openStages().get(1);
        long id = create(w + " Deal", d -> {
            d.setStageId(second.id());
            d.setPartnerName("Acme " + w);
            d.setExpectedRevenue(money("1234"));
        }).id();

        open(w);

        StageColumnView column = column(second);
        assertThat(cardIds(column)).containsExactly(id);
        assertThat(cardIds()).containsExactly(id);
        assertThat(count(column)).isEqualTo(1);
        assertThat(totalCount()).isEqualTo(1);
        // what the card's template draws: id (link and data-lead-id), name, company, revenue
        VirtualListTester<VirtualList<Long>, Long> list = list(column);
        assertThat(list.getLitRendererPropertyValue(0, "id", Long.class)).isEqualTo(id);
        assertThat(list.getLitRendererPropertyValue(0, "name", String.class)).isEqualTo(w + " Deal");
        assertThat(list.getLitRendererPropertyValue(0, "company", String.class)).isEqualTo("Acme " + w);
        assertThat(list.getLitRendererPropertyValue(0, "revenue", String.class)).isEqualTo("1,234");
    }

    @Test
    void cardCarriesTypeBadgeTagColoursSalespersonAndStarLabels() {
        String w = unique();
        TagSummary tag = tags().getFirst();
        create(w + " tagged", d -> {
            d.setTagIds(Set.of(tag.id()));
            d.setSalespersonId(userId(DemoUsers.SALES));
            d.setPriority(2);
        });
        open(w);

        VirtualListTester<VirtualList<Long>, Long> list = list(column(openStages().getFirst()));
        assertThat(list.getLitRendererPropertyValue(0, "badge", String.class)).isEqualTo("Lead");
        assertThat(list.getLitRendererPropertyValue(0, "salesperson", String.class))
                .isEqualTo(principal(DemoUsers.SALES).displayName());
        assertThat(list.getLitRendererPropertyValue(0, "priority", Integer.class)).isEqualTo(2);
        ArrayNode chips = list.getLitRendererPropertyValue(0, "tags", ArrayNode.class);
        assertThat(chips).hasSize(1);
        assertThat(chips.get(0).get("name").asString()).isEqualTo(tag.name());
        assertThat(chips.get(0).get("color").asString()).isEqualTo(tag.color()).matches("#[0-9a-fA-F]{6}");
        assertThat(chips.get(0).get("text").asString()).matches("#[0-9a-fA-F]{6}");
        assertThat(list.getLitRendererPropertyValue(0, "stars", List.class))
                .containsExactly("Set priority to 1 of 3", "Set priority to 2 of 3", "Set priority to 3 of 3");
    }

    @Test
    void aTagColourThatIsNotRrggbbIsNeverPassedToTheStyle() {
        ArrayNode chips = LeadCardRenderer.tags(List.of(new TagSummary(1, "Evil", "red; background: url(x)"),
                new TagSummary(2, "Fine", "#12a594")));
        assertThat(chips.get(0).get("color").asString()).isEqualTo(LeadCardRenderer.FALLBACK_TAG_COLOR);
        assertThat(chips.get(0).get("name").asString()).isEqualTo("Evil");
        assertThat(chips.get(1).get("color").asString()).isEqualTo("#12a594");
    }

    @Test
    void typingInTheSearchNarrowsTheCardsAndTheColumnCounts() {
        String w = unique();
        long first = openStages().getFirst().id();
        long alpha = create(w + " alpha", d -> d.setStageId(first)).id();
        long beta = create(w + " beta", d -> d.setStageId(first)).id();
        navigate(PipelineView.class);

        search(w);
        assertThat(cardIds()).containsExactlyInAnyOrder(alpha, beta);
        assertThat(totalCount()).isEqualTo(2);

        search(w + " beta");
        assertThat(cardIds()).containsExactly(beta);
        assertThat(totalCount()).isEqualTo(1);
        assertThat(count(column(openStages().getFirst()))).isEqualTo(1);
    }

    @Test
    void tagFilterShowsOnlyCardsCarryingTheTag() {
        String w = unique();
        TagSummary tag = tags().getFirst();
        long tagged = create(w + " tagged", d -> d.setTagIds(Set.of(tag.id()))).id();
        create(w + " plain");
        open(w);
        assertThat(cardIds()).hasSize(2);

        test($(MultiSelectComboBox.class).id("filter-tag")).selectItem(tag.name());

        assertThat(cardIds()).containsExactly(tagged);
        assertThat(totalCount()).isEqualTo(1);
    }

    @Test
    void salespersonFilterShowsOnlyThatPersonsCards() {
        String w = unique();
        long samsLead = create(w + " sam", d -> d.setSalespersonId(userId(DemoUsers.SALES))).id();
        create(w + " marta");
        open(w);

        test($(ComboBox.class).id("filter-salesperson")).selectItem(principal(DemoUsers.SALES).displayName());

        assertThat(cardIds()).containsExactly(samsLead);
        assertThat(totalCount()).isEqualTo(1);
    }

    @Test
    void myPipelineShowsOnlyTheSignedInUsersCards() {
        String w = unique();
        long mine = create(w + " mine").id();  // the creator is the default salesperson
        create(w + " sams", d -> d.setSalespersonId(userId(DemoUsers.SALES)));
        open(w);
        assertThat(cardIds()).hasSize(2);

        test($(Checkbox.class).id("filter-mine")).click();

        assertThat(cardIds()).containsExactly(mine);
        assertThat(totalCount()).isEqualTo(1);
    }

    /**
     * The address the board last put in the browser's address bar (history.replaceState, sent to the
     * browser as a pending script call; the server-side location does not change).
     */
    private static String lastAddressReplacement() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(i -> i.getInvocation())
                .filter(i -> i.getExpression().contains("vaadin-navigate") && i.getExpression().contains("replace: true"))
                .flatMap(i -> i.getParameters().stream())
                .filter(p -> p instanceof String s && s.startsWith("pipeline"))
                .map(String.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the address was not replaced"));
    }

    @Test
    void changedFiltersGoToTheAddressSoALinkReproducesTheBoard() {
        String w = unique();
        TagSummary tag = tags().getFirst();
        navigate(PipelineView.class);

        search(w);
        test($(MultiSelectComboBox.class).id("filter-tag")).selectItem(tag.name());
        test($(Checkbox.class).id("filter-mine")).click();

        String address = lastAddressReplacement();
        assertThat(address).startsWith("pipeline?");
        LeadQuery fromAddress = LeadFilterState.fromParameters(
                QueryParameters.fromString(address.substring(address.indexOf('?') + 1)));
        assertThat(fromAddress.text()).isEqualTo(w);
        assertThat(fromAddress.tagIds()).containsExactly(tag.id());
        assertThat(fromAddress.mine()).isTrue();
    }

    @Test
    void searchInTheAddressPrefillsTheFilterAndShowsOnlyMatchingCards() {
        String w = unique();
        long match = create(w + " match").id();
        create(unique() + " other");

        open(w);

        assertThat($(TextField.class).id("filter-search").getValue()).isEqualTo(w);
        assertThat(cardIds()).containsExactly(match);
        assertThat(totalCount()).isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonsBoardShowsTheirTeamsCardsOnly() {
        String w = unique();
        long foreignTeam = teamWithoutSales();
        long own = as(DemoUsers.MANAGER, () -> create(w + " own")).id();
        as(DemoUsers.MANAGER, () -> create(w + " foreign", d -> d.setTeamId(foreignTeam)));

        navigate(PipelineView.class);  // unfiltered, as after sign-in
        assertThat(columns()).hasSize(stages().size());

        open(w);
        assertThat(cardIds()).containsExactly(own);
        assertThat(totalCount()).isEqualTo(1);
    }

    @Test
    void aLongColumnServesItsCardsLazilyInTheRangeTheBrowserAsksFor() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        int total = 35;
        for (int i = 0; i < total; i++) {
            create(w + " bulk " + i, d -> d.setStageId(first.id()));
        }

        open(w);
        StageColumnView column = column(first);
        VirtualList<Long> list = column.cards().orElseThrow();
        assertThat(count(column)).isEqualTo(total);
        assertThat(list.getDataProvider().isInMemory()).isFalse();
        List<Long> all = cardIds(column);
        assertThat(all).hasSize(total).doesNotHaveDuplicates();

        // the browser asks for what it shows plus a buffer; the server holds that range only
        list.getDataCommunicator().setViewportRange(0, 10);
        roundTrip();
        assertThat(list.getDataCommunicator().isItemActive(all.get(9))).isTrue();
        // the list keeps the ids; the cards' data went to the browser and is not kept
        assertThat(column.cardsHeldForDrawing()).isZero();
        assertThat(list.getDataCommunicator().isItemActive(all.get(total - 1))).isFalse();

        // scrolling down asks for the next range, and the last cards come (the first ones are let go once the
        // browser confirms it has the new range, which a browserless test does not do)
        list.getDataCommunicator().setViewportRange(25, 10);
        roundTrip();
        assertThat(list.getDataCommunicator().isItemActive(all.get(total - 1))).isTrue();
    }

    @Test
    void quickCreateAddsACardOnTopAndCountsIt() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        long existing = create(w + " existing", d -> d.setStageId(first.id())).id();
        open(w);
        StageColumnView column = column(first);
        assertThat(count(column)).isEqualTo(1);

        test($(Button.class).id("quick-create")).click();
        test($(TextField.class).id("quick-create-name")).setValue(w + " quick");
        test($(TextField.class).id("quick-create-company")).setValue("Quick Co");
        decimal($(BigDecimalField.class).id("quick-create-revenue")).setValue(money("2500"));
        test($(Button.class).id("quick-create-add")).click();

        List<LeadRow> created = leads.findLeads(LeadQuery.all().withText(w + " quick"), PageRequest.of(0, 10));
        assertThat(created).singleElement().satisfies(r -> {
            assertThat(r.partnerName()).isEqualTo("Quick Co");
            assertThat(r.expectedRevenue()).isEqualByComparingTo("2500");
            assertThat(r.stageId()).isEqualTo(first.id());
        });
        assertThat(cardIds(column)).containsExactly(created.getFirst().id(), existing);
        assertThat(list(column).getLitRendererPropertyValue(0, "company", String.class)).isEqualTo("Quick Co");
        assertThat(count(column)).isEqualTo(2);
        // the form stays open and empty for the next card
        assertThat($(TextField.class).id("quick-create-name").getValue()).isEmpty();
    }

    @Test
    void quickCreatedCardsStayOnTopOfALongColumnAndEveryCardIsListedOnce() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        for (int i = 0; i < 32; i++) {
            // high priority: in the column's order these come before a new card (priority 0)
            create(w + " existing " + i, d -> {
                d.setStageId(first.id());
                d.setPriority(3);
            });
        }
        open(w);
        StageColumnView column = column(first);

        test($(Button.class).id("quick-create")).click();
        test($(TextField.class).id("quick-create-name")).setValue(w + " quick one");
        test($(Button.class).id("quick-create-add")).click();
        test($(TextField.class).id("quick-create-name")).setValue(w + " quick two");
        test($(Button.class).id("quick-create-add")).click();

        assertThat(cardIds(column)).hasSize(34).doesNotHaveDuplicates();
        assertThat(cardNames(column)).startsWith(w + " quick two", w + " quick one");
        assertThat(count(column)).isEqualTo(34);
        assertThat(column.pinnedCards()).hasSize(2);
    }

    @Test
    void aQuickCreatedCardTheFiltersDoNotMatchIsShownOnTopButNotCounted() {
        String w = unique();
        TagSummary tag = tags().getFirst();
        StageSummary first = openStages().getFirst();
        long tagged = create(w + " tagged", d -> d.setTagIds(Set.of(tag.id()))).id();
        open(w);
        test($(MultiSelectComboBox.class).id("filter-tag")).selectItem(tag.name());
        StageColumnView column = column(first);

        test($(Button.class).id("quick-create")).click();
        test($(TextField.class).id("quick-create-name")).setValue(w + " untagged");
        test($(Button.class).id("quick-create-add")).click();

        // the new card has no tag: the header counts the filter's cards, the list shows the new one too
        assertThat(count(column)).isEqualTo(1);
        assertThat(cardNames(column)).containsExactly(w + " untagged", w + " tagged");
        assertThat(cardIds(column)).endsWith(tagged);
    }

    @Test
    void quickCreateWithoutANameShowsTheFieldErrorAndCreatesNothing() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        create(w + " existing", d -> d.setStageId(first.id()));
        open(w);
        StageColumnView column = column(first);

        test($(Button.class).id("quick-create")).click();
        test($(TextField.class).id("quick-create-company")).setValue(w + " nameless company");
        test($(Button.class).id("quick-create-add")).click();

        TextField name = $(TextField.class).id("quick-create-name");
        assertThat(errorOf(name)).isEqualTo("Enter a name for the lead.");
        assertThat(count(column)).isEqualTo(1);
        assertThat(cardIds(column)).hasSize(1);
        assertThat(leads.findLeads(LeadQuery.all().withText(w), PageRequest.of(0, 10))).hasSize(1);
    }

    @Test
    void droppingACardInAnotherColumnChangesItsStageAndBothHeaders() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        long id = create(w + " moving", d -> {
            d.setStageId(from.id());
            d.setExpectedRevenue(money("700"));
        }).id();
        open(w);
        StageColumnView source = column(from);
        StageColumnView target = column(to);
        assertThat(cardIds(source)).containsExactly(id);

        drop(id, target);

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(to.id());
        assertThat(count(source)).isZero();
        assertThat(count(target)).isEqualTo(1);
        assertThat(cardIds(source)).isEmpty();
        assertThat(cardIds(target)).containsExactly(id);
        assertThat(list(target).getLitRendererPropertyValue(0, "revenue", String.class)).isEqualTo("700");
        assertThat(leads.timeline(id, 0, 10)).extracting(i -> i.text()).contains("lead.event.stageChanged");
    }

    @Test
    void aDroppedCardIsPinnedOnTopOfALongColumnAndListedOnce() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        // the oldest card: in the target column's order (priority, then newest first) it comes last
        long moving = create(w + " moving", d -> d.setStageId(from.id())).id();
        for (int i = 0; i < 31; i++) {
            create(w + " target " + i, d -> d.setStageId(to.id()));
        }
        open(w);
        StageColumnView target = column(to);
        assertThat(cardIds(target)).hasSize(31);

        drop(moving, target);

        assertThat(count(target)).isEqualTo(32);
        assertThat(cardIds(target)).as("cards of the target column after the drop").doesNotHaveDuplicates()
                .hasSize(32).startsWith(moving);
        assertThat(cardIds(column(from))).isEmpty();
    }

    @Test
    void droppingACardBackWhereItCameFromUnpinsItThere() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        long id = create(w + " back and forth", d -> d.setStageId(from.id())).id();
        open(w);

        drop(id, column(to));
        drop(id, column(from));

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(from.id());
        assertThat(cardIds(column(from))).containsExactly(id);
        assertThat(cardIds(column(to))).isEmpty();
        assertThat(column(to).pinnedCards()).isEmpty();
        assertThat(count(column(to))).isZero();
    }

    @Test
    void droppingACardInItsOwnColumnChangesNothing() {
        String w = unique();
        StageSummary from = openStages().getFirst();
        long id = create(w + " staying", d -> d.setStageId(from.id())).id();
        open(w);
        StageColumnView source = column(from);

        drop(id, source);

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(from.id());
        assertThat(cardIds(source)).containsExactly(id);
        assertThat(source.pinnedCards()).isEmpty();
        assertThat(count(source)).isEqualTo(1);
        assertThat(leads.timeline(id, 0, 10)).extracting(i -> i.text()).doesNotContain("lead.event.stageChanged");
    }

    @Test
    void droppedDataThatIsNoVisibleLeadIsIgnored() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        long id = create(w + " stays", d -> d.setStageId(from.id())).id();
        long archived = create(w + " archived", d -> d.setStageId(from.id())).id();
        leads.archive(archived);
        open(w);
        StageColumnView target = column(to);

        for (String garbage : List.of("", " ", "abc", "1e3", "-1", "0", id + "; DROP TABLE crm_lead",
                "99999999999999999999", String.valueOf(Long.MAX_VALUE), String.valueOf(archived),
                "<script>alert(1)</script>")) {
            drop(garbage, target);
        }

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(from.id());
        assertThat(leads.get(archived).draft().getStageId()).isEqualTo(from.id());
        assertThat(cardIds(column(from))).containsExactly(id);
        assertThat(cardIds(target)).isEmpty();
        assertThat(count(target)).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonCannotMoveAnotherTeamsLeadByDroppingItsId() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        long foreignTeam = teamWithoutSales();
        long foreign = as(DemoUsers.MANAGER, () -> create(w + " foreign", d -> {
            d.setStageId(from.id());
            d.setTeamId(foreignTeam);
        })).id();
        open(w);

        drop(foreign, column(to));

        assertThat(as(DemoUsers.MANAGER, () -> leads.get(foreign)).draft().getStageId()).isEqualTo(from.id());
        assertThat(cardIds(column(to))).isEmpty();
    }

    @Test
    void clickingAPriorityStarSetsThePriority() {
        String w = unique();
        long id = create(w + " starred").id();
        open(w);
        StageColumnView column = column(openStages().getFirst());
        assertThat(list(column).getLitRendererPropertyValue(0, "priority", Integer.class)).isZero();

        clickStar(column, 0, 3);
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(3);
        assertThat(list(column).getLitRendererPropertyValue(0, "priority", Integer.class)).isEqualTo(3);

        // clicking the highest lit star turns it off
        clickStar(column, 0, 3);
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(2);
        assertThat(list(column).getLitRendererPropertyValue(0, "priority", Integer.class)).isEqualTo(2);

        clickStar(column, 0, 1);
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(1);

        // only stars 1 to 3 exist: other values from the page are ignored
        clickStar(column, 0, 7);
        clickStar(column, 0, 0);
        clickStar(column, 0, -3);
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(1);
    }

    @Test
    void aFoldedStageHoldsNoCardsUntilItIsOpened() {
        StageSummary folded = stages().stream().filter(StageSummary::fold).findFirst().orElseThrow();
        String w = unique();
        long id = create(w + " on hold", d -> d.setStageId(folded.id())).id();
        open(w);
        StageColumnView column = column(folded);
        assertThat(column.hasClassName("folded")).isTrue();
        assertThat(column.cards()).isEmpty();
        assertThat(count(column)).isEqualTo(1);

        clickHeader(column, StageColumnView.ACTION_FOLD);

        assertThat(column.hasClassName("folded")).isFalse();
        assertThat(cardIds(column)).containsExactly(id);

        clickHeader(column, StageColumnView.ACTION_FOLD);
        assertThat(column.hasClassName("folded")).isTrue();
        assertThat(cardIds(column)).isEmpty();

        // a click anywhere on the folded strip opens it too
        clickHeader(column, StageColumnView.ACTION_UNFOLD);
        assertThat(column.hasClassName("folded")).isFalse();
        assertThat(cardIds(column)).containsExactly(id);
        // on an open column that click does nothing; an unknown action neither
        clickHeader(column, StageColumnView.ACTION_UNFOLD);
        clickHeader(column, "<script>");
        assertThat(column.hasClassName("folded")).isFalse();
    }

    @Test
    void aColumnsQuickCreateButtonOpensTheFormInThatColumnAndClosesTheOthers() {
        String w = unique();
        StageSummary first = openStages().get(0);
        StageSummary second = openStages().get(1);
        open(w);

        clickHeader(column(first), StageColumnView.ACTION_QUICK_CREATE);
        assertThat($(com.vaadin.flow.component.html.Div.class, column(first)).id("quick-create-form")).isNotNull();

        clickHeader(column(second), StageColumnView.ACTION_QUICK_CREATE);
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("quick-create-form").all()).hasSize(1);
        assertThat($(com.vaadin.flow.component.html.Div.class, column(second)).id("quick-create-form")).isNotNull();
        test($(TextField.class).id("quick-create-name")).setValue(w + " second");
        test($(Button.class).id("quick-create-add")).click();

        assertThat(cardNames(column(second))).containsExactly(w + " second");
        assertThat(count(column(second))).isEqualTo(1);
    }
}
