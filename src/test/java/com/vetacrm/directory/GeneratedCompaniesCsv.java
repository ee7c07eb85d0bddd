package com.vetacrm.directory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A companies CSV file of {@code rows} rows made up while it is read, one line at a time: a large upload
 * that is never held in memory, neither by the test nor (it is the point) by the import. Rows are valid
 * and varied (five countries with a state, national phone numbers, technologies, a description of about
 * 150 characters, so about 340 bytes a row); {@code badEvery} > 0 makes every n-th row lack its name.
 * Counts the bytes handed out, so a test can see how much of the file had been read at a given moment.
 */
public final class GeneratedCompaniesCsv extends InputStream {

    public static final String HEADER = "ref,name,legal_name,domain,description,industry,employees,annual_revenue,"
            + "founded_year,phone,email,street,city,zip,country,state,company_type,technologies\n";

    private static final String[][] PLACES = {
            {"ES", "M", "912 345 678", "Calle Mayor", "Madrid", "28013"},
            {"US", "CA", "(650) 253-0000", "Amphitheatre Parkway", "Mountain View", "94043"},
            {"DE", "BE", "030 1234567", "Unter den Linden", "Berlin", "10117"},
            {"FR", "IDF", "01 23 45 67 89", "Rue de Rivoli", "Paris", "75001"},
            {"MX", "CMX", "55 1234 5678", "Paseo de la Reforma", "Ciudad de México", "06600"}};
    private static final String[] INDUSTRIES = {"software_services", "retailing", "capital_goods", "media",
            "transportation", "real_estate", "banks_insurance"};
    private static final String[] TECHNOLOGIES = {"wordpress|google_analytics", "shopify|stripe", "hubspot",
            "salesforce|google_analytics|stripe", ""};

    private final long rows;
    private final String prefix;
    private final int badEvery;
    private long next;
    private byte[] line = HEADER.getBytes(StandardCharsets.UTF_8);
    private int position;
    private long served;

    public GeneratedCompaniesCsv(long rows, String prefix, int badEvery) {
        this.rows = rows;
        this.prefix = prefix;
        this.badEvery = badEvery;
    }

    /** Bytes handed out so far. */
    public long served() {
        return served;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        served++;
        return line[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len && fill()) {
            int k = Math.min(len - n, line.length - position);
            System.arraycopy(line, position, b, off + n, k);
            position += k;
            n += k;
        }
        served += n;
        return n == 0 ? -1 : n;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        if (next >= rows) {
            return false;
        }
        line = row(next++).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private String row(long i) {
        String[] place = PLACES[(int) (i % PLACES.length)];
        String ref = prefix + String.format(Locale.ROOT, "%08d", i);
        String label = prefix.toLowerCase(Locale.ROOT) + i;
        boolean bad = badEvery > 0 && i % badEvery == badEvery - 1;
        String name = bad ? "" : "Compañía " + prefix + " " + i;
        return String.join(",", ref, name, "\"" + name + ", S.L.\"", label + ".example.com",
                "\"Makes and sells things in " + place[4] + " since " + (1950 + i % 70)
                        + "; a made-up company of a generated import file, number " + i + ".\"",
                INDUSTRIES[(int) (i % INDUSTRIES.length)], String.valueOf(1 + (i * 7919) % 5000),
                String.valueOf(100_000 + (i * 104_729) % 90_000_000), String.valueOf(1950 + i % 70), place[2],
                "info@" + label + ".example.com", "\"" + place[3] + " " + (1 + i % 200) + "\"", place[4], place[5],
                place[0], place[1], i % 10 == 0 ? "PUBLIC" : "PRIVATE", TECHNOLOGIES[(int) (i % TECHNOLOGIES.length)])
                + "\n";
    }
}
