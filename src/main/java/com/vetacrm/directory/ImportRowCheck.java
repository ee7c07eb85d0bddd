package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the values of one import row, column by column, collecting every problem of the
 * row (not only the first) so the report tells everything to fix at once. Each reader returns the
 * value in the form Veta stores, or null when the cell is empty or wrong.
 */
final class ImportRowCheck {

    /** Refs are identifiers from other systems: ASCII letters and digits and a few separators, 1-64 characters. */
    static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,10}");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,15})(?:[.,](\\d{1,2}))?");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    final long line;
    private final ImportHeader header;
    private final List<String> values;
    private final List<Problem> problems = new ArrayList<>();
    private String ref;

    ImportRowCheck(long line, ImportHeader header, List<String> values) {
        this.line = line;
        this.header = header;
        this.values = values;
    }

    List<Problem> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    String ref() {
        return ref;
    }

    void fail(String column, String key, Object... args) {
        problems.add(ImportTally.problem(line, ref, column, key, args));
    }

    /** The raw (trimmed) value, null when empty or absent. */
    String raw(String column) {
        return header.value(values, column);
    }

    /** The row's ref in {@code column}: required, at most 64 characters of the allowed set. Remembered for the report. */
    String ref(String column) {
        String v = raw(column);
        ref = v;
        if (v == null) {
            fail(column, "directory.import.row.required", column);
            return null;
        }
        if (!REF.matcher(v).matches()) {
            fail(column, "directory.import.row.badRef", v);
            return null;
        }
        return v;
    }

    String text(String column, int maxLength, boolean required) {
        String v = raw(column);
        if (v == null) {
            if (required) {
                fail(column, "directory.import.row.required", column);
            }
            return null;
        }
        if (v.length() > maxLength) {
            fail(column, "directory.import.row.tooLong", column, maxLength);
            return null;
        }
        return v;
    }

    /** A whole number in [min, max]; {@code required} refuses an empty cell. */
    Integer whole(String column, int min, int max, boolean required) {
        String v = raw(column);
        if (v == null) {
            if (required) {
                fail(column, "directory.import.row.required", column);
            }
            return null;
        }
        if (!WHOLE.matcher(v).matches() || Long.parseLong(v) < min || Long.parseLong(v) > max) {
            fail(column, "directory.import.row.notWhole", column, v, min, max);
            return null;
        }
        return Integer.parseInt(v);
    }

    /** A non-negative amount, whole units (cents are rounded): digits, optionally "." or "," and 1-2 decimals. */
    BigDecimal amount(String column) {
        String v = raw(column);
        if (v == null) {
            return null;
        }
        var m = AMOUNT.matcher(v);
        if (!m.matches()) {
            fail(column, "directory.import.row.badAmount", column, v);
            return null;
        }
        BigDecimal amount = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)))
                .setScale(0, RoundingMode.HALF_UP);
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            fail(column, "directory.import.row.badAmount", column, v);
            return null;
        }
        return amount;
    }

    /** A code of a reference list (lower-case codes: industries, roles, seniorities). */
    String code(String column, Set<String> known, String unknownKey, boolean required) {
        String v = raw(column);
        if (v == null) {
            if (required) {
                fail(column, "directory.import.row.required", column);
            }
            return null;
        }
        String code = v.toLowerCase(Locale.ROOT);
        if (!known.contains(code)) {
            fail(column, unknownKey, v);
            return null;
        }
        return code;
    }

    /** An ISO 3166-1 alpha-2 country, upper case. */
    String country(String column, Set<String> countries) {
        String v = raw(column);
        if (v == null) {
            fail(column, "directory.import.row.required", column);
            return null;
        }
        String code = v.toUpperCase(Locale.ROOT);
        if (!countries.contains(code)) {
            fail(column, "directory.import.row.unknownCountry", v);
            return null;
        }
        return code;
    }

    /**
     * An ISO 3166-2 subdivision of the country: "ES-M", or only its part after the hyphen ("M"). Not
     * checked when the country itself was wrong (that problem is already reported).
     */
    String state(String column, String country, java.util.Map<String, String> stateCountry) {
        String v = raw(column);
        if (v == null || country == null) {
            return null;
        }
        String code = v.toUpperCase(Locale.ROOT);
        if (code.indexOf('-') < 0) {
            code = country + "-" + code;
        }
        if (!country.equals(stateCountry.get(code))) {
            fail(column, "directory.import.row.unknownState", v, country);
            return null;
        }
        return code;
    }

    /** A phone in E.164, read as a national number of the country when it has no "+". */
    String phone(String column, String country) {
        String v = raw(column);
        if (v == null) {
            return null;
        }
        var e164 = PhoneNumbers.toE164(v, country);
        if (e164.isEmpty()) {
            fail(column, "directory.import.row.badPhone", v, country == null ? "-" : country);
            return null;
        }
        return e164.get();
    }

    String email(String column) {
        String v = raw(column);
        if (v == null) {
            return null;
        }
        if (!WebAddresses.isValidEmail(v)) {
            fail(column, "directory.import.row.badEmail", v);
            return null;
        }
        return v;
    }

    /** An absolute http(s) address (a bare "linkedin.com/company/x" gets https://), at most 255 characters. */
    String url(String column) {
        String v = raw(column);
        if (v == null) {
            return null;
        }
        var url = WebAddresses.normaliseWebsite(v);
        if (url.isEmpty() || url.get().length() > 255) {
            fail(column, "directory.import.row.badUrl", column, v);
            return null;
        }
        return url.get();
    }
}
