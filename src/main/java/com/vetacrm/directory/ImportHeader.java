package com.vetacrm.directory;

import com.vetacrm.shared.BusinessRuleException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of an import file mapped to the columns of its kind: where each known column is,
 * which cells were not understood (ignored, and listed in the report), and the refusals that make the
 * file unusable before any row is read: a required column missing, a column named twice, or a
 * file of the other kind.
 */
final class ImportHeader {

    private final DirectoryImportKind kind;
    private final Map<String, Integer> index;
    private final List<String> ignored;
    private final int width;

    private ImportHeader(DirectoryImportKind kind, Map<String, Integer> index, List<String> ignored, int width) {
        this.kind = kind;
        this.index = index;
        this.ignored = ignored;
        this.width = width;
    }

    static ImportHeader of(DirectoryImportKind kind, List<String> cells) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String column = kind.canonical(cell);
            if (column == null) {
                ignored.add(cell.length() > 64 ? cell.substring(0, 64) + "…" : cell);
            } else if (index.putIfAbsent(column, i) != null) {
                throw new BusinessRuleException("directory.import.error.duplicateColumn", column);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : kind.requiredColumns()) {
            boolean present = index.containsKey(required)
                    || required.equals("domain") && index.containsKey("website");
            if (!present) {
                missing.add(required.equals("domain") ? "domain / website" : required);
            }
        }
        if (!missing.isEmpty()) {
            DirectoryImportKind other = kind == DirectoryImportKind.COMPANIES
                    ? DirectoryImportKind.CONTACTS : DirectoryImportKind.COMPANIES;
            if (looksLike(other, cells)) {
                throw new BusinessRuleException(other == DirectoryImportKind.CONTACTS
                        ? "directory.import.error.contactsFile" : "directory.import.error.companiesFile");
            }
            throw new BusinessRuleException("directory.import.error.missingColumns", String.join(", ", missing));
        }
        // the last named column: trailing empty header cells (spreadsheets add them) are not part of the width
        int width = cells.size();
        while (width > 0 && cells.get(width - 1).isBlank()) {
            width--;
        }
        return new ImportHeader(kind, index, List.copyOf(ignored), width);
    }

    private static boolean looksLike(DirectoryImportKind kind, List<String> cells) {
        List<String> canonical = cells.stream().map(kind::canonical).toList();
        return kind.requiredColumns().stream().filter(c -> !c.equals("domain")).allMatch(canonical::contains);
    }

    DirectoryImportKind kind() {
        return kind;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    List<String> ignored() {
        return ignored;
    }

    /** How many values a row must have: up to the last named header cell. */
    int width() {
        return width;
    }

    /** The column's value in a row, trimmed; null when the column is absent or the value empty. */
    String value(List<String> values, String column) {
        Integer i = index.get(column);
        if (i == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
