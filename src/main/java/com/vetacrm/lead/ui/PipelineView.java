package com.vetacrm.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.PipelineColumn;
import com.vetacrm.lead.QuickLead;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The pipeline: one column per stage in stage order, won stage last (stages are ordered so by the
 * administrator), each loading the cards the browser shows as it scrolls. Dragging a card to another
 * column changes its stage; only the two columns involved are recounted. The filters live in the URL,
 * so a link reproduces the board. The landing page after sign-in.
 */
@Route("pipeline")
@RouteAlias("")
@PermitAll
@Menu(title = "nav.pipeline", order = 10, icon = "vaadin:grid-big")
public class PipelineView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver,
        StageColumnView.Board {

    private final transient LeadService leads;
    private final LeadFilterBar filters;
    private final Div board = new Div();
    private final List<StageColumnView> columns = new ArrayList<>();
    private LeadQuery query = LeadQuery.all();

    PipelineView(LeadService leads, TeamService teams, UserService users, TagService tags, StageService stages,
            ObjectProvider<LeadViewAction> actions) {
        this.leads = leads;
        setId("pipeline-view");
        setSizeFull();
        addClassName("pipeline-view");

        Button quickCreate = new Button(getTranslation("pipeline.quickCreate"), VaadinIcon.PLUS.create(),
                e -> columns.stream().filter(c -> !c.stage().won()).findFirst().ifPresent(StageColumnView::openQuickCreate));
        quickCreate.setId("quick-create");
        quickCreate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div toolbar = new Div(new H2(getTranslation("pipeline.title")), quickCreate);
        toolbar.addClassName("view-toolbar");
        actions.orderedStream().sorted(Comparator.comparingInt(LeadViewAction::order))
                .forEach(a -> a.create().ifPresent(toolbar::add));

        filters = new LeadFilterBar(false, teams, users, tags, stages, this::filtersChanged);
        board.setId("pipeline-board");
        board.addClassName("pipeline-board");
        // one click listener for every column's header buttons: each listener costs server memory for as long as
        // the board is open (≈ 2 KB), and the page filters out every click that is not on a header action
        board.getElement().addEventListener("click", e -> {
                    String action = e.getEventData().path(StageColumnView.CLICKED_ACTION).asString("");
                    String stage = e.getEventData().path(StageColumnView.CLICKED_STAGE).asString("");
                    columns.stream().filter(c -> String.valueOf(c.stage().id()).equals(stage)).findFirst()
                            .ifPresent(c -> c.clicked(action));
                })
                .addEventData(StageColumnView.CLICKED_ACTION)
                .addEventData(StageColumnView.CLICKED_STAGE)
                .setFilter(StageColumnView.CLICK_FILTER);
        add(toolbar, filters, board);
        setFlexGrow(1, board);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = LeadFilterState.fromParameters(event.getLocation().getQueryParameters());
        filters.show(query);
        query = filters.query();
        reload();
    }

    private void filtersChanged(LeadQuery changed) {
        query = changed;
        // the address bar follows the filters without a new history entry per keystroke
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("pipeline", LeadFilterState.toParameters(query)));
        reload();
    }

    private void reload() {
        board.removeAll();
        columns.clear();
        for (PipelineColumn column : leads.pipelineColumns(query)) {
            StageColumnView view = new StageColumnView(column, this);
            columns.add(view);
            board.add(view);
        }
    }

    @Override
    public List<LeadCard> cards(long stageId, int offset, int limit, Collection<Long> excluding) {
        return leads.pipelineCards(query, stageId, offset, limit, excluding);
    }

    @Override
    public Optional<LeadCard> card(long leadId) {
        return leads.findCard(leadId);
    }

    @Override
    public PipelineColumn column(long stageId, Collection<Long> excluding) {
        return leads.pipelineColumn(query, stageId, excluding);
    }

    /**
     * A card dropped on {@code target}. The id comes from the page, so it is checked as any other input: a
     * number, of a lead the user may see ({@link LeadService#findCard}); anything else is ignored. The card
     * goes on top of the target column, and both columns are recounted and redrawn.
     */
    @Override
    public void dropped(String leadId, StageColumnView target) {
        long id;
        try {
            id = Long.parseLong(leadId.strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<LeadCard> card = leads.findCard(id);
        if (card.isEmpty()) {
            return;
        }
        long from = card.get().stageId();
        long to = target.stage().id();
        if (from == to) {
            return;
        }
        leads.moveToStage(id, to);
        column(from).ifPresent(c -> c.unpin(id));
        leads.findCard(id).ifPresent(target::pin);
        column(from).ifPresent(StageColumnView::refresh);
        target.refresh();
    }

    @Override
    public LeadCard quickCreate(long stageId, String name, String company, BigDecimal revenue) {
        return leads.quickCreate(new QuickLead(stageId, name, company, revenue, filters.teamFilter()));
    }

    @Override
    public void setPriority(long leadId, int priority) {
        leads.setPriority(leadId, priority);
    }

    @Override
    public void quickCreateOpening(StageColumnView column) {
        columns.stream().filter(c -> c != column).forEach(StageColumnView::closeQuickCreate);
    }

    private Optional<StageColumnView> column(long stageId) {
        return columns.stream().filter(c -> c.stage().id() == stageId).findFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pipeline.title") + " · " + getTranslation("app.name");
    }
}
