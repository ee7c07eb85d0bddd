package com.vetacrm.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.directory.ui.ReferenceDataView.Kind;
import com.vetacrm.directory.ui.ReferenceDataView.Row;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class ReferenceDataViewTest extends ViewTest {

    @SuppressWarnings("unchecked")
    private Grid<Row> grid() {
        return $(Grid.class).id("reference-grid");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminBrowsesTheReferenceLists() {
        navigate(ReferenceDataView.class);
        assertThat(test(grid()).size()).isEqualTo(249);

        @SuppressWarnings("unchecked")
        Select<Kind> kind = $(Select.class).id("reference-kind");
        // the country only matters for the states
        assertThat($(ComboBox.class).withId("reference-country").exists()).isFalse();

        test(kind).selectItem(kind.getItemLabelGenerator().apply(Kind.STATES));
        @SuppressWarnings("unchecked")
        ComboBox<Country> country = $(ComboBox.class).id("reference-country");
        assertThat(grid().getGenericDataView().getItems().map(Row::code)).contains("US-CA");
        test(country).selectItem("Spain (ES)");
        assertThat(grid().getGenericDataView().getItems().map(Row::code)).contains("ES-CN", "ES-SE");

        test(kind).selectItem(kind.getItemLabelGenerator().apply(Kind.INDUSTRIES));
        assertThat(test(grid()).size()).isEqualTo(23);
        test(kind).selectItem(kind.getItemLabelGenerator().apply(Kind.ROLES));
        assertThat(test(grid()).size()).isEqualTo(22);
        test(kind).selectItem(kind.getItemLabelGenerator().apply(Kind.SENIORITIES));
        assertThat(test(grid()).size()).isEqualTo(3);
        test(kind).selectItem(kind.getItemLabelGenerator().apply(Kind.TECHNOLOGIES));
        assertThat(test(grid()).size()).isGreaterThanOrEqualTo(150);
        assertThat(grid().getGenericDataView().getItems()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonCannotOpenIt() {
        navigate("directory/reference", AccessDeniedView.class);
        assertThat($(ReferenceDataView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerCannotOpenIt() {
        navigate("directory/reference", AccessDeniedView.class);
        assertThat($(ReferenceDataView.class).exists()).isFalse();
    }
}
