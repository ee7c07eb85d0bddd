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
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadRules;
import com.vetacrm.lead.PipelineColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline column: header with count and expected revenue, the quick-create form, and the cards. A folded
 * stage shows as a narrow strip with its count until it is opened.
 *
 * <p>The cards are a {@link VirtualList} of lead ids drawn by {@link LeadCardRenderer} from a lazy data
 * provider: the browser asks for the range it shows (plus a buffer) and more as the user scrolls, so a column
 * of 20,000 cards costs the server the ids on screen, and the server keeps a handful of components per column,
 * none per card (docs/performance.md, "Session heap"). A card's data is read with its page and kept only
 * until it has been sent ({@link #drawing}); a star click or a drop reads the lead again. Cards dropped or
 * quick-created here are <em>pinned</em>: shown first for as long as this board is open, and left out of the
 * pages read from the database so that they do not come twice.
 */
class StageColumnView extends Div {

    /** At most this many cards are pinned on top of a column; older pins go back to their place in the order. */
    static final int MAX_PINNED = 50;

    /** The largest page asked of the database at once; a bigger requested range is read in several pages. */
    static final int DB_PAGE = 100;

    /** The event-data expression that reads a dropped card's lead id in the browser. */
    static final String DROPPED_ID = "event.dataTransfer ? event.dataTransfer.getData('" + LeadCardRenderer.DRAG_TYPE
            + "') : ''";

    /** Only drops that carry a pipeline card reach the server (not text or files dragged from elsewhere). */
    static final String DROP_FILTER = "!!event.dataTransfer && Array.from(event.dataTransfer.types).includes('"
            + LeadCardRenderer.DRAG_TYPE + "')";

    /** A click on the column's quick-create button (its {@code data-action}). */
    static final String ACTION_QUICK_CREATE = "quick-create";
    /** A click on the column's fold button. */
    static final String ACTION_FOLD = "fold";
    /** A click anywhere else on a folded column's header strip. */
    static final String ACTION_UNFOLD = "unfold";

    /** Which header action a click on the board is: a button's {@code data-action}, or a folded strip's. */
    static final String CLICKED_ACTION = "(b => b ? b.dataset.action : (event.target.closest("
            + "'.stage-column.folded .stage-header') ? '" + ACTION_UNFOLD + "' : ''))"
            + "(event.target.closest('.stage-column [data-action]'))";
    /** The stage id of the column a click on the board is in. */
    static final String CLICKED_STAGE = "(c => c ? c.dataset.stageId : '')(event.target.closest('.stage-column'))";
    /** Only clicks on a header action reach the server; clicks on cards, stars and links do not. */
    static final String CLICK_FILTER = "!!event.target.closest("
            + "'.stage-column [data-action], .stage-column.folded .stage-header')";

    /** A click on the board, read by the board's one listener: the header action named, in this column. */
    void clicked(String action) {
        switch (action) {
            case ACTION_QUICK_CREATE -> openQuickCreate();
            case ACTION_FOLD -> setFolded(!folded);
            case ACTION_UNFOLD -> {
                if (folded) {
                    setFolded(false);
                }
            }
            default -> {
                // anything else from the page is ignored
            }
        }
    }

    /** What a column asks of its board. */
    interface Board {
        /** A page of the column's cards in the board's filter, without the {@code excluding} ones. */
        /** One card, read again; empty when the user may not see it (any more). */
        Optional<LeadCard> card(long leadId);

        List<LeadCard> cards(long stageId, int offset, int limit, Collection<Long> excluding);

        /** The column's header figures in the board's filter, without the {@code excluding} cards. */
        PipelineColumn column(long stageId, Collection<Long> excluding);

        /** A card was dropped on {@code target}; {@code leadId} is what the page sent, unchecked. */
        void dropped(String leadId, StageColumnView target);

        LeadCard quickCreate(long stageId, String name, String company, BigDecimal revenue);

        void setPriority(long leadId, int priority);

        /** One quick-create form at a time on the board: the others close. */
        void quickCreateOpening(StageColumnView column);
    }

    private final StageSummary stage;
    private final Board board;
    private final Span count = new Span();
    private final Span revenue = new Span();
    private final Span empty = new Span();
    private VirtualList<Long> cards;
    private CallbackDataProvider<Long, Void> dataProvider;
    /**
     * The data of the cards read in this round trip, by lead id, for the template's properties; emptied once
     * the response is written, as the browser then has them (the list keeps only the ids).
     */
    private final Map<Long, LeadCard> drawing = new HashMap<>();
    private boolean drawingClearScheduled;
    private Div quickForm;
    /** Cards dropped or created here, newest first: shown on top, left out of the database pages. */
    private final List<LeadCard> pinned = new ArrayList<>();
    /** The column's count in the board's filter (the header's figure). */
    private long total;
    /** How many cards the list shows: the pinned ones and the column's other cards. */
    private int size;
    private boolean folded;

    StageColumnView(PipelineColumn column, Board board) {
        this.stage = column.stage();
        this.board = board;
        this.folded = stage.fold();
        addClassName("stage-column");
        getElement().setAttribute("data-stage", stage.name());
        getElement().setAttribute("data-stage-id", String.valueOf(stage.id()));

        H3 title = new H3(stage.name());
        count.addClassName("stage-count");
        revenue.addClassName("stage-revenue");
        // the header's buttons have no listener of their own: the board has one click listener for every
        // column (PipelineView), which reads data-action and the column's stage id (docs/performance.md)
        Button add = new Button(VaadinIcon.PLUS.create());
        add.getElement().setAttribute("data-action", ACTION_QUICK_CREATE);
        add.addClassName("quick-create-button");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        add.setAriaLabel(getTranslation("pipeline.quickCreate.in", stage.name()));
        Button fold = new Button(VaadinIcon.ANGLE_DOUBLE_LEFT.create());
        fold.getElement().setAttribute("data-action", ACTION_FOLD);
        fold.addClassName("stage-fold-button");
        fold.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        fold.setAriaLabel(getTranslation("pipeline.fold", stage.name()));
        Div header = new Div(title, count, add, fold, revenue);
        header.addClassName("stage-header");

        empty.setText(getTranslation("pipeline.column.empty"));
        empty.addClassName("stage-empty");
        add(header, empty);

        // the column is the drop target: Vaadin's connector allows the drop (dragover) and marks the column
        // while a card is over it; the lead id comes from the card's drag data, and the server checks it
        DropTarget<StageColumnView> drop = DropTarget.create(this);
        drop.setDropEffect(DropEffect.MOVE);
        getElement().addEventListener("drop", e -> board.dropped(text(e.getEventData().get(DROPPED_ID)), this))
                .addEventData(DROPPED_ID)
                .setFilter(DROP_FILTER);

        showHeader(column);
        setFolded(folded);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    StageSummary stage() {
        return stage;
    }

    boolean isFolded() {
        return folded;
    }

    void setFolded(boolean folded) {
        this.folded = folded;
        setClassName("folded", folded);
        if (!folded && cards == null) {
            createCards();
        }
        if (cards != null) {
            cards.setVisible(!folded);
        }
        empty.setVisible(!folded && size == 0);
    }

    /** The list is made when the column is first unfolded: a folded stage costs no list until it is opened. */
    private void createCards() {
        dataProvider = new CallbackDataProvider<>(q -> fetch(q.getOffset(), q.getLimit()).stream(), q -> size);
        cards = new VirtualList<>();
        cards.addClassName("stage-cards");
        cards.setRenderer(LeadCardRenderer.create(this, getLocale(), this::cardData, this::starClicked));
        cards.setDataProvider(dataProvider);
        add(cards);
    }

    /**
     * The ids of the cards from {@code offset}: the pinned ones first, then the column's others in the column's
     * order. Their data waits in {@link #drawing} for the template.
     */
    private List<Long> fetch(int offset, int limit) {
        List<LeadCard> result = new ArrayList<>(Math.min(limit, DB_PAGE));
        for (int i = offset; i < pinned.size() && result.size() < limit; i++) {
            result.add(pinned.get(i));
        }
        List<Long> excluding = pinnedIds();
        int dbOffset = Math.max(0, offset - pinned.size());
        while (result.size() < limit) {
            int n = Math.min(DB_PAGE, limit - result.size());
            List<LeadCard> page = board.cards(stage.id(), dbOffset, n, excluding);
            result.addAll(page);
            if (page.size() < n) {
                break;
            }
            dbOffset += n;
        }
        result.forEach(this::drawing);
        return result.stream().map(LeadCard::id).toList();
    }

    /** A card's data for the template: read with its page in this round trip, or else read again. */
    private Optional<LeadCard> cardData(long leadId) {
        LeadCard card = drawing.get(leadId);
        if (card != null) {
            return Optional.of(card);
        }
        Optional<LeadCard> read = board.card(leadId);
        read.ifPresent(this::drawing);
        return read;
    }

    /** Keeps a card's data until the response to the browser is written. */
    private void drawing(LeadCard card) {
        getUI().ifPresent(ui -> {
            drawing.put(card.id(), card);
            if (!drawingClearScheduled) {
                drawingClearScheduled = true;
                // runs after the list's own flush, which was asked for before the cards were read
                ui.beforeClientResponse(this, context -> {
                    drawing.clear();
                    drawingClearScheduled = false;
                });
            }
        });
    }

    private List<Long> pinnedIds() {
        return pinned.stream().map(LeadCard::id).toList();
    }

    /** Shows the header figures; the list's size follows (the pinned cards and the column's others). */
    void showHeader(PipelineColumn column) {
        total = column.count();
        count.setText(String.valueOf(column.count()));
        revenue.setText(LeadFormat.money(column.expectedRevenue(), getLocale()));
        getElement().setAttribute("data-count", String.valueOf(column.count()));
        // a pinned card the filter does not match (quick-created without the filtered tag, say) is shown too
        long others = pinned.isEmpty() ? total : board.column(stage.id(), pinnedIds()).count();
        size = (int) Math.min(Integer.MAX_VALUE, pinned.size() + others);
        empty.setVisible(!folded && size == 0);
    }

    /** Reads the header again and redraws the list from the top of the column. */
    void refresh() {
        showHeader(board.column(stage.id(), List.of()));
        if (dataProvider != null) {
            dataProvider.refreshAll();
        }
    }

    /** A card dropped or created here: pinned on top; the caller refreshes the column. */
    void pin(LeadCard card) {
        pinned.removeIf(c -> c.id() == card.id());
        pinned.addFirst(card);
        while (pinned.size() > MAX_PINNED) {
            pinned.removeLast();
        }
        if (cards != null) {
            cards.scrollToStart();
        }
    }

    /** A card that left the column (dragged away): no longer pinned here; the caller refreshes the column. */
    void unpin(long leadId) {
        pinned.removeIf(c -> c.id() == leadId);
    }

    /** The ids of the pinned cards, top first. */
    List<Long> pinnedCards() {
        return pinnedIds();
    }

    /** How many cards' data the column holds for drawing: none once a response has been written. */
    int cardsHeldForDrawing() {
        return drawing.size();
    }

    /** The list of cards (lead ids); empty while the column has never been unfolded. */
    Optional<VirtualList<Long>> cards() {
        return Optional.ofNullable(cards);
    }

    /** Star {@code level} clicked on a card: the lead's priority as stored decides (the highest lit star turns off). */
    private void starClicked(long leadId, int level) {
        Optional<LeadCard> read = board.card(leadId);
        if (read.isEmpty()) {
            return;
        }
        LeadCard card = read.get();
        int next = card.priority() == level ? level - 1 : level;
        board.setPriority(card.id(), next);
        LeadCard changed = new LeadCard(card.id(), card.type(), card.name(), card.partnerName(),
                card.expectedRevenue(), next, card.salespersonId(), card.salespersonName(), card.stageId(),
                card.tags());
        pinned.replaceAll(c -> c.id() == changed.id() ? changed : c);
        dataProvider.refreshItem(leadId);
        drawing(changed);
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
            pin(card);
            refresh();
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
