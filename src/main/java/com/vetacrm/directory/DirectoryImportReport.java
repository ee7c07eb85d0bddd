package com.vetacrm.directory;

import java.util.List;

/**
 * What an import did: rows read, created, updated and rejected, the problems found (each with the
 * line it is on, the row's ref, the column and a translatable reason), the header cells that were
 * not understood, and, when the reading had to stop early, why. At most
 * {@link DirectoryImportService#MAX_LISTED_PROBLEMS} problems are listed; {@code problemsNotListed}
 * counts the rest.
 *
 * @param kind              companies or contacts
 * @param separator         the separator found in the header line
 * @param rowsRead          data rows read (blank lines not counted)
 * @param created           rows that created a company or contact
 * @param updated           rows that updated an existing one (matched by ref, or by the contact rules)
 * @param rejected          rows not imported
 * @param problems          the first problems, in line order
 * @param problemsNotListed problems beyond the listed ones
 * @param ignoredColumns    header cells that name no known column
 * @param stoppedBy         why the reading stopped before the end of the file, or null when it read it all
 * @param millis            how long the import took
 */
public record DirectoryImportReport(DirectoryImportKind kind, char separator, long rowsRead, long created, long updated,
        long rejected, List<Problem> problems, long problemsNotListed, List<String> ignoredColumns, Problem stoppedBy,
        long millis) {

    public DirectoryImportReport {
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** True when every line of the file was read (some rows may still have been rejected). */
    public boolean complete() {
        return stoppedBy == null;
    }

    /**
     * One problem of one row.
     *
     * @param line       the line of the file the row starts on (the header is line 1)
     * @param ref        the row's ref (the company's; for a contact, its company_ref), may be null
     * @param column     the column at fault, or null for the whole row
     * @param messageKey translation key of the reason
     * @param args       its arguments (texts shortened to 80 characters)
     */
    public record Problem(long line, String ref, String column, String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
