package com.vetacrm.admin;

/**
 * A stage to create ({@code id} null) or change. The position is changed with
 * {@link StageService#moveStageUp} and {@link StageService#moveStageDown}, not here.
 *
 * @param version the version the form was loaded with; ignored when creating
 * @param fold    shown collapsed in the pipeline
 * @param won     reaching it closes the deal as won
 */
public record StageEdit(Long id, long version, String name, boolean fold, boolean won) {

    static StageEdit of(Stage s) {
        return new StageEdit(s.getId(), s.getVersion(), s.getName(), s.isFold(), s.isWon());
    }
}
