package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadStatus;
import com.vetacrm.lead.LeadType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filters in the address bar: a copied link reproduces the view; a hand-edited one still opens. */
class LeadFilterStateTest {

    @Test
    void everyFilterSurvivesTheRoundTripThroughTheAddress() {
        LeadQuery q = new LeadQuery(true, 4L, 12L, Set.of(7L, 3L), "acme corp", "ES", 2L, LeadType.OPPORTUNITY,
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), 9L, LeadStatus.LOST);

        QueryParameters p = LeadFilterState.toParameters(q);

        assertThat(LeadFilterState.fromParameters(p)).isEqualTo(q);
        assertThat(p.getParameters()).containsEntry("q", java.util.List.of("acme corp"))
                .containsEntry("mine", java.util.List.of("1"))
                .containsEntry("tags", java.util.List.of("3,7"))
                .containsEntry("team", java.util.List.of("4"))
                .containsEntry("salesperson", java.util.List.of("12"))
                .containsEntry("country", java.util.List.of("ES"))
                .containsEntry("stage", java.util.List.of("2"))
                .containsEntry("type", java.util.List.of("OPPORTUNITY"))
                .containsEntry("from", java.util.List.of("2026-01-31"))
                .containsEntry("to", java.util.List.of("2026-02-28"))
                .containsEntry("request", java.util.List.of("9"))
                .containsEntry("status", java.util.List.of("LOST"));
        // and through the text of a link, as a browser would hand it back
        assertThat(LeadFilterState.fromParameters(QueryParameters.fromString(p.getQueryString()))).isEqualTo(q);
    }

    @Test
    void anUnfilteredViewHasAnEmptyAddressQuery() {
        QueryParameters p = LeadFilterState.toParameters(LeadQuery.all());

        assertThat(p.getParameters()).isEmpty();
        assertThat(LeadFilterState.fromParameters(p)).isEqualTo(LeadQuery.all());
    }

    @Test
    void searchTextWithReservedCharactersRoundTripsThroughTheLinkText() {
        LeadQuery q = LeadQuery.all().withText("Müller & Söhne = 100%");

        QueryParameters p = LeadFilterState.toParameters(q);

        assertThat(LeadFilterState.fromParameters(p)).isEqualTo(q);
        assertThat(LeadFilterState.fromParameters(QueryParameters.fromString(p.getQueryString()))).isEqualTo(q);
    }

    @Test
    void malformedValuesAreIgnoredNotFatal() {
        QueryParameters p = QueryParameters.simple(Map.of(
                "team", "abc", "salesperson", "-3", "tags", "1,x,,2", "country", "spain", "stage", "0",
                "type", "NOPE", "from", "31/01/2026", "to", "2026-13-01", "status", "gone", "mine", "yes"));

        LeadQuery q = LeadFilterState.fromParameters(p);

        assertThat(q.teamId()).isNull();
        assertThat(q.salespersonId()).isNull();
        assertThat(q.tagIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(q.countryCode()).isNull();
        assertThat(q.stageId()).isNull();
        assertThat(q.type()).isNull();
        assertThat(q.createdFrom()).isNull();
        assertThat(q.createdTo()).isNull();
        assertThat(q.status()).isEqualTo(LeadStatus.ACTIVE);
        assertThat(q.mine()).isFalse();
    }

    @Test
    void blankSearchMeansNoSearch() {
        LeadQuery q = LeadFilterState.fromParameters(QueryParameters.simple(Map.of("q", "   ")));

        assertThat(q.text()).isNull();
    }
}
