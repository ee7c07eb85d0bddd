package com.vetacrm.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouterLink;
import com.vetacrm.directory.DirectoryImportKind;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The import page: upload a file, read the report with the lines at fault, refusals; only for administrators. */
class DirectoryImportViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;

    private Upload upload() {
        return $(Upload.class).id("directory-import-upload");
    }

    private Div report() {
        return $(Div.class).id("directory-import-report");
    }

    private String count(String what) {
        return $(Span.class).id("directory-import-" + what).getElement().getAttribute("data-count");
    }

    @SuppressWarnings("unchecked")
    private Grid<Problem> problems() {
        return $(Grid.class).id("directory-import-problems");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aCompaniesFileIsImportedAndTheReportListsTheBadRowsWithTheirLines() {
        navigate(DirectoryImportView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Import into the directory · Veta");
        assertThat($(Div.class).withId("directory-import-report").exists()).isFalse();
        assertThat($(Div.class).withId("directory-import-refused").exists()).isFalse();

        String csv = """
                ref;name;domain;industry;employees;country;email
                V-1;Vista Uno;vista-uno.es;retailing;12;ES;hola@vista-uno.es
                V-2;Vista Dos;vista-dos.es;retailing;doce;ES;
                V-3;Vista Tres;vista-tres.es;retailing;3;XX;mal
                """;
        test(upload()).upload("companies.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report().isVisible()).isTrue();
        assertThat(count("read")).isEqualTo("3");
        assertThat(count("created")).isEqualTo("1");
        assertThat(count("updated")).isEqualTo("0");
        assertThat(count("rejected")).isEqualTo("2");
        Grid<Problem> grid = problems();
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("3");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("V-2");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("employees");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("employees must be a whole number from 1 to 10,000,000, not \"doce\".");
        assertThat(test(grid).getCellText(1, 0)).isEqualTo("4");
        assertThat(test(grid).getCellText(1, 3)).contains("Unknown country \"XX\"");
        assertThat(test(grid).getCellText(2, 3)).isEqualTo("\"mal\" is not a valid e-mail address.");
        assertThat($(Anchor.class).id("directory-import-report-download").getHref()).isNotBlank();
        assertThat($(Span.class).id("directory-import-status").getText()).startsWith("companies.csv imported in");
        assertThat(jdbc.queryForObject("SELECT name FROM directory_company WHERE ref = 'V-1'", String.class))
                .isEqualTo("Vista Uno");
        // polling stops when the import has finished
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

        // the same file again: updated, not duplicated
        test(upload()).upload("companies.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(count("created")).isEqualTo("0");
        assertThat(count("updated")).isEqualTo("1");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void choosingContactsImportsAContactsFile() {
        String ref = jdbc.queryForObject("SELECT ref FROM directory_company ORDER BY id LIMIT 1", String.class);
        navigate(DirectoryImportView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<DirectoryImportKind> kind = $(RadioButtonGroup.class).id("directory-import-kind");
        test(kind).selectItem("Contacts (of companies already in the directory)");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("directory-import-columns").getText())
                .startsWith("Required columns: company_ref, full_name.");

        test(upload()).upload("contacts.csv", "text/csv", ("company_ref,full_name,email\n" + ref
                + ",Vera Vista,vera@vista.example\nNO-SUCH-REF,Nobody,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(count("created")).isEqualTo("1");
        assertThat(count("rejected")).isEqualTo("1");
        assertThat(test(problems()).getCellText(0, 3))
                .isEqualTo("No company with ref NO-SUCH-REF in the directory: import the companies file first.");
        assertThat(jdbc.queryForObject("SELECT full_name FROM directory_contact WHERE email = 'vera@vista.example'",
                String.class)).isEqualTo("Vera Vista");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aFileThatIsNotCsvIsRefusedOnThePageAndNothingIsImported() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class);
        navigate(DirectoryImportView.class);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        test(upload()).upload("logo.png", "image/png", png);

        Div refused = $(Div.class).id("directory-import-refused");
        assertThat(refused.isVisible()).isTrue();
        assertThat(refused.getText()).isEqualTo(
                "The file was refused and nothing was imported: This is a PNG image, not a CSV file.");
        assertThat($(Div.class).withId("directory-import-report").exists()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class)).isEqualTo(before);

        // a good file afterwards replaces the refusal with its report
        test(upload()).upload("companies.csv", "text/csv",
                "ref,name,domain,industry,employees,country\nV-9,Nine,v-nine.es,retailing,9,ES\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.isVisible()).isFalse();
        assertThat(report().isVisible()).isTrue();
        assertThat(count("created")).isEqualTo("1");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aSalesManagerCannotOpenTheImportPage() {
        navigate("directory/import", AccessDeniedView.class);
        assertThat($(DirectoryImportView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theDirectoryPageLinksAdministratorsToTheImport() {
        navigate(DirectoryView.class);
        RouterLink link = $(RouterLink.class).id("directory-import-link");
        assertThat(link.getHref()).isEqualTo("directory/import");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void theDirectoryPageHasNoImportLinkForManagers() {
        navigate(DirectoryView.class);
        assertThat($(RouterLink.class).withId("directory-import-link").exists()).isFalse();
    }
}
