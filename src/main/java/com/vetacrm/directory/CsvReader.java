package com.vetacrm.directory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CSV reader (RFC 4180 plus what spreadsheets write): one record at a time from a
 * {@link Reader}, never more than one record in memory. Values may be quoted with {@code "}, a quote
 * inside a quoted value is doubled ({@code ""}), and quoted values may hold the separator and line
 * breaks. Lines end with LF, CRLF or CR. Records are numbered by the physical line they start on
 * (the header is line 1), so a report can point at the line a text editor shows.
 * <p>
 * Lenient where spreadsheets are sloppy: a quote inside an unquoted value is kept as text, and text
 * after a closing quote is appended to the value. Strict where going on would import garbage: a record
 * longer than {@link #MAX_RECORD_CHARS} characters (usually a quote that is never closed) stops the
 * reading with a {@link CsvFormatException}, because no later line can be trusted to start a record.
 */
final class CsvReader {

    /** A record, the line it starts on, and whether it held characters that were not valid UTF-8 text. */
    record Record(long line, List<String> values, boolean invalidText) {

        boolean blank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /** The reading cannot continue at {@code line}; {@code reason} is a translation-key suffix. */
    static final class CsvFormatException extends Exception {

        private final long line;
        private final String reason;

        CsvFormatException(long line, String reason) {
            super(reason + " at line " + line);
            this.line = line;
            this.reason = reason;
        }

        long line() {
            return line;
        }

        String reason() {
            return reason;
        }
    }

    static final int MAX_RECORD_CHARS = 1_000_000;

    private static final int EOF = -1;

    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private boolean pendingLf;

    CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The next record that is not blank, or null at the end of the input. */
    Record next() throws IOException, CsvFormatException {
        while (true) {
            Record r = readRecord();
            if (r == null || !r.blank()) {
                return r;
            }
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    /** Reads one character, counting lines; a CRLF pair counts as one line break (the LF is swallowed). */
    private int readChar() throws IOException {
        int c = read();
        if (pendingLf) {
            pendingLf = false;
            if (c == '\n') {
                c = read();
            }
        }
        if (c == '\r') {
            pendingLf = true;
            line++;
            return '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private Record readRecord() throws IOException, CsvFormatException {
        long start = line;
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean invalid = false;
        int total = 0;
        int c = readChar();
        if (c == EOF) {
            return null;
        }
        while (true) {
            // one value
            value.setLength(0);
            if (c == '"') {
                while (true) {
                    c = readChar();
                    if (c == EOF) {
                        throw new CsvFormatException(start, "unclosedQuote");
                    }
                    if (c == '"') {
                        c = readChar();
                        if (c != '"') {
                            break;  // closing quote
                        }
                    }
                    invalid |= c == '\uFFFD' || c == 0;
                    value.append((char) c);
                    if (++total > MAX_RECORD_CHARS) {
                        throw new CsvFormatException(start, "recordTooLong");
                    }
                }
            }
            while (c != EOF && c != separator && c != '\n') {
                invalid |= c == '\uFFFD' || c == 0;
                value.append((char) c);
                if (++total > MAX_RECORD_CHARS) {
                    throw new CsvFormatException(start, "recordTooLong");
                }
                c = readChar();
            }
            values.add(value.toString());
            if (c == separator) {
                c = readChar();
                continue;
            }
            return new Record(start, values, invalid);
        }
    }
}
