package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.shared.BusinessRuleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming CSV reader and the checks on the start of an upload, without Spring or a database. */
class CsvReaderTest {

    private static List<CsvReader.Record> all(String text, char separator) throws Exception {
        CsvReader reader = new CsvReader(new StringReader(text), separator);
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void recordsKeepTheLineTheyStartOnWhateverTheLineEndings() throws Exception {
        List<CsvReader.Record> records = all("a,b\r\"x\ny\",z\r\n\r\n,,\nlast,\"q\"\"uote\"", ',');
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 6L);
        assertThat(records.get(0).values()).containsExactly("a", "b");
        assertThat(records.get(1).values()).containsExactly("x\ny", "z");
        assertThat(records.get(2).values()).containsExactly("last", "q\"uote");
    }

    @Test
    void sloppyQuotesAreKeptAsText() throws Exception {
        assertThat(all("5\" screen,\"quoted\" tail;x\n", ',').getFirst().values())
                .containsExactly("5\" screen", "quoted tail;x");
        assertThat(all("a;\"b;c\";d\n", ';').getFirst().values()).containsExactly("a", "b;c", "d");
    }

    @Test
    void anUnclosedQuoteOrAHugeRecordStopsTheReading() throws Exception {
        CsvReader unclosed = new CsvReader(new StringReader("h\nok\n\"never\nclosed\n"), ',');
        unclosed.next();
        unclosed.next();
        assertThatThrownBy(unclosed::next).isInstanceOf(CsvReader.CsvFormatException.class)
                .satisfies(e -> assertThat(((CsvReader.CsvFormatException) e).line()).isEqualTo(3))
                .satisfies(e -> assertThat(((CsvReader.CsvFormatException) e).reason()).isEqualTo("unclosedQuote"));
        String huge = "\"" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 1) + "\"\n";
        assertThatThrownBy(() -> all(huge, ',')).isInstanceOf(CsvReader.CsvFormatException.class)
                .satisfies(e -> assertThat(((CsvReader.CsvFormatException) e).reason()).isEqualTo("recordTooLong"));
    }

    @Test
    void theSeparatorIsTheOneTheHeaderLineHasMoreOfOutsideQuotes() {
        assertThat(CsvInput.separator("a;b;c\n1,5;2,5;3\n")).isEqualTo(';');
        assertThat(CsvInput.separator("\"a;b\",c\n")).isEqualTo(',');
        assertThat(CsvInput.separator("\n\nref;name\n")).isEqualTo(';');
        assertThat(CsvInput.separator("ref\n")).isEqualTo(',');
    }

    @Test
    void aCharacterCutByTheEndOfTheSampleIsNotAnEncodingError() {
        byte[] text = "ab\u00e9".getBytes(StandardCharsets.UTF_8);  // é is two bytes
        assertThat(CsvInput.decodeStrict(text, 0, text.length - 1, false)).isEqualTo("ab");
        assertThat(CsvInput.decodeStrict(text, 0, text.length - 1, true)).isNull();
        byte[] latin1 = "caf\u00e9,x".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CsvInput.decodeStrict(latin1, 0, latin1.length, false)).isNull();
    }

    @Test
    void openingSkipsTheByteOrderMarkAndRefusesBinaryContent() throws IOException, CsvReader.CsvFormatException {
        CsvInput input = CsvInput.open(new ByteArrayInputStream("\uFEFFref;name\r\n1;A\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(input.separator()).isEqualTo(';');
        assertThat(input.reader().next().values()).containsExactly("ref", "name");
        assertThat(input.reader().next().values()).containsExactly("1", "A");
        assertThat(input.reader().next()).isNull();

        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CsvInput.open(new ByteArrayInputStream(pdf))).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("directory.import.error.notCsv.pdf");
    }

    @Test
    void seenKeysRememberTheFirstLineOfEveryKeyAcrossGrowth() {
        SeenKeys seen = new SeenKeys();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.firstLine("ref-" + i, i + 2)).isZero();
        }
        assertThat(seen.size()).isEqualTo(100_000);
        assertThat(seen.firstLine("ref-0", 200_000)).isEqualTo(2);
        assertThat(seen.firstLine("ref-99999", 200_001)).isEqualTo(100_001);
        assertThat(seen.size()).isEqualTo(100_000);
    }
}
