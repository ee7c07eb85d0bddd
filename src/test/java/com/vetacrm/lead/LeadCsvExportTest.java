package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.admin.TagSummary;
import com.vetacrm.testsupport.DemoUsers;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The CSV export of the leads grid: every filtered row, not a page, in a file spreadsheets read right. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadCsvExportTest extends LeadServiceTestBase {

    private static final List<String> HEADER = List.of("id", "type", "name", "company", "contact", "email", "phone",
            "country", "salesperson", "team", "stage", "tags", "expected_revenue", "created_at", "status");

    @Test
    void exportWritesAHeaderAndEveryFilteredRowWithTrickyTextIntact() throws IOException {
        String w = unique();
        long team = salesTeam();
        List<TagSummary> tags = tagList();
        TagSummary tag = tags.getFirst();
        TagSummary otherTag = tags.get(1);
        List<String> tricky = List.of(
                w + " \"Quoted\" Co, Ltd.",
                w + " first line\nsecond line",
                w + " Ñandú Café, S.L. — Müller & Söhne ☕",
                w + " trailing comma,",
                w + " =1+2 'formula'");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = i < tricky.size() ? tricky.get(i) : w + " lead " + i;
            int n = i;
            created.add(create(name, team, d -> {
                d.setTagIds(n % 2 == 0 ? Set.of(tag.id(), otherTag.id()) : Set.of(tag.id()));
                d.setPartnerName("Company \"" + n + "\", Inc.");
                d.setCountryCode("ES");
                d.setPhone("911 23 45 67");
                d.setExpectedRevenue(new BigDecimal(n));
            }).id());
        }
        long untagged = create(w + " without the tag", team).id();

        String csv = export(LeadQuery.all().withText(w).withTags(Set.of(tag.id())));

        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(120);
        Map<Long, CSVRecord> byId = records.stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get("id")), Function.identity()));
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(created).doesNotContain(untagged);
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(byId.get(created.get(i)).get("name")).isEqualTo(tricky.get(i));
        }
        CSVRecord first = byId.get(created.getFirst());
        assertThat(first.get("company")).isEqualTo("Company \"0\", Inc.");
        assertThat(first.get("type")).isEqualTo("LEAD");
        assertThat(first.get("phone")).isEqualTo("+34911234567");
        assertThat(first.get("country")).isEqualTo("ES");
        assertThat(first.get("salesperson")).isEqualTo(displayName(DemoUsers.MANAGER));
        assertThat(first.get("stage")).isEqualTo(firstStage().name());
        assertThat(first.get("tags").split(", ")).containsExactlyInAnyOrder(tag.name(), otherTag.name());
        assertThat(new BigDecimal(first.get("expected_revenue"))).isEqualByComparingTo("0");
        assertThat(Instant.parse(first.get("created_at"))).isBeforeOrEqualTo(Instant.now());
        assertThat(first.get("status")).isEqualTo("ACTIVE");
        assertThat(byId.get(created.get(7)).get("tags")).isEqualTo(tag.name());
    }

    @Test
    void exportOfNothingIsTheHeaderOnly() throws IOException {
        String csv = export(LeadQuery.all().withText(unique()));

        assertThat(csv).startsWith("\uFEFF");
        assertThat(parse(csv)).isEmpty();
        assertThat(csv.substring(1).strip()).isEqualTo(String.join(",", HEADER));
    }

    @Test
    void exportOfLostRecordsSaysSo() throws IOException {
        String w = unique();
        long team = salesTeam();
        long lost = create(w + " lost", team).id();
        create(w + " active", team);
        leads.markLost(lost, "Chose a competitor");

        List<CSVRecord> records = parse(export(LeadQuery.all().withText(w).withStatus(LeadStatus.LOST)));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo(Long.toString(lost));
            assertThat(r.get("status")).isEqualTo("LOST");
        });
    }

    @Test
    void salespersonExportsOnlyTheirTeamsRecords() throws IOException {
        String w = unique();
        long own = create(w + " own", salesTeam()).id();
        create(w + " other team", otherTeam());

        List<CSVRecord> records = as(DemoUsers.SALES, () -> {
            try {
                return parse(export(LeadQuery.all().withText(w)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(records).extracting(r -> Long.parseLong(r.get("id"))).containsExactly(own);
    }

    private String export(LeadQuery query) {
        StringWriter out = new StringWriter();
        leads.exportCsv(query, out);
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        assertThat(csv).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(HEADER);
            return parser.getRecords();
        }
    }
}
