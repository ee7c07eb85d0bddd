package com.vetacrm.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryImportKind;
import com.vetacrm.directory.DirectoryImportReport;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The downloadable report: a CSV row per problem, the early stop and the unlisted problems, formula-safe. */
class ImportReportCsvTest {

    @Test
    void everyProblemIsARowWithItsLineRefColumnAndReason() throws IOException {
        DirectoryImportReport report = new DirectoryImportReport(DirectoryImportKind.COMPANIES, ';', 12_003, 2, 0,
                12_001, List.of(
                        new Problem(3, "=HYPERLINK(\"x\")", "email", "directory.import.row.badEmail", List.of("a, b")),
                        new Problem(7, null, null, "directory.import.row.valueCount", List.of(5, 6))),
                11_999, List.of(), new Problem(9, null, null, "directory.import.stop.unclosedQuote", List.of(9L, 10)),
                1_000);
        StringWriter out = new StringWriter();

        ImportReportCsv.write(report, (key, args) -> key + Arrays.toString(args), out);

        assertThat(out.toString()).isEqualTo("\uFEFF"
                + "directory.import.column.line[],directory.import.column.ref[],directory.import.column.column[],"
                + "directory.import.column.reason[]\r\n"
                + "3,\"'=HYPERLINK(\"\"x\"\")\",email,\"directory.import.row.badEmail[a, b]\"\r\n"
                + "7,,,\"directory.import.row.valueCount[5, 6]\"\r\n"
                + "9,,,\"directory.import.stop.unclosedQuote[9, 10]\"\r\n"
                + "\"\",,,\"directory.import.notListed[11999, 10000]\"\r\n");
    }
}
