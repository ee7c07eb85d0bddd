package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryImportReport.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The running counts of an import and its problems, of which only the first
 * {@link DirectoryImportService#MAX_LISTED_PROBLEMS} are kept (the rest are counted), so a file of
 * bad rows cannot fill the memory.
 */
final class ImportTally {

    private static final int MAX_ARG_CHARS = 80;

    long rowsRead;
    long created;
    long updated;
    long rejected;
    private final int maxListed;
    private final List<Problem> problems = new ArrayList<>();
    private long notListed;

    ImportTally(int maxListed) {
        this.maxListed = maxListed;
    }

    /** A problem of a row; texts among the arguments are shortened so a long bad value stays readable. */
    static Problem problem(long line, String ref, String column, String key, Object... args) {
        return new Problem(line, ref == null ? null : shorten(ref), column, key,
                Arrays.stream(args).map(a -> a == null ? "" : a instanceof String s ? shorten(s) : a).toList());
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ARG_CHARS ? s : s.substring(0, MAX_ARG_CHARS - 1) + "…";
    }

    /** A row refused for these problems. */
    void reject(List<Problem> rowProblems) {
        rejected++;
        rowProblems.forEach(this::add);
    }

    void add(Problem p) {
        if (problems.size() < maxListed) {
            problems.add(p);
        } else {
            notListed++;
        }
    }

    List<Problem> problemsInLineOrder() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(Problem::line));
        return sorted;
    }

    long notListed() {
        return notListed;
    }

    DirectoryImportProgress progress(long bytesRead) {
        return new DirectoryImportProgress(bytesRead, rowsRead, created, updated, rejected);
    }
}
