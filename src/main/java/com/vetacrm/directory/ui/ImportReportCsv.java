package com.vetacrm.directory.ui;

import com.vetacrm.directory.DirectoryImportReport;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The import report as CSV, in the reader's language: a row per problem (line, ref, column, reason),
 * then why the reading stopped early and how many problems were not listed, if so. UTF-8 with a
 * byte-order mark and formula-safe text cells, like the leads export (decision 33): refs and values come
 * from the uploaded file.
 */
final class ImportReportCsv {

    private ImportReportCsv() {
    }

    static void write(DirectoryImportReport report, BiFunction<String, Object[], String> translate, Writer out)
            throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = CSVFormat.RFC4180.builder()
                .setHeader(translate.apply("directory.import.column.line", new Object[0]),
                        translate.apply("directory.import.column.ref", new Object[0]),
                        translate.apply("directory.import.column.column", new Object[0]),
                        translate.apply("directory.import.column.reason", new Object[0]))
                .get().print(out);
        if (report != null) {
            for (Problem p : report.problems()) {
                row(csv, p, translate);
            }
            if (report.stoppedBy() != null) {
                row(csv, report.stoppedBy(), translate);
            }
            if (report.problemsNotListed() > 0) {
                csv.printRecord("", "", "", cell(translate.apply("directory.import.notListed",
                        new Object[] {report.problemsNotListed(), com.vetacrm.directory.DirectoryImportService.MAX_LISTED_PROBLEMS})));
            }
        }
        csv.flush();
    }

    private static void row(CSVPrinter csv, Problem p, BiFunction<String, Object[], String> translate)
            throws IOException {
        csv.printRecord(p.line() > 0 ? p.line() : "", cell(p.ref()), p.column() == null ? "" : p.column(),
                cell(translate.apply(p.messageKey(), p.argsArray())));
    }

    /** A text cell a spreadsheet will not run as a formula. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
