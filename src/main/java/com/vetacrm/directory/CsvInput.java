package com.vetacrm.directory;

import com.vetacrm.shared.BusinessRuleException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens an uploaded stream as CSV text without reading it whole: looks at its first 64 KB to refuse
 * what is not a UTF-8 text file (images, archives and workbooks, PDFs, UTF-16 or Windows-1252 text),
 * skips a byte-order mark, and picks the separator (comma or semicolon) from the header line. Only
 * then does a {@link CsvReader} stream the rest. Counts the bytes taken from the source for progress.
 */
final class CsvInput {

    static final int SNIFF_BYTES = 64 * 1024;

    private final CountingInputStream counted;
    private final CsvReader reader;
    private final char separator;

    private CsvInput(CountingInputStream counted, CsvReader reader, char separator) {
        this.counted = counted;
        this.reader = reader;
        this.separator = separator;
    }

    CsvReader reader() {
        return reader;
    }

    char separator() {
        return separator;
    }

    /** Bytes taken from the source so far (a little ahead of the records read: buffers). */
    long bytesRead() {
        return counted.count;
    }

    /**
     * Checks the beginning of the stream and prepares the reader; refuses, before anything is imported,
     * a stream that is empty, binary or not UTF-8 ({@link BusinessRuleException}).
     */
    static CsvInput open(InputStream source) throws IOException {
        CountingInputStream counted = new CountingInputStream(source);
        BufferedInputStream in = new BufferedInputStream(counted, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int n = head.length;
        boolean whole = n < SNIFF_BYTES;

        String kind = binaryKind(head, n);
        if (kind != null) {
            throw new BusinessRuleException("directory.import.error.notCsv." + kind);
        }
        int bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = decodeStrict(head, bom, n - bom, whole);
        if (text == null) {
            throw new BusinessRuleException("directory.import.error.notUtf8");
        }
        if (text.isBlank()) {
            throw new BusinessRuleException("directory.import.error.empty");
        }
        char separator = separator(text);
        if (bom > 0) {
            in.skipNBytes(bom);
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);  // malformed input becomes U+FFFD
        return new CsvInput(counted, new CsvReader(reader, separator), separator);
    }

    /** What a file is when it is plainly not text, as a translation-key suffix; null for text. */
    static String binaryKind(byte[] b, int n) {
        if (starts(b, n, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF) || starts(b, n, 'G', 'I', 'F', '8')) {
            return "image";
        }
        if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6)) {
            return "zip";
        }
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "xls";
        }
        if (starts(b, n, '%', 'P', 'D', 'F')) {
            return "pdf";
        }
        if (starts(b, n, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (starts(b, n, 0xFE, 0xFF) || starts(b, n, 0xFF, 0xFE)) {
            return "utf16";
        }
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return "binary";
            }
        }
        return null;
    }

    private static boolean starts(byte[] b, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes as UTF-8 text, or null when they are not UTF-8. When the sample is cut from a longer
     * stream, a character split by the cut is not an error.
     */
    static String decodeStrict(byte[] b, int offset, int length, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(b, offset, length);
        CharBuffer chars = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(bytes, chars, whole);
        if (result.isError()) {
            return null;
        }
        if (whole) {
            if (decoder.flush(chars).isError()) {
                return null;
            }
        } else if (bytes.remaining() > 3) {
            return null;
        }
        chars.flip();
        return chars.toString();
    }

    /** Semicolon when the header line has more semicolons than commas outside quotes, else comma. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons > 0) {
                    break;  // the header line (blank lines before it do not count)
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Bytes taken from the source, for progress. */
    private static final class CountingInputStream extends FilterInputStream {

        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
