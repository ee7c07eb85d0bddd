package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadRules;
import com.vetacrm.lead.PipelineColumn;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * A pipeline column: header with count and expected revenue, a page of cards, "load more", and the
 * quick-create form. A folded stage shows as a narrow strip with its count until it is opened.
 */
class StageColumnView extends Div {

    /** Cards per page of a column. */
    static final int PAGE = 30;

    /** What a column asks of its board. */
    interface Board {
        List<LeadCard> cards(long stageId, int offset, int limit);

        void dropped(LeadCardView card, StageColumnView target);

        LeadCard quickCreate(long stageId, String name, String company, BigDecimal revenue);

        LeadCardView cardView(LeadCard card);

        /** One quick-create form at a time on the board: the others close. */
        void quickCreateOpening(StageColumnView column);
    }

    private final StageSummary stage;
    private final Board board;
    private final H3 title = new H3();
    private final Span count = new Span();
    private final Span revenue = new Span();
    private final Div cards = new Div();
    private final Button loadMore = new Button();
    private Div quickForm;
    private final Span empty = new Span();
    private long total;
    /** Offset of the next page in the column's order; cards dropped or created here do not move it. */
    private int fetched;
    /** Cards on screen, so a page that overlaps a dropped card does not show it twice. */
    private final Set<Long> shown = new HashSet<>();
    /** Cards that came from a fetched page: removing one of them shifts the next page's offset. */
    private final Set<Long> fromPages = new HashSet<>();
    private boolean folded;

    StageColumnView(PipelineColumn column, Board board) {
        this.stage = column.stage();
        this.board = board;
        this.folded = stage.fold();
        addClassName("stage-column");
        getElement().setAttribute("data-stage", stage.name());
        getElement().setAttribute("data-stage-id", String.valueOf(stage.id()));

        title.setText(stage.name());
        count.addClassName("stage-count");
        revenue.addClassName("stage-revenue");
        Button add = new Button(VaadinIcon.PLUS.create(), e -> openQuickCreate());
        add.addClassName("quick-create-button");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        add.setAriaLabel(getTranslation("pipeline.quickCreate.in", stage.name()));
        Button fold = new Button(VaadinIcon.ANGLE_DOUBLE_LEFT.create(), e -> setFolded(!folded));
        fold.addClassName("stage-fold-button");
        fold.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        fold.setAriaLabel(getTranslation("pipeline.fold", stage.name()));
        Div header = new Div(title, count, add, fold, revenue);
        header.addClassName("stage-header");
        header.addClickListener(e -> {
            if (folded) {
                setFolded(false);
            }
        });

        cards.addClassName("stage-cards");
        empty.setText(getTranslation("pipeline.column.empty"));
        empty.addClassName("stage-empty");
        loadMore.setText(getTranslation("pipeline.loadMore"));
        loadMore.addClassName("load-more");
        loadMore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadMore.addClickListener(e -> loadPage());
        add(header, empty, cards, loadMore);

        DropTarget<StageColumnView> drop = DropTarget.create(this);
        drop.setDropEffect(DropEffect.MOVE);
        drop.addDropListener(e -> e.getDragSourceComponent()
                .filter(LeadCardView.class::isInstance)
                .map(LeadCardView.class::cast)
                .ifPresent(card -> board.dropped(card, this)));

        showHeader(column);
        setFolded(folded);
    }

    StageSummary stage() {
        return stage;
    }

    void setFolded(boolean folded) {
        this.folded = folded;
        setClassName("folded", folded);
        cards.setVisible(!folded);
        if (!folded && fetched == 0 && shown.isEmpty()) {
            loadPage();
        }
        updateLoadMore();
    }

    private void updateLoadMore() {
        loadMore.setVisible(!folded && fetched < total && shown.size() < total);
        empty.setVisible(!folded && total == 0 && shown.isEmpty());
    }

    void showHeader(PipelineColumn column) {
        total = column.count();
        count.setText(String.valueOf(column.count()));
        revenue.setText(LeadFormat.money(column.expectedRevenue(), getLocale()));
        getElement().setAttribute("data-count", String.valueOf(column.count()));
        updateLoadMore();
    }

