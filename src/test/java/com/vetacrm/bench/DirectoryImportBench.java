package com.vetacrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryImportKind;
import com.vetacrm.directory.DirectoryImportReport;
import com.vetacrm.directory.DirectoryImportService;
import com.vetacrm.directory.GeneratedCompaniesCsv;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * How long the directory CSV import takes for {@code veta.bench.import-rows} companies (default 100,000,
 * about 34 MB) generated while they are read: once into an empty part of the directory (every row creates
 * a company with its technologies), once more with the same file (every row updates), with the live heap
 * after a full collection at every quarter of the file (the collections are not in the import's time, roughly:
 * four of them). Not part of the test
 * run: only the {@code bench} profile runs it, e.g. {@code ./mvnw -o -Pbench test -Dtest=DirectoryImportBench};
 * see docs/performance.md. Prints figures and writes them to target/bench/directory-import.txt.
 */
@Tag("bench")
@WithUserDetails(DemoUsers.ADMIN)
class DirectoryImportBench extends ServiceTest {

    private static final int ROWS = Integer.getInteger("veta.bench.import-rows", 100_000);

    @Autowired
    DirectoryImportService service;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importAHundredThousandCompanies() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Directory CSV import, %,d generated companies, %d processors, max heap %,d MB%n",
                ROWS, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        for (String run : new String[] {"first import (creates)", "same file again (updates)"}) {
            GeneratedCompaniesCsv file = new GeneratedCompaniesCsv(ROWS, "BENCH", 0);
            List<String> heap = new ArrayList<>();
            long[] nextSample = {0};
            long started = System.nanoTime();
            DirectoryImportReport report = service.importCsv(DirectoryImportKind.COMPANIES, file, p -> {
                if (p.rowsRead() >= nextSample[0]) {
                    // live heap after a full collection: flat while the file goes through if nothing accumulates
                    System.gc();
                    heap.add(String.format(Locale.ROOT, "%,d rows %,d MB", p.rowsRead(),
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20));
                    nextSample[0] += ROWS / 4;
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            out.append(String.format(Locale.ROOT, "%-28s %,d bytes, %,d rows: %,d created, %,d updated, %,d rejected in %.1f s (%,.0f rows/s, %.1f MB/s)%n",
                    run, file.served(), report.rowsRead(), report.created(), report.updated(), report.rejected(), seconds,
                    report.rowsRead() / seconds, file.served() / 1e6 / seconds));
            out.append("    live heap after GC: ").append(String.join(" · ", heap)).append(System.lineSeparator());
            assertThat(report.rejected()).isZero();
            assertThat(report.rowsRead()).isEqualTo(ROWS);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE ref LIKE 'BENCH%'", Integer.class))
                .isEqualTo(ROWS);
        System.out.print(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("directory-import.txt"), out, StandardCharsets.UTF_8);
    }
}
