package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline stages, in column order. A short list (a handful of rows), so it is read whole.
 * <p>
 * The pipeline always keeps at least one open (not won) stage, where new leads start, and at least one
 * won stage, where won deals go; several won stages are allowed (for example "Won" and "Invoiced").
 * Positions are kept as {@code sequence} 10, 20, 30…: every reordering renumbers the whole list, which
 * keeps the numbers readable and never runs out of gaps.
 */
@Service
@Transactional(readOnly = true)
public class StageService {

    private static final int SEQUENCE_STEP = 10;

    private final StageRepository stages;
    private final LeadUsage leadUsage;

    StageService(StageRepository stages, LeadUsage leadUsage) {
        this.stages = stages;
        this.leadUsage = leadUsage;
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<StageSummary> findAllInOrder() {
        return stages.findAllByOrderBySequenceAscIdAsc().stream().map(StageSummary::of).toList();
    }

    /** A stage as the edit form opens it, with the version it will save against. */
    @RolesAllowed(Role.Names.ADMIN)
    public StageEdit getStage(long id) {
        return StageEdit.of(load(id));
    }

    /** Leads and opportunities in the stage, so the delete dialog can offer to move them. */
    @RolesAllowed(Role.Names.ADMIN)
    public long countLeads(long stageId) {
        return leadUsage.inStage(stageId);
    }

    /**
     * Creates ({@code id} null) or changes a stage. A new open stage goes just before the first won
     * stage, so the pipeline keeps ending with its won column; a new won stage goes last.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public StageSummary saveStage(StageEdit edit) {
        String name = Inputs.requiredName(edit.name(), AdminRules.STAGE_NAME_MAX_LENGTH,
                "stages.error.name.required", "stages.error.name.tooLong");
        stages.findByName(name).filter(other -> !other.getId().equals(edit.id())).ifPresent(other -> {
            throw new BusinessRuleException("stages.error.name.taken", name);
        });
        List<Stage> ordered = new ArrayList<>(stages.findAllByOrderBySequenceAscIdAsc());
        Stage stage;
        if (edit.id() == null) {
            stage = new Stage(name, 0, edit.fold(), edit.won());
            int firstWon = indexOfFirstWon(ordered);
            ordered.add(edit.won() || firstWon < 0 ? ordered.size() : firstWon, stage);
        } else {
            stage = ordered.stream().filter(s -> s.getId().equals(edit.id())).findFirst()
                    .orElseThrow(() -> new BusinessRuleException("stages.error.notFound"));
            Inputs.requireVersion(Stage.class, edit.id(), edit.version(), stage.getVersion());
            if (!stage.isWon() && edit.won() && count(ordered, false) == 1) {
                throw new BusinessRuleException("stages.error.lastOpen", stage.getName());
            }
            if (stage.isWon() && !edit.won() && count(ordered, true) == 1) {
                throw new BusinessRuleException("stages.error.lastWon", stage.getName());
            }
        }
        stage.update(name, edit.fold(), edit.won());
        renumber(ordered);
        try {
            return StageSummary.of(stages.saveAndFlush(stage));
        } catch (DataIntegrityViolationException e) {
            // another administrator took the name between our check and the write
            throw new BusinessRuleException("stages.error.name.taken", name);
        }
    }

    /** Moves a stage one column to the left; the first stays where it is. Returns the new order. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public List<StageSummary> moveStageUp(long id) {
        return move(id, -1);
    }

    /** Moves a stage one column to the right; the last stays where it is. Returns the new order. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public List<StageSummary> moveStageDown(long id) {
        return move(id, 1);
    }

    /**
     * Deletes a stage. When leads are in it, {@code moveLeadsToStageId} names the stage they move to
     * first; moving and deleting happen in one transaction, so either both happen or neither.
     *
     * @param moveLeadsToStageId required when the stage has leads; otherwise ignored
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void deleteStage(long id, Long moveLeadsToStageId) {
        List<Stage> ordered = stages.findAllByOrderBySequenceAscIdAsc();
        Stage stage = ordered.stream().filter(s -> s.getId() == id).findFirst()
                .orElseThrow(() -> new BusinessRuleException("stages.error.notFound"));
        if (ordered.size() == 1) {
            throw new BusinessRuleException("stages.error.last", stage.getName());
        }
        if (!stage.isWon() && count(ordered, false) == 1) {
            throw new BusinessRuleException("stages.error.lastOpen", stage.getName());
        }
        if (stage.isWon() && count(ordered, true) == 1) {
            throw new BusinessRuleException("stages.error.lastWon", stage.getName());
        }
        long leads = leadUsage.inStage(id);
        if (leads > 0) {
            if (moveLeadsToStageId == null) {
                throw new BusinessRuleException("stages.error.hasLeads", stage.getName(), leads);
            }
            boolean targetExists = ordered.stream()
                    .anyMatch(s -> s.getId().equals(moveLeadsToStageId) && s.getId() != id);
            if (!targetExists) {
                throw new BusinessRuleException("stages.error.moveTarget.invalid");
            }
            leadUsage.moveStage(id, moveLeadsToStageId);
        }
        stages.delete(stage);
    }

    private List<StageSummary> move(long id, int offset) {
        List<Stage> ordered = new ArrayList<>(stages.findAllByOrderBySequenceAscIdAsc());
        int from = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getId() == id) {
                from = i;
            }
        }
        if (from < 0) {
            throw new BusinessRuleException("stages.error.notFound");
        }
        int to = from + offset;
        if (to >= 0 && to < ordered.size()) {
            Collections.swap(ordered, from, to);
            renumber(ordered);
        }
        return ordered.stream().map(StageSummary::of).toList();
    }

    private static void renumber(List<Stage> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setSequence((i + 1) * SEQUENCE_STEP);
        }
    }

    private static int indexOfFirstWon(List<Stage> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).isWon()) {
                return i;
            }
        }
        return -1;
    }

    private static long count(List<Stage> stages, boolean won) {
        return stages.stream().filter(s -> s.isWon() == won).count();
    }

    private Stage load(long id) {
        return stages.findById(id).orElseThrow(() -> new BusinessRuleException("stages.error.notFound"));
    }
}
