package com.vetacrm.mining.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.lead.ui.LeadsView;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningState;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.shell.NotFoundView;
import com.vetacrm.testsupport.DemoUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Lead Mining Requests, a request's page, and who sees Generate Leads (DESIGN §2 M4, §1). */
@WithUserDetails(DemoUsers.MANAGER)
class MiningRequestsViewTest extends MiningUiTestBase {

    @Autowired
    TeamService teams;

    private MiningForm form(String country, String industry, int leads) {
        MiningForm f = mining.newForm();
        f.setCountries(Set.of(country));
        f.setIndustries(Set.of(industry));
        f.setLeadNumber(leads);
        return f;
    }

    /** Submits and waits for the job (without a page to push to). */
    private MiningRequestRow finished(MiningForm f) {
        MiningRequestRow row = mining.submit(f, null);
        org.awaitility.Awaitility.await().pollInSameThread().atMost(WAIT)
                .until(() -> mining.findRequest(row.id()).orElseThrow().state().finished());
        return mining.findRequest(row.id()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<MiningRequestRow> grid() {
        return $(Grid.class).id("mining-requests-grid");
    }

    private List<MiningRequestRow> rows() {
        GridTester<Grid<MiningRequestRow>, MiningRequestRow> tester = test(grid());
        List<MiningRequestRow> rows = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            rows.add(tester.getRow(i));
        }
        return rows;
    }

    private int rowOf(long id) {
        List<MiningRequestRow> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("request " + id + " not in the grid");
    }

    /** Opens the list with one filter in the address, as a copied link does. */
    private void navigateWith(String parameter, String value) {
        com.vaadin.flow.component.UI.getCurrent().navigate("mining/requests",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of(parameter, value)));
        assertThat($(MiningRequestsView.class).exists()).isTrue();
    }

