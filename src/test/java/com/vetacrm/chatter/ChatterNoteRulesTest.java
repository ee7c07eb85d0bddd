package com.vetacrm.chatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatterNoteRulesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n\t "})
    void blankNoteIsRefused(String text) {
        assertThatThrownBy(() -> ChatterService.validNote(text))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chatter.note.empty"));
    }

    @Test
    void noteOf10000CharactersIsAcceptedAndOneMoreIsRefused() {
        assertThat(ChatterService.validNote("x".repeat(10_000))).hasSize(10_000);
        assertThatThrownBy(() -> ChatterService.validNote("x".repeat(10_001)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("chatter.note.tooLong");
                    assertThat(e.args()).containsExactly(ChatterService.MAX_NOTE_LENGTH);
                });
    }

    @Test
    void noteKeepsItsLineBreaksAndMarkupAndLosesOnlySurroundingBlanks() {
        assertThat(ChatterService.validNote("\n  Called Ana.\n\nShe wants <b>a demo</b>.  \n"))
                .isEqualTo("Called Ana.\n\nShe wants <b>a demo</b>.");
    }

    @Test
    void chatterTargetNeedsAShortType() {
        assertThatThrownBy(() -> new ChatterTarget(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatterTarget("T".repeat(31), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatterTarget(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new ChatterTarget("LEAD", 1).type()).isEqualTo("LEAD");
    }
}
