package com.vetacrm.admin;

import static com.vetacrm.testsupport.Refusals.messageKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.Refusals;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Each test creates the stages it changes and leaves the default ones as it found them (in the same
 * relative order, with "Won" the only won stage), so the tests hold in any order.
 */
@WithUserDetails(DemoUsers.ADMIN)
class StageServiceTest extends ServiceTest {

    @Autowired
    StageService stageService;
    @Autowired
    JdbcTemplate jdbc;

    TestLeads leads;

    @BeforeEach
    void setUp() {
        leads = new TestLeads(jdbc);
    }


    private List<String> names() {
        return stageService.findAllInOrder().stream().map(StageSummary::name).toList();
    }

    private StageSummary create(String name) {
        return stageService.saveStage(new StageEdit(null, 0, name, false, false));
    }

    @Test
    void theDefaultStagesComeInPipelineOrder() {
        assertThat(names()).containsSubsequence("New", "Qualified", "Proposition", "Negotiation", "On Hold", "Won");
        List<StageSummary> stages = stageService.findAllInOrder();
        assertThat(stages).extracting(StageSummary::sequence).isSorted();
    }

    @Test
    void aNewOpenStageGoesJustBeforeTheWonStage() {
        StageSummary created = create(" Demo Scheduled ");

        List<String> names = names();
        assertThat(created.name()).isEqualTo("Demo Scheduled");
        assertThat(names.indexOf("Demo Scheduled")).isEqualTo(names.indexOf("Won") - 1);
        assertThat(stageService.findAllInOrder()).extracting(StageSummary::sequence).doesNotHaveDuplicates()
                .isSorted();
        stageService.deleteStage(created.id(), null);
    }

    @Test
    void aNewWonStageGoesLastAndAnotherWonStageMayThenBeDeleted() {
        StageSummary invoiced = stageService.saveStage(new StageEdit(null, 0, "Invoiced", false, true));

        assertThat(names()).last().isEqualTo("Invoiced");
        assertThat(invoiced.won()).isTrue();

        stageService.deleteStage(invoiced.id(), null);
        assertThat(names()).doesNotContain("Invoiced");
    }

    @Test
    void stageNamesAreUniqueWhateverTheirCase() {
        assertThatThrownBy(() -> create("qualified"))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(Refusals::messageKey).isEqualTo("stages.error.name.taken");
        assertThatThrownBy(() -> create(""))
                .extracting(Refusals::messageKey).isEqualTo("stages.error.name.required");
    }

    @Test
    void movingAStageSwapsItWithItsNeighbour() {
        StageSummary review = create("Review");
        List<String> before = names();
        int position = before.indexOf("Review");

        List<String> afterDown = stageService.moveStageDown(review.id()).stream().map(StageSummary::name).toList();
        assertThat(afterDown.indexOf("Review")).isEqualTo(position + 1);
        assertThat(afterDown.get(position)).isEqualTo(before.get(position + 1));
        assertThat(names()).isEqualTo(afterDown);

        List<String> afterUp = stageService.moveStageUp(review.id()).stream().map(StageSummary::name).toList();
        assertThat(afterUp).isEqualTo(before);
        stageService.deleteStage(review.id(), null);
    }

    @Test
    void theFirstStageCannotMoveFurtherUpNorTheLastFurtherDown() {
        List<StageSummary> stages = stageService.findAllInOrder();
        List<String> before = names();

        assertThat(stageService.moveStageUp(stages.getFirst().id())).extracting(StageSummary::name)
                .containsExactlyElementsOf(before);
        assertThat(stageService.moveStageDown(stages.getLast().id())).extracting(StageSummary::name)
                .containsExactlyElementsOf(before);
    }

    @Test
    void renamingFoldingAndVersionChecksApplyWhenEditing() {
        StageSummary created = create("Pilot");
        StageEdit loadedByBoth = stageService.getStage(created.id());

        StageSummary saved = stageService.saveStage(new StageEdit(created.id(), loadedByBoth.version(), "Pilot Project",
                true, false));

        assertThat(saved.name()).isEqualTo("Pilot Project");
        assertThat(saved.fold()).isTrue();
        assertThatThrownBy(() -> stageService.saveStage(new StageEdit(created.id(), loadedByBoth.version(), "Pilot B",
                false, false)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        stageService.deleteStage(created.id(), null);
    }

    @Test
    void anUnusedStageIsDeleted() {
        StageSummary created = create("Unused");
        assertThat(stageService.countLeads(created.id())).isZero();

        stageService.deleteStage(created.id(), null);

        assertThat(names()).doesNotContain("Unused");
    }

    @Test
    void aStageWithLeadsIsNotDeletedWithoutATargetAndTheRefusalSaysHowMany() {
        StageSummary parked = create("Parked");
        long lead = leads.insert("Acme", parked.id(), null);
        leads.insert("Globex", parked.id(), null);

        assertThat(stageService.countLeads(parked.id())).isEqualTo(2);
        assertThatThrownBy(() -> stageService.deleteStage(parked.id(), null))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(messageKey(e)).isEqualTo("stages.error.hasLeads");
                    assertThat(((BusinessRuleException) e).args()).containsExactly("Parked", 2L);
                });
        assertThat(names()).contains("Parked");
        assertThat(leads.stageOf(lead)).isEqualTo(parked.id());
    }

    @Test
    void deletingAStageWithLeadsMovesThemToTheChosenStageFirst() {
        StageSummary waiting = create("Waiting");
        long lead1 = leads.insert("Initech", waiting.id(), null);
        long lead2 = leads.insert("Umbrella", waiting.id(), null);
        long qualified = leads.stageId("Qualified");

        stageService.deleteStage(waiting.id(), qualified);

        assertThat(names()).doesNotContain("Waiting");
        assertThat(leads.stageOf(lead1)).isEqualTo(qualified);
        assertThat(leads.stageOf(lead2)).isEqualTo(qualified);
    }

    @Test
    void movingLeadsToAStageThatDoesNotExistChangesNothing() {
        StageSummary limbo = create("Limbo");
        long lead = leads.insert("Hooli", limbo.id(), null);

        assertThatThrownBy(() -> stageService.deleteStage(limbo.id(), limbo.id()))
                .extracting(Refusals::messageKey).isEqualTo("stages.error.moveTarget.invalid");
        assertThatThrownBy(() -> stageService.deleteStage(limbo.id(), Long.MAX_VALUE))
                .extracting(Refusals::messageKey).isEqualTo("stages.error.moveTarget.invalid");

        assertThat(names()).contains("Limbo");
        assertThat(leads.stageOf(lead)).isEqualTo(limbo.id());
    }

    @Test
    void theOnlyWonStageCanNeitherBeDeletedNorUnmarked() {
        long won = leads.stageId("Won");
        StageEdit edit = stageService.getStage(won);

        assertThatThrownBy(() -> stageService.deleteStage(won, null))
                .extracting(Refusals::messageKey).isEqualTo("stages.error.lastWon");
        assertThatThrownBy(() -> stageService.saveStage(new StageEdit(won, edit.version(), "Won", false, false)))
                .extracting(Refusals::messageKey).isEqualTo("stages.error.lastWon");
        assertThat(stageService.getStage(won).won()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void onlyAdministratorsChangeStagesButEveryoneReadsThem() {
        long newStage = leads.stageId("New");
        assertThatThrownBy(() -> create("Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stageService.moveStageDown(newStage)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stageService.deleteStage(newStage, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(names()).contains("New");
    }
}
