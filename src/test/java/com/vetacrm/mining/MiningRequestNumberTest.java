package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiningRequestNumberTest {

    @ParameterizedTest
    @CsvSource({"1, LMR001", "7, LMR007", "42, LMR042", "100, LMR100", "999, LMR999", "1000, LMR1000",
            "123456, LMR123456"})
    void aRequestNumberHasAtLeastThreeDigitsAfterItsPrefix(int numberSeq, String shown) {
        assertThat(MiningRequestRow.number(numberSeq)).isEqualTo(shown);
    }
}
