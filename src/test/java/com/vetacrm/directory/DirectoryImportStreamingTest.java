package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A large companies file goes through the import as a stream: the file (50,000 rows, about 16 MB) is made up
 * while it is read and never exists whole, and the import has committed its first batch when it has read
 * a small part of it. Memory therefore does not depend on the size of the file.
 */
@WithUserDetails(DemoUsers.ADMIN)
class DirectoryImportStreamingTest extends ServiceTest {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportStreamingTest.class);
    private static final int ROWS = 50_000;

    @Autowired
    DirectoryImportService service;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLargeFileIsImportedBatchByBatchWhileItIsBeingRead() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class);
        GeneratedCompaniesCsv file = new GeneratedCompaniesCsv(ROWS, "S", 1000);
        List<Long> readAtEachCommit = new ArrayList<>();
        List<Long> servedAtEachCommit = new ArrayList<>();

        DirectoryImportReport report = service.importCsv(DirectoryImportKind.COMPANIES, file, p -> {
            readAtEachCommit.add(p.bytesRead());
            servedAtEachCommit.add(file.served());
        });
        long total = file.served();
        log.info("{} rows, {} bytes imported in {} ms", ROWS, total, report.millis());

        assertThat(report.rowsRead()).isEqualTo(ROWS);
        assertThat(report.created()).isEqualTo(ROWS - ROWS / 1000);
        assertThat(report.rejected()).isEqualTo(ROWS / 1000);
        assertThat(report.problems()).hasSize(ROWS / 1000).first()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1001));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class))
                .isEqualTo(before + ROWS - ROWS / 1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company_technology t JOIN directory_company c "
                + "ON c.id = t.company_id WHERE c.ref LIKE 'S%'", Integer.class)).isPositive();

        // a commit after each batch of 500 rows, each when only a little more of the file had been read
        assertThat(total).isGreaterThan(15_000_000);
        assertThat(servedAtEachCommit).hasSizeGreaterThanOrEqualTo(ROWS / ImportBatches.BATCH).isSorted();
        assertThat(servedAtEachCommit.getFirst()).isLessThan(total / 50);
        assertThat(readAtEachCommit.getFirst()).isLessThan(total / 50);
        assertThat(readAtEachCommit.getLast()).isEqualTo(total);
    }
}
