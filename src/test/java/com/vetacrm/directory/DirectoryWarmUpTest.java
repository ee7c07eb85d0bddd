package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory is read into the buffer pool after start when it fits, so mining does not wait for the disk. */
class DirectoryWarmUpTest extends ServiceTest {

    private static final long MB = 1 << 20;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DirectoryWarmUp applicationWarmUp;

    @Test
    void autoReadsTheDirectoryOnlyWhenItTakesAtMostThreeQuartersOfTheBufferPool() {
        assertThat(DirectoryWarmUp.refusal("auto", 750 * MB, 1000 * MB)).isEmpty();
        assertThat(DirectoryWarmUp.refusal("auto", 751 * MB, 1000 * MB)).get().asString()
                .contains("more than 75 % of the buffer pool").contains("veta.directory.warm-up=on");
        assertThat(DirectoryWarmUp.refusal("on", 5000 * MB, 1000 * MB)).isEmpty();
        assertThat(DirectoryWarmUp.refusal("off", 1 * MB, 1000 * MB)).contains("veta.directory.warm-up=off");
    }

    @Test
    void aWarmUpReadsTheDirectoryTablesAndSaysHowMuch() {
        DirectoryWarmUp.Result result = new DirectoryWarmUp(jdbc, "on").warmUp();

        assertThat(result.warmed()).isTrue();
        assertThat(result.directoryBytes()).as("the test directory's tables and indexes").isPositive();
        assertThat(result.poolBytes()).isPositive();
    }

    @Test
    void theApplicationWarmsItsSmallDirectoryInTheBackgroundAfterStart() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> applicationWarmUp.result().isPresent());

        assertThat(applicationWarmUp.result().get().warmed()).as(applicationWarmUp.result().get().reason()).isTrue();
    }

    @Test
    void anUnknownModeIsRefusedAtStart() {
        assertThatThrownBy(() -> new DirectoryWarmUp(jdbc, "sometimes"))
                .hasMessageContaining("veta.directory.warm-up must be auto, on or off");
    }
}
