package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** The SQL building blocks of the read side, without a database. */
class LeadQueriesTest {

    private static final LeadScope MANAGER = new LeadScope(1, "Manager", true, List.of());
    private static final LeadScope ONE_TEAM = new LeadScope(2, "Sales", false, List.of(7L));
    private static final LeadScope TWO_TEAMS = new LeadScope(3, "Sales", false, List.of(7L, 8L));
    private static final LeadScope NO_TEAM = new LeadScope(4, "Loner", false, List.of());

    @Test
    void likeWildcardsAndTheEscapeCharacterAreEscaped() {
        assertThat(LeadQueries.escapeLike("50%")).isEqualTo("50\\%");
        assertThat(LeadQueries.escapeLike("a_b")).isEqualTo("a\\_b");
        assertThat(LeadQueries.escapeLike("c:\\temp")).isEqualTo("c:\\\\temp");
        assertThat(LeadQueries.escapeLike("\\%")).isEqualTo("\\\\\\%");
        assertThat(LeadQueries.escapeLike("plain text")).isEqualTo("plain text");
    }

    @Test
    void whitelistedSortPropertiesBecomeColumnsWithTheIdAsTieBreaker() {
        assertThat(LeadQueries.orderBy(Sort.by("name"))).isEqualTo("l.name ASC, l.id DESC");
        assertThat(LeadQueries.orderBy(Sort.by(Sort.Direction.DESC, "expectedRevenue", "createdAt")))
                .isEqualTo("l.expected_revenue DESC, l.created_at DESC, l.id DESC");
        assertThat(LeadQueries.orderBy(Sort.by("stageName"))).isEqualTo("s.sequence ASC, l.id DESC");
    }

    @Test
    void unknownSortPropertiesAreIgnored() {
        assertThat(LeadQueries.orderBy(Sort.unsorted())).isEqualTo("l.created_at DESC, l.id DESC");
        assertThat(LeadQueries.orderBy(Sort.by("password"))).isEqualTo("l.created_at DESC, l.id DESC");
        assertThat(LeadQueries.orderBy(Sort.by("name; DROP TABLE crm_lead; --")))
                .isEqualTo("l.created_at DESC, l.id DESC");
        assertThat(LeadQueries.orderBy(Sort.by("nope").and(Sort.by("name")))).isEqualTo("l.name ASC, l.id DESC");
    }

    @Test
    void managerIsNotLimitedToATeam() {
        LeadQueries.Where w = LeadQueries.where(LeadQuery.all(), MANAGER, false);
        assertThat(w.sql()).isEqualTo("l.active = 1");
        assertThat(w.params()).isEmpty();
    }

    @Test
    void salespersonIsLimitedToTheirTeams() {
        LeadQueries.Where one = LeadQueries.where(LeadQuery.all(), ONE_TEAM, false);
        assertThat(one.sql()).contains("l.team_id = :scopeTeam");
        assertThat(one.params()).containsEntry("scopeTeam", 7L);

        LeadQueries.Where two = LeadQueries.where(LeadQuery.all(), TWO_TEAMS, false);
        assertThat(two.sql()).contains("l.team_id IN (:scopeTeams)");
        assertThat(two.params()).containsEntry("scopeTeams", List.of(7L, 8L));
    }

    @Test
    void salespersonWithoutATeamSeesNothing() {
        assertThat(LeadQueries.where(LeadQuery.all(), NO_TEAM, false).sql()).contains("1 = 0");
    }

    @Test
    void statusSelectsActiveLostOrArchivedRecords() {
        assertThat(LeadQueries.where(LeadQuery.all().withStatus(LeadStatus.LOST), MANAGER, false).sql())
                .isEqualTo("l.active = 0 AND l.lost_at IS NOT NULL");
        assertThat(LeadQueries.where(LeadQuery.all().withStatus(LeadStatus.ARCHIVED), MANAGER, false).sql())
                .isEqualTo("l.active = 0 AND l.lost_at IS NULL");
    }

    @Test
    void textIsSearchedAsALiteralSubstring() {
        LeadQueries.Where w = LeadQueries.where(LeadQuery.all().withText("  50%_off "), MANAGER, false);
        assertThat(w.params()).containsEntry("text", "%50\\%\\_off%");
    }

    @Test
    void createdRangeIncludesBothDays() {
        LeadQueries.Where w = LeadQueries.where(
                LeadQuery.all().withCreated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), MANAGER, false);
        assertThat(w.params()).containsEntry("createdFrom", LocalDateTime.of(2026, 3, 1, 0, 0))
                .containsEntry("createdTo", LocalDateTime.of(2026, 4, 1, 0, 0));
        assertThat(w.sql()).contains("l.created_at >= :createdFrom", "l.created_at < :createdTo");
    }

    @Test
    void pipelineShowsActiveRecordsAndIgnoresTheGridOnlyFilters() {
        LeadQuery q = LeadQuery.all().withStatus(LeadStatus.LOST).withStage(5L).withType(LeadType.OPPORTUNITY)
                .withCreated(LocalDate.of(2026, 1, 1), null).withTags(Set.of(3L)).withText("acme");
        LeadQueries.Where w = LeadQueries.where(q, MANAGER, true);
        assertThat(w.sql()).startsWith("l.active = 1").contains("lead_tag", "l.name LIKE :text")
                .doesNotContain(":stage", ":type", ":createdFrom");
    }

    @Test
    void queryNormalisesItsInput() {
        LeadQuery q = new LeadQuery(false, null, null, null, "   ", null, null, null, null, null, null, null);
        assertThat(q.tagIds()).isEmpty();
        assertThat(q.text()).isNull();
        assertThat(q.status()).isEqualTo(LeadStatus.ACTIVE);
        assertThat(LeadQuery.all().withText("  Acme  ").text()).isEqualTo("Acme");
    }
}
