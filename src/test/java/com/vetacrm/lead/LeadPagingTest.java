package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The grid's pages, whichever way LeadQueries finds them (ids first for the lead's own columns, one query for
 * names of other tables): page after page gives the rows of one long page, in the same order, with their
 * names and tags, whatever the sort.
 */
class LeadPagingTest extends LeadServiceTestBase {

    @Test
    void pageAfterPageIsTheSameAsOnePageForEverySort() {
        String w = unique();
        long team = salesTeam();
        long tag = tagList().getFirst().id();
        as(DemoUsers.MANAGER, () -> {
            for (int i = 0; i < 11; i++) {
                int n = i;
                create(w + " " + (char) ('A' + (n * 7) % 11), team, d -> {
                    d.setExpectedRevenue(BigDecimal.valueOf(n % 4));
                    d.setStageId(n % 2 == 0 ? firstStage().id() : secondStage().id());
                    d.setTagIds(n % 3 == 0 ? Set.of(tag) : Set.of());
                });
            }
        });
        LeadQuery query = LeadQuery.all().withText(w);
        List<Sort> sorts = List.of(Sort.unsorted(), Sort.by("name"), Sort.by(Sort.Direction.DESC, "expectedRevenue"),
                Sort.by("stageName"), Sort.by("teamName").and(Sort.by(Sort.Direction.DESC, "salespersonName")),
                Sort.by("createdAt"));
        as(DemoUsers.MANAGER, () -> {
            for (Sort sort : sorts) {
                List<LeadRow> whole = leads.findLeads(query, PageRequest.of(0, 50, sort));
                assertThat(whole).as("%s", sort).hasSize(11);
                List<LeadRow> paged = new ArrayList<>();
                for (int page = 0; page < 4; page++) {
                    paged.addAll(leads.findLeads(query, PageRequest.of(page, 3, sort)));
                }
                assertThat(paged).as("%s", sort).containsExactlyElementsOf(whole);
            }
            List<LeadRow> tagged = leads.findLeads(query.withTags(Set.of(tag)), PageRequest.of(1, 2));
            assertThat(tagged).hasSize(2).allSatisfy(r -> {
                assertThat(r.tags()).extracting(t -> t.id()).containsExactly(tag);
                assertThat(r.stageName()).isNotBlank();
                assertThat(r.teamName()).isNotBlank();
            });
        });
    }
}
