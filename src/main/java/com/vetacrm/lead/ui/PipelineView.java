package com.vetacrm.lead.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import jakarta.annotation.security.PermitAll;

/**
 * The pipeline: one column per stage, in stage order. The landing page after sign-in.
 * Cards, filters and drag-and-drop come with the CRM-core issue; until then the board shows the
 * configured stages with no cards.
 */
@Route("pipeline")
@RouteAlias("")
@PermitAll
@Menu(title = "nav.pipeline", order = 10, icon = "vaadin:grid-big")
public class PipelineView extends VerticalLayout implements HasDynamicTitle {

    PipelineView(StageService stageService) {
        setId("pipeline-view");
        setSizeFull();
        add(new H2(getTranslation("pipeline.title")));
        Div board = new Div();
        board.setId("pipeline-board");
        board.addClassName("pipeline-board");
        for (StageSummary stage : stageService.findAllInOrder()) {
            Div column = new Div(new H3(stage.name()), new Paragraph(getTranslation("pipeline.column.empty")));
            // repeated elements carry a class and a data attribute, not an id (ids must be unique)
            column.addClassName("stage-column");
            column.getElement().setAttribute("data-stage", stage.name());
            board.add(column);
        }
        add(board);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pipeline.title") + " · " + getTranslation("app.name");
    }
}
