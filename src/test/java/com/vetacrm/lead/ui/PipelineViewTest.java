package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.testsupport.DemoUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** DESIGN C1: the kanban board, its filters, quick-create, drag and drop and priority stars. */
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

    /** The ids of the cards on the board, in board order. */
    private List<Long> cardIds() {
        return $(LeadCardView.class).all().stream()
                .map(c -> Long.parseLong(c.getElement().getAttribute("data-lead-id"))).toList();
    }

    private List<Long> cardIds(StageColumnView column) {
        return $(LeadCardView.class, column).all().stream().map(LeadCardView::leadId).toList();
    }

    /** The column's "load more" button, shown or not (queries see shown components only). */
    private static Button loadMore(StageColumnView column) {
        return column.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.hasClassName("load-more")).findFirst().orElseThrow();
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
        assertThat(count(column)).isEqualTo(1);
        assertThat(totalCount()).isEqualTo(1);
        LeadCardView card = $(LeadCardView.class).single();
        assertThat(card.getElement().getAttribute("data-lead-id")).isEqualTo(String.valueOf(id));
        assertThat(card.getElement().getTextRecursively()).contains(w + " Deal").contains("Acme " + w);
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
    void aColumnWithMoreThanAPageOfCardsLoadsTheNextPageOnDemand() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        int total = StageColumnView.PAGE + 5;
        for (int i = 0; i < total; i++) {
            create(w + " bulk " + i, d -> d.setStageId(first.id()));
        }

        open(w);
        StageColumnView column = column(first);
        assertThat(count(column)).isEqualTo(total);
        assertThat(cardIds(column)).hasSize(StageColumnView.PAGE);
        assertThat(loadMore(column).isVisible()).isTrue();

        test(loadMore(column)).click();

        assertThat(cardIds(column)).hasSize(total).doesNotHaveDuplicates();
        assertThat(loadMore(column).isVisible()).isFalse();
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
        assertThat(count(column)).isEqualTo(2);
        // the form stays open and empty for the next card
        assertThat($(TextField.class).id("quick-create-name").getValue()).isEmpty();
    }

    @Test
    void quickCreateInAFullyLoadedColumnOffersNoLoadMore() {
        String w = unique();
        StageSummary first = openStages().getFirst();
        open(w);
        StageColumnView column = column(first);
        assertThat(loadMore(column).isVisible()).isFalse();

        test($(Button.class).id("quick-create")).click();
        test($(TextField.class).id("quick-create-name")).setValue(w + " quick");
        test($(Button.class).id("quick-create-add")).click();

        assertThat(cardIds(column)).hasSize(1);
        assertThat(count(column)).isEqualTo(1);
        // every card of the column is on screen: nothing more to load
        assertThat(loadMore(column).isVisible()).as("load more after quick-create in a fully loaded column")
                .isFalse();
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
        PipelineView view = open(w);
        StageColumnView source = column(from);
        StageColumnView target = column(to);
        LeadCardView card = source.card(id).orElseThrow();

        view.dropped(card, target);

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(to.id());
        assertThat(count(source)).isZero();
        assertThat(count(target)).isEqualTo(1);
        assertThat(cardIds(source)).isEmpty();
        assertThat(cardIds(target)).containsExactly(id);
        assertThat(card.stageId()).isEqualTo(to.id());
        assertThat(leads.timeline(id, 0, 10)).extracting(i -> i.text()).contains("lead.event.stageChanged");
    }

    @Test
    void loadMoreAfterADropShowsEveryCardOfTheTargetColumnOnce() {
        String w = unique();
        StageSummary from = openStages().get(0);
        StageSummary to = openStages().get(1);
        // the oldest card: in the target column's order (priority, then newest first) it comes last
        long moving = create(w + " moving", d -> d.setStageId(from.id())).id();
        for (int i = 0; i < StageColumnView.PAGE + 1; i++) {
            create(w + " target " + i, d -> d.setStageId(to.id()));
        }
        PipelineView view = open(w);
        StageColumnView target = column(to);
        assertThat(cardIds(target)).hasSize(StageColumnView.PAGE);

        view.dropped(column(from).card(moving).orElseThrow(), target);
        test(loadMore(target)).click();

        assertThat(count(target)).isEqualTo(StageColumnView.PAGE + 2);
        assertThat(cardIds(target)).as("cards of the target column after load more").doesNotHaveDuplicates()
                .hasSize(StageColumnView.PAGE + 2).contains(moving);
        assertThat(loadMore(target).isVisible()).isFalse();
    }

    @Test
    void droppingACardInItsOwnColumnChangesNothing() {
        String w = unique();
        StageSummary from = openStages().getFirst();
        long id = create(w + " staying", d -> d.setStageId(from.id())).id();
        PipelineView view = open(w);
        StageColumnView source = column(from);

        view.dropped(source.card(id).orElseThrow(), source);

        assertThat(leads.get(id).draft().getStageId()).isEqualTo(from.id());
        assertThat(cardIds(source)).containsExactly(id);
        assertThat(count(source)).isEqualTo(1);
        assertThat(leads.timeline(id, 0, 10)).extracting(i -> i.text()).doesNotContain("lead.event.stageChanged");
    }

    @Test
    void clickingAPriorityStarSetsThePriority() {
        String w = unique();
        long id = create(w + " starred").id();
        open(w);
        LeadCardView card = $(LeadCardView.class).single();
        PriorityStars stars = $(PriorityStars.class, card).single();
        List<Button> buttons = $(Button.class, stars).withClassName("priority-star").all();
        assertThat(buttons).hasSize(3);

        test(buttons.get(2)).click();
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(3);
        assertThat(stars.getElement().getAttribute("data-priority")).isEqualTo("3");

        // clicking the highest lit star turns it off
        test(buttons.get(2)).click();
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(2);
        assertThat(stars.getElement().getAttribute("data-priority")).isEqualTo("2");

        test(buttons.get(0)).click();
        assertThat(leads.get(id).draft().getPriority()).isEqualTo(1);
    }
}