    private TeamSummary team(String name) {
        return teams.findActive().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void aManagerSeesGenerateLeadsOnThePipelineTheLeadsGridAndTheRequestsList() {
        navigate("pipeline", PipelineView.class);
        assertThat($(Button.class).withId("generate-leads-button").exists()).isTrue();
        navigate("leads", LeadsView.class);
        assertThat($(Button.class).withId("generate-leads-button").exists()).isTrue();
        navigate("mining/requests", MiningRequestsView.class);
        assertThat($(Button.class).id("generate-leads-button").getText()).isEqualTo("Generate Leads");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonHasNoGenerateLeadsButtonAndCannotOpenTheRequests() {
        navigate("leads", LeadsView.class);
        assertThat($(Button.class).withId("generate-leads-button").exists()).isFalse();
        navigate("pipeline", PipelineView.class);
        assertThat($(Button.class).withId("generate-leads-button").exists()).isFalse();

        navigate("mining/requests", AccessDeniedView.class);
        assertThat($(MiningRequestsView.class).exists()).isFalse();
        navigate("mining/requests/1", AccessDeniedView.class);
    }

    @Test
    void withLeadMiningOffNoPageOffersGenerateLeads() {
        MiningSettings before = changeSettings(s -> s.withLeadMiningEnabled(false));
        try {
            navigate("leads", LeadsView.class);
            assertThat($(Button.class).withId("generate-leads-button").exists()).isFalse();
            navigate("pipeline", PipelineView.class);
            assertThat($(Button.class).withId("generate-leads-button").exists()).isFalse();
            navigate("mining/requests", MiningRequestsView.class);
            assertThat($(Button.class).withId("generate-leads-button").exists()).isFalse();
        } finally {
            restoreSettings(before);
        }
    }

    // ---------------------------------------------------------------- the list

    @Test
    void theGridShowsEachRequestWithNamesInTheReadersLanguageAndItsStateBadge() {
        MiningRequestRow done = finished(form("BE", SOFTWARE, 2));
        String software = as(DemoUsers.MANAGER, () -> mining.formOf(done.id())).getIndustries().iterator().next();
        assertThat(software).isEqualTo(SOFTWARE);

        navigate("mining/requests", MiningRequestsView.class);
        GridTester<Grid<MiningRequestRow>, MiningRequestRow> grid = test(grid());
        int row = rowOf(done.id());

        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("number")))).isEqualTo(done.number());
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("target")))).isEqualTo("Companies");
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("countries")))).isEqualTo("Belgium");
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("industries"))))
                .isNotEqualTo(SOFTWARE).isNotBlank();
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("leadsFound")))).isEqualTo("2");
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("creditsCharged")))).isEqualTo("2");
        assertThat(grid.getCellText(row, grid().getColumns().indexOf(grid().getColumnByKey("createdBy")))).isEqualTo("Marta Ruiz");
        Span badge = (Span) grid.getCellComponent(row, "state");
        assertThat(badge.getText()).isEqualTo("Done");
        assertThat(badge.getElement().getThemeList()).contains("badge", "success");
    }

    @Test
    void theFiltersNarrowTheGridAndLiveInTheAddress() {
        MiningRequestRow done = finished(form("BE", SOFTWARE, 1));
        MiningRequestRow none = finished(form("FR", SOFTWARE, 1));
        MiningForm enterprise = form("BE", SOFTWARE, 1);
        long david = ((com.vetacrm.security.VetaPrincipal) users.loadUserByUsername("david")).id();
        enterprise.setTeamId(team("Enterprise Accounts").id());
        enterprise.setSalespersonId(david);
        MiningRequestRow theirs = finished(enterprise);
        assertThat(none.state()).isEqualTo(MiningState.NO_RESULT);

        navigateWith("state", "NO_RESULT");
        assertThat(rows()).extracting(MiningRequestRow::id).contains(none.id()).doesNotContain(done.id(), theirs.id());
        assertThat(rows()).allMatch(r -> r.state() == MiningState.NO_RESULT);

        @SuppressWarnings("unchecked")
        ComboBox<MiningState> state = $(ComboBox.class).id("mining-filter-state");
        assertThat(state.getValue()).isEqualTo(MiningState.NO_RESULT);
        state.clear();
        @SuppressWarnings("unchecked")
        ComboBox<TeamSummary> team = $(ComboBox.class).id("mining-filter-team");
        team.setValue(team("Enterprise Accounts"));
        assertThat(rows()).extracting(MiningRequestRow::id).contains(theirs.id()).doesNotContain(done.id(), none.id());

        navigateWith("salesperson", String.valueOf(david));
        assertThat(rows()).isNotEmpty().allMatch(r -> r.salespersonId() == david);
    }

    @Test
    void clickingARowOpensTheRequest() {
        MiningRequestRow done = finished(form("BE", SOFTWARE, 1));
        navigate("mining/requests", MiningRequestsView.class);

        test(grid()).clickRow(rowOf(done.id()));

        assertThat($(MiningRequestView.class).exists()).isTrue();
        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("Done");
    }

    // ---------------------------------------------------------------- a request's page

    @Test
    void aDoneRequestShowsItsResultCriteriaAndALinkToItsLeadsButNoRetry() {
        MiningForm f = form("BE", SOFTWARE, 3);
        f.setStates(Set.of("BE-VLG"));
        MiningRequestRow done = finished(f);

        navigate("mining/requests/" + done.id(), MiningRequestView.class);

        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("Done");
        assertThat($(Span.class).id("mining-request-leads-found").getText()).isEqualTo("3");
        assertThat($(Span.class).id("mining-request-credits-charged").getText()).isEqualTo("3");
        assertThat($(Span.class).id("mining-request-credits-held").getText()).isEqualTo("3");
        assertThat($(Anchor.class).id("mining-request-leads-link").getHref()).isEqualTo("leads?request=" + done.id());
        assertThat($(Span.class).id("criteria-countries").getText()).isEqualTo("Belgium");
        assertThat($(Span.class).id("criteria-states").getText()).isEqualTo("Vlaams Gewest");
        assertThat($(Span.class).id("criteria-team").getText()).isEqualTo("Direct Sales");
        assertThat($(Span.class).id("criteria-salesperson").getText()).isEqualTo("Marta Ruiz");
        assertThat($(Button.class).withId("mining-request-retry").exists()).isFalse();
        assertThat($(Button.class).id("mining-request-duplicate").isEnabled()).isTrue();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<com.vetacrm.credits.CreditEntryRow> ledger =
                $(com.vaadin.flow.component.grid.Grid.class).id("mining-request-ledger-grid");
        assertThat(test(ledger).size()).as("its hold and its capture").isEqualTo(2);
        assertThat(test(ledger).getCellText(0, 1) + "/" + test(ledger).getCellText(1, 1)).contains("Hold", "Charge");
    }

    @Test
    void retryRunsARequestWithoutResultAgainAndShowsItsNewState() {
        MiningRequestRow none = finished(form("FR", SOFTWARE, 1));
        navigate("mining/requests/" + none.id(), MiningRequestView.class);
        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("No result");

        test($(Button.class).id("mining-request-retry")).click();
        MiningRequestRow again = awaitFinishedAndPush(none.id());

        assertThat(again.state()).isEqualTo(MiningState.NO_RESULT);
        assertThat(again.number()).as("the same number").isEqualTo(none.number());
        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("No result");
        assertThat($(Button.class).id("mining-request-retry").isEnabled()).isTrue();
    }

    @Test
    void aRequestRefusedForCreditsShowsTheReasonAndCanBeRetried() {
        long spare = credits.balance().available() - 1;
        as(DemoUsers.ADMIN, () -> {
            credits.adjust(-spare, "leave 1 credit");
            return null;
        });
        MiningRequestRow refused;
        try {
            refused = mining.submit(form("BE", SOFTWARE, 5), null);
        } finally {
            as(DemoUsers.ADMIN, () -> {
                credits.adjust(spare, "give the credits back");
                return null;
            });
        }
        navigate("mining/requests/" + refused.id(), MiningRequestView.class);

        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("Error");
        assertThat($(Span.class).id("mining-request-error").getText()).isEqualTo("Not enough credits");
        test($(Button.class).id("mining-request-retry")).click();
        MiningRequestRow done = awaitFinishedAndPush(refused.id());
        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertThat($(Span.class).id("mining-request-state").getText()).isEqualTo("Done");
    }

    @Test
    void duplicateOpensTheDialogFilledWithTheSameCriteria() {
        MiningForm f = form("BE", SOFTWARE, 4);
        f.setStates(Set.of("BE-WAL"));
        MiningRequestRow done = finished(f);
        navigate("mining/requests/" + done.id(), MiningRequestView.class);

        test($(Button.class).id("mining-request-duplicate")).click();

        Dialog dialog = $(Dialog.class).id("generate-leads-dialog");
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(IntegerField.class).id("gl-lead-number").getValue()).isEqualTo(4);
        assertThat($(MultiSelectComboBox.class).id("gl-countries").getValue()).isEqualTo(Set.of("BE"));
        assertThat($(MultiSelectComboBox.class).id("gl-states").getValue()).isEqualTo(Set.of("BE-WAL"));
        assertThat($(MultiSelectComboBox.class).id("gl-industries").getValue()).isEqualTo(Set.of(SOFTWARE));
    }

    @Test
    void anUnknownRequestIsNotFound() {
        navigate("mining/requests/987654321", NotFoundView.class);
        navigate("mining/requests/abc", NotFoundView.class);
        assertThat($(MiningRequestView.class).exists()).isFalse();
    }
}
