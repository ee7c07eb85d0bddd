package com.vetacrm.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.StageEdit;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TestLeads;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Tests create the stages they move or delete, so the default stages keep their relative order. */
@WithUserDetails(DemoUsers.ADMIN)
class StagesViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StageService stageService;

    @SuppressWarnings("unchecked")
    private Grid<StageSummary> grid() {
        return $(Grid.class).id("stages-grid");
    }

    private List<String> shownNames() {
        return grid().getGenericDataView().getItems().map(StageSummary::name).toList();
    }

    private Button rowButton(String stage, String className) {
        return RowButtons.of(grid(), s -> s.name().equals(stage), className);
    }

    @Test
    void stagesAreListedInPipelineOrderWithTheirPosition() {
        navigate(StagesView.class);

        assertThat(shownNames()).containsSubsequence("New", "Qualified", "Proposition", "Negotiation", "On Hold",
                "Won");
        assertThat(test(grid()).getCellText(0, 0)).isEqualTo("1");
        assertThat(test(grid()).getCellText(0, 1)).isEqualTo("New");
        assertThat(rowButton("New", "stage-move-up").isEnabled()).isFalse();
    }

    @Test
    void adminCreatesAStageThatLandsBeforeTheWonStage() {
        navigate(StagesView.class);
        test($(Button.class).id("stage-new")).click();

        test($(TextField.class).id("stage-name")).setValue("Demo Scheduled");
        test($(Checkbox.class).id("stage-fold")).click();
        test($(Button.class).id("stage-save")).click();

        assertThat($(Dialog.class).withId("stage-dialog").exists()).isFalse();
        List<String> names = shownNames();
        assertThat(names.indexOf("Demo Scheduled")).isEqualTo(names.indexOf("Won") - 1);
        assertThat(stageService.findAllInOrder()).filteredOn(s -> s.name().equals("Demo Scheduled"))
                .extracting(StageSummary::fold).containsExactly(true);
    }

    @Test
    void theArrowButtonsMoveAStageOneColumn() {
        stageService.saveStage(new StageEdit(null, 0, "Review", false, false));
        navigate(StagesView.class);
        List<String> before = shownNames();
        int position = before.indexOf("Review");

        test(rowButton("Review", "stage-move-down")).click();
        assertThat(shownNames().indexOf("Review")).isEqualTo(position + 1);

        test(rowButton("Review", "stage-move-up")).click();
        assertThat(shownNames()).isEqualTo(before);
        assertThat(stageService.findAllInOrder()).extracting(StageSummary::name).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deletingAStageWithLeadsSaysHowManyAndMovesThemToTheChosenStage() {
        StageSummary parked = stageService.saveStage(new StageEdit(null, 0, "Parked", false, false));
        TestLeads leads = new TestLeads(jdbc);
        long lead1 = leads.insert("Acme", parked.id(), null);
        long lead2 = leads.insert("Globex", parked.id(), null);
        navigate(StagesView.class);

        test(rowButton("Parked", "row-delete")).click();

        Dialog dialog = $(Dialog.class).id("stage-delete-dialog");
        assertThat($(Paragraph.class, dialog).single().getText()).startsWith("The stage “Parked” has 2 leads.");
        Select<StageSummary> target = $(Select.class).id("stage-delete-target");
        assertThat(target.getValue().name()).isEqualTo("On Hold");
        test(target).selectItem("Qualified");
        test($(Button.class).id("stage-delete-confirm")).click();

        assertThat(shownNames()).doesNotContain("Parked");
        long qualified = leads.stageId("Qualified");
        assertThat(leads.stageOf(lead1)).isEqualTo(qualified);
        assertThat(leads.stageOf(lead2)).isEqualTo(qualified);
    }

    @Test
    void anUnusedStageIsDeletedWithoutAskingWhereToMoveLeads() {
        stageService.saveStage(new StageEdit(null, 0, "Unused", false, false));
        navigate(StagesView.class);

        test(rowButton("Unused", "row-delete")).click();

        assertThat($(Select.class).withId("stage-delete-target").exists()).isFalse();
        assertThat($(Paragraph.class, $(Dialog.class).id("stage-delete-dialog")).single().getText())
                .startsWith("No leads are in this stage.");
        test($(Button.class).id("stage-delete-confirm")).click();
        assertThat(shownNames()).doesNotContain("Unused");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerOpeningStageAdministrationSeesAccessDenied() {
        navigate("admin/stages", AccessDeniedView.class);
        assertThat($(StagesView.class).exists()).isFalse();
    }
}
