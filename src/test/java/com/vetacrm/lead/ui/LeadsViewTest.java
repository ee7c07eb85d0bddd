package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.testsupport.DemoUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** DESIGN C2: the leads grid, its filters, bulk actions with confirmation, CSV export. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadsViewTest extends LeadUiTestBase {

    /** Opens the grid as a link with {@code ?q=word} would. */
    private LeadsView open(String word) {
        UI.getCurrent().navigate("leads", QueryParameters.of("q", word));
        assertThat(getCurrentView()).isInstanceOf(LeadsView.class);
        return (LeadsView) getCurrentView();
    }

    @SuppressWarnings("unchecked")
    private Grid<LeadRow> grid() {
        return $(Grid.class).id("leads-grid");
    }

    private List<LeadRow> rows() {
        var grid = test(grid());
        List<LeadRow> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private List<Long> rowIds() {
        return rows().stream().map(LeadRow::id).toList();
    }

    /** Selects the rows of these leads, as ticking their check boxes would. */
    private void select(long... ids) {
        var grid = test(grid());
        List<Long> all = rowIds();
        for (long id : ids) {
            grid.select(all.indexOf(id));
        }
    }

    private MenuBar bulk() {
        return $(MenuBar.class).id("bulk-actions");
    }

    private Dialog chooseBulkAction(int selected, String action) {
        new MenuBarTester<>(bulk()).clickItem("Actions (" + selected + ")", action);
        return $(Dialog.class).id("bulk-dialog");
    }

    private String bulkMessage(Dialog dialog) {
        return $(Paragraph.class, dialog).id("bulk-message").getText();
    }

    @Test
    void gridShowsTheRowsMatchingTheSearch() {
        String w = unique();
        long a = create(w + " alpha", d -> d.setPartnerName("Alpha Ltd")).id();
        long b = create(w + " beta").id();
        create(unique() + " unrelated");

        open(w);

        assertThat(rowIds()).containsExactlyInAnyOrder(a, b);
        assertThat(rows()).filteredOn(r -> r.id() == a).singleElement()
                .satisfies(r -> assertThat(r.partnerName()).isEqualTo("Alpha Ltd"));
        int company = test(grid()).getColumnPosition("company");
        int row = rowIds().indexOf(a);
        assertThat(test(grid()).getCellText(row, company)).isEqualTo("Alpha Ltd");
    }

    @Test
    void filteringByTagAndSalespersonShowsOnlyRowsMatchingBoth() {
        String w = unique();
        TagSummary tag = tags().getFirst();
        long sam = userId(DemoUsers.SALES);
        long both = create(w + " tag sam", d -> {
            d.setTagIds(Set.of(tag.id()));
            d.setSalespersonId(sam);
        }).id();
        long tagOnly = create(w + " tag marta", d -> d.setTagIds(Set.of(tag.id()))).id();
        long samOnly = create(w + " plain sam", d -> d.setSalespersonId(sam)).id();
        long neither = create(w + " plain marta").id();
        open(w);
        assertThat(rowIds()).containsExactlyInAnyOrder(both, tagOnly, samOnly, neither);

        test($(MultiSelectComboBox.class).id("filter-tag")).selectItem(tag.name());
        assertThat(rowIds()).containsExactlyInAnyOrder(both, tagOnly);

        test($(ComboBox.class).id("filter-salesperson")).selectItem(principal(DemoUsers.SALES).displayName());
        assertThat(rowIds()).containsExactly(both);
    }

    @Test
    void selectingRowsEnablesTheBulkActionsAndCountsThem() {
        String w = unique();
        long a = create(w + " a").id();
        long b = create(w + " b").id();
        open(w);
        assertThat(bulk().isEnabled()).isFalse();

        select(a);
        assertThat(bulk().isEnabled()).isTrue();
        assertThat(bulk().getItems().getFirst().getText()).isEqualTo("Actions (1)");

        select(b);
        assertThat(bulk().getItems().getFirst().getText()).isEqualTo("Actions (2)");
    }

    @Test
    void confirmedArchiveChangesTheSelectedRowsOnly() {
        String w = unique();
        long a = create(w + " a").id();
        long b = create(w + " b").id();
        long untouched = create(w + " c").id();
        open(w);
        select(a, b);

        Dialog dialog = chooseBulkAction(2, "Archive");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(bulkMessage(dialog)).isEqualTo("This changes the 2 selected records.");

        test($(Button.class, dialog).id("bulk-confirm")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(leads.get(a).active()).isFalse();
        assertThat(leads.get(b).active()).isFalse();
        assertThat(leads.get(untouched).active()).isTrue();
        assertThat(rowIds()).containsExactly(untouched);
        assertThat(test($(Notification.class).id("bulk-done")).getText()).isEqualTo("2 records changed.");
        assertThat(bulk().isEnabled()).isFalse();
    }

    @Test
    void addTagAsksForTheTagAndTagsTheSelectedRowsOnly() {
        String w = unique();
        TagSummary tag = tags().get(1);
        long a = create(w + " a").id();
        long b = create(w + " b").id();
        long untouched = create(w + " c").id();
        open(w);
        select(a, b);

        Dialog dialog = chooseBulkAction(2, "Add tag");
        assertThat(bulkMessage(dialog)).isEqualTo("This changes the 2 selected records.");
        @SuppressWarnings("unchecked")
        ComboBox<TagSummary> chooser = $(ComboBox.class, dialog).id("bulk-tag");

        // no tag chosen yet: refused at the field, nothing changes, the dialog stays
        test($(Button.class, dialog).id("bulk-confirm")).click();
        assertThat(errorOf(chooser)).isEqualTo("Choose a value first.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(leads.get(a).draft().getTagIds()).doesNotContain(tag.id());

        test(chooser).selectItem(tag.name());
        test($(Button.class, dialog).id("bulk-confirm")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(leads.get(a).draft().getTagIds()).contains(tag.id());
        assertThat(leads.get(b).draft().getTagIds()).contains(tag.id());
        assertThat(leads.get(untouched).draft().getTagIds()).doesNotContain(tag.id());
    }

    @Test
    void cancellingABulkActionChangesNothing() {
        String w = unique();
        long a = create(w + " a").id();
        long b = create(w + " b").id();
        open(w);
        select(a);

        Dialog dialog = chooseBulkAction(1, "Archive");
        assertThat(bulkMessage(dialog)).isEqualTo("This changes the 1 selected record.");
        test($(Button.class, dialog).id("bulk-cancel")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(leads.get(a).active()).isTrue();
        assertThat(leads.get(b).active()).isTrue();
        assertThat(rowIds()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void exportLinkDownloadsTheFilteredRowsAsCsv() throws Exception {
        String w = unique();
        create(w + " exported");
        String other = unique();
        create(other + " not exported");
        open(w);

        Anchor export = $(Anchor.class).id("export-csv");
        assertThat(export.getHref()).isNotBlank();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(export).download(out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains(w + " exported").doesNotContain(other);
        assertThat(csv.lines().count()).isEqualTo(2);  // header and the one matching row
    }
}
