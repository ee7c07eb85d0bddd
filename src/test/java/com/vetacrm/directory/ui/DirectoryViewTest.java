package com.vetacrm.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.UI;
import com.vetacrm.directory.DirectoryCompanyDetails;
import com.vetacrm.directory.DirectoryCompanyRow;
import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.directory.ReferenceDataService.State;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The directory page: lazy grid, filters, the detail dialog and the counts; only for managers and admins. */
class DirectoryViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private Grid<DirectoryCompanyRow> grid() {
        return $(Grid.class).id("directory-grid");
    }

    private List<DirectoryCompanyRow> rows() {
        Grid<DirectoryCompanyRow> grid = grid();
        return java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i)).toList();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void gridShowsTheDirectoryAndACountryFilterNarrowsIt() {
        navigate(DirectoryView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Company directory · Veta");
        assertThat(test(grid()).size()).isEqualTo(300);
        assertThat($(ComboBox.class).withId("directory-filter-state").exists()).isFalse();
        Div counts = $(Div.class).id("directory-counts");
        assertThat(counts.getElement().getTextRecursively()).contains("Companies by country", "Companies by industry");

        String code = jdbc.queryForObject("""
                SELECT country_code FROM directory_company WHERE state_code IS NOT NULL GROUP BY country_code
                ORDER BY COUNT(*) DESC, country_code LIMIT 1""", String.class);
        int expected = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE country_code = ?",
                Integer.class, code);
        @SuppressWarnings("unchecked")
        ComboBox<Country> country = $(ComboBox.class).id("directory-filter-country");
        Country chosen = country.getListDataView().getItems().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
        test(country).selectItem(country.getItemLabelGenerator().apply(chosen));

        assertThat(test(grid()).size()).isEqualTo(expected).isLessThan(300);
        assertThat(rows()).allSatisfy(r -> assertThat(r.countryCode()).isEqualTo(code));
        assertThat(counts.getElement().getTextRecursively()).contains(chosen.name())
                .contains(String.valueOf(expected));

        // the state filter appears for a country with subdivisions and narrows further
        @SuppressWarnings("unchecked")
        ComboBox<State> state = $(ComboBox.class).id("directory-filter-state");
        assertThat(state.isVisible()).isTrue();
        String stateCode = rows().stream().map(DirectoryCompanyRow::stateCode).filter(s -> s != null).findFirst()
                .orElseThrow();
        State st = state.getListDataView().getItems().filter(s -> s.code().equals(stateCode)).findFirst().orElseThrow();
        state.setValue(st);
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.stateCode()).isEqualTo(stateCode));

        // changing the country clears the state; a country without subdivisions hides it
        Country noStates = country.getListDataView().getItems().filter(c -> c.code().equals("VA")).findFirst()
                .orElseThrow();
        country.setValue(noStates);
        assertThat(state.getValue()).isNull();
        assertThat($(ComboBox.class).withId("directory-filter-state").exists()).isFalse();
        assertThat(test(grid()).size()).isZero();
        assertThat(counts.getElement().getTextRecursively()).contains("No companies match");

        country.clear();
        test($(TextField.class).id("directory-filter-search")).setValue("%");
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void rowClickOpensTheCompanyWithItsContacts() {
        long id = jdbc.queryForObject("""
                SELECT c.id FROM directory_company c WHERE (SELECT COUNT(*) FROM directory_contact p
                WHERE p.company_id = c.id) >= 2 ORDER BY c.rank LIMIT 1""", Long.class);
        String name = jdbc.queryForObject("SELECT name FROM directory_company WHERE id = ?", String.class, id);
        int contacts = jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact WHERE company_id = ?",
                Integer.class, id);
        navigate(DirectoryView.class);
        int row = rows().stream().map(DirectoryCompanyRow::id).toList().indexOf(id);
        assertThat(row).isNotNegative();

        test(grid()).clickRow(row);

        Dialog dialog = $(Dialog.class).id("directory-detail");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo(name);
        @SuppressWarnings("unchecked")
        Grid<DirectoryCompanyDetails.Contact> people = $(Grid.class, dialog).id("directory-contacts");
        assertThat(test(people).size()).isEqualTo(contacts);
        assertThat(test(people).getRow(0).fullName()).isNotBlank();
        assertThat($(Div.class, dialog).id("directory-detail-technologies").getChildren().count()).isPositive();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aStoredSocialAddressThatIsNotHttpIsShownAsTextNeverAsALink() {
        // the import accepts only http(s); a row written by another tool or an older database may hold anything
        long id = jdbc.queryForObject("SELECT id FROM directory_company ORDER BY `rank` LIMIT 1", Long.class);
        jdbc.update("UPDATE directory_company SET linkedin_url = 'javascript:window.__xss=1',"
                + " twitter_url = 'https://x.com/veta', facebook_url = NULL WHERE id = ?", id);
        navigate(DirectoryView.class);

        test(grid()).clickRow(rows().stream().map(DirectoryCompanyRow::id).toList().indexOf(id));

        Dialog dialog = $(Dialog.class).id("directory-detail");
        assertThat($(Anchor.class, dialog).all()).extracting(Anchor::getHref)
                .contains("https://x.com/veta")
                .noneSatisfy(href -> assertThat(href.strip().toLowerCase()).startsWith("javascript:"));
        assertThat(dialog.getElement().getTextRecursively()).contains("javascript:window.__xss=1");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void minAboveMaxIsAFieldError() {
        navigate(DirectoryView.class);
        IntegerField min = $(IntegerField.class).id("directory-filter-size-min");
        IntegerField max = $(IntegerField.class).id("directory-filter-size-max");

        test(min).setValue(11);
        test(max).setValue(50);
        assertThat(min.isInvalid()).isFalse();
        assertThat(max.isInvalid()).isFalse();
        int inRange = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE employees BETWEEN 11 AND 50",
                Integer.class);
        assertThat(test(grid()).size()).isEqualTo(inRange);

        test(min).setValue(100);
        assertThat(max.isInvalid()).isTrue();
        assertThat(max.getErrorMessage()).isEqualTo("The minimum number of employees cannot be greater than the maximum.");
        assertThat(test(grid()).size()).isEqualTo(inRange);  // the last valid filter stays

        test(min).setValue(0);
        assertThat(min.isInvalid()).isTrue();
        assertThat(min.getErrorMessage()).startsWith("Enter a number of employees between 1 and");

        test(min).setValue(20);
        assertThat(min.isInvalid()).isFalse();
        assertThat(max.isInvalid()).isFalse();
        assertThat(rows()).allSatisfy(r -> assertThat(r.employees()).isBetween(20, 50));
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonCannotOpenIt() {
        navigate("directory", AccessDeniedView.class);
        assertThat($(DirectoryView.class).exists()).isFalse();
    }
}
