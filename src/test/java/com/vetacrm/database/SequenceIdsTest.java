package com.vetacrm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.ServiceTest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Ids reserved in blocks from MariaDB sequences, as batch inserts (mining, imports) take them. */
class SequenceIdsTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reservesTheAskedNumberOfDistinctAscendingIdsAcrossSeveralBlocks() {
        long[] first = SequenceIds.reserve(jdbc, "crm_lead_seq", 120);
        long[] second = SequenceIds.reserve(jdbc, "crm_lead_seq", 3);

        assertThat(first).hasSize(120).isSorted().doesNotHaveDuplicates();
        assertThat(second).hasSize(3).isSorted();
        assertThat(Arrays.stream(second).min().orElseThrow()).isGreaterThan(Arrays.stream(first).max().orElseThrow());
    }

    @Test
    void reservesFromSeveralSequencesAtOnceWhatEachWouldGetAlone() {
        Map<String, long[]> ids = SequenceIds.reserve(jdbc, Map.of("crm_lead_seq", 200, "lead_contact_seq", 73,
                "chatter_entry_seq", 0));
        long[] nextLead = SequenceIds.reserve(jdbc, "crm_lead_seq", 1);

        assertThat(ids.get("crm_lead_seq")).hasSize(200).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get("lead_contact_seq")).hasSize(73).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get("chatter_entry_seq")).isEmpty();
        assertThat(nextLead[0]).as("the sequence moved past the ids taken").isGreaterThan(
                Arrays.stream(ids.get("crm_lead_seq")).max().orElseThrow());
        assertThatThrownBy(() -> SequenceIds.reserve(jdbc, Map.of("crm_lead_seq", 1, "bad name", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASequenceThatDoesNotAdvanceByTheBlockAndAcceptsItOnceItDoes() {
        jdbc.execute("CREATE OR REPLACE SEQUENCE test_odd_seq START WITH 1 INCREMENT BY 7");
        try {
            assertThatThrownBy(() -> SequenceIds.reserve(jdbc, "test_odd_seq", 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("advances by 7, not 50");
            assertThatThrownBy(() -> SequenceIds.reserve(jdbc, "test_odd_seq", 2)).as("a refusal is not remembered")
                    .isInstanceOf(IllegalStateException.class);

            jdbc.execute("ALTER SEQUENCE test_odd_seq INCREMENT BY 50");

            assertThat(SequenceIds.reserve(jdbc, "test_odd_seq", 2)).hasSize(2).doesNotHaveDuplicates();
        } finally {
            jdbc.execute("DROP SEQUENCE IF EXISTS test_odd_seq");
        }
    }

    @Test
    void refusesANameThatIsNotASequenceName() {
        assertThatThrownBy(() -> SequenceIds.reserve(jdbc, "crm_lead_seq; DROP TABLE crm_lead", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