    private void loadPage() {
        List<LeadCard> page = board.cards(stage.id(), fetched, PAGE);
        page.forEach(c -> fromPages.add(c.id()));
        page.stream().filter(c -> shown.add(c.id())).forEach(c -> cards.add(board.cardView(c)));
        fetched += page.size();
        if (page.size() < PAGE) {
            fetched = (int) Math.max(fetched, total);
        }
        updateLoadMore();
    }

    /** A card dragged away: the pages after it start one card earlier. */
    void removeCard(LeadCardView card) {
        cards.remove(card);
        shown.remove(card.leadId());
        if (fromPages.remove(card.leadId())) {
            fetched = Math.max(0, fetched - 1);
        }
        updateLoadMore();
    }

    /** A card dropped or created here: shown first, not counted as fetched (it may come again in a later page). */
    void addOnTop(LeadCardView card) {
        cards.addComponentAsFirst(card);
        shown.add(card.leadId());
        updateLoadMore();
    }

    Optional<LeadCardView> card(long leadId) {
        return cards.getChildren().filter(LeadCardView.class::isInstance).map(LeadCardView.class::cast)
                .filter(c -> c.leadId() == leadId).findFirst();
    }

    void openQuickCreate() {
        if (folded) {
            setFolded(false);
        }
        if (quickForm != null) {
            return;
        }
        board.quickCreateOpening(this);
        TextField name = new TextField();
        name.setId("quick-create-name");
        name.setPlaceholder(getTranslation("pipeline.quickCreate.name"));
        name.setAriaLabel(getTranslation("pipeline.quickCreate.name"));
        name.setMaxLength(LeadRules.MAX_NAME);
        name.setWidthFull();
        TextField company = new TextField();
        company.setId("quick-create-company");
        company.setPlaceholder(getTranslation("pipeline.quickCreate.company"));
        company.setAriaLabel(getTranslation("pipeline.quickCreate.company"));
        company.setMaxLength(255);
        company.setWidthFull();
        BigDecimalField amount = new BigDecimalField();
        amount.setId("quick-create-revenue");
        amount.setPlaceholder(getTranslation("pipeline.quickCreate.revenue"));
        amount.setAriaLabel(getTranslation("pipeline.quickCreate.revenue"));
        amount.setWidthFull();
        Button addButton = new Button(getTranslation("pipeline.quickCreate.add"));
        addButton.setId("quick-create-add");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button(getTranslation("pipeline.quickCreate.cancel"), e -> closeQuickCreate());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addButton.addClickListener(e -> {
            Optional<String> problem = LeadRules.checkName(name.getValue())
                    .or(() -> LeadRules.checkRevenue(amount.getValue()));
            name.setInvalid(false);
            amount.setInvalid(false);
            if (problem.isPresent()) {
                boolean nameProblem = LeadRules.checkName(name.getValue()).isPresent();
                (nameProblem ? name : amount).setErrorMessage(getTranslation(problem.get()));
                if (nameProblem) {
                    name.setInvalid(true);
                } else {
                    amount.setInvalid(true);
                }
                return;
            }
            LeadCard card = board.quickCreate(stage.id(), name.getValue(), company.getValue(), amount.getValue());
            addOnTop(board.cardView(card));
            name.clear();
            company.clear();
            amount.clear();
            name.focus();
        });
        addButton.addClickShortcut(Key.ENTER).listenOn(name, company, amount);
        cancel.addClickShortcut(Key.ESCAPE).listenOn(name, company, amount);
        Div buttons = new Div(addButton, cancel);
        buttons.addClassName("quick-create-buttons");
        quickForm = new Div(name, company, amount, buttons);
        quickForm.setId("quick-create-form");
        quickForm.addClassName("quick-create-form");
        addComponentAtIndex(1, quickForm);
        name.focus();
    }

    void closeQuickCreate() {
        if (quickForm != null) {
            remove(quickForm);
            quickForm = null;
        }
    }
}
