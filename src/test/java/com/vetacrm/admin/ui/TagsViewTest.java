package com.vetacrm.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.TagEdit;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TestLeads;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails(DemoUsers.ADMIN)
class TagsViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TagService tagService;

    @SuppressWarnings("unchecked")
    private Grid<TagSummary> grid() {
        return $(Grid.class).id("tags-grid");
    }

    private Button preset(String color) {
        return $(Button.class).withClassName("tag-color-preset").all().stream()
                .filter(b -> color.equals(b.getElement().getAttribute("data-color")))
                .findFirst().orElseThrow();
    }

    @Test
    void adminCreatesATagWithAPresetColour() {
        navigate(TagsView.class);
        test($(Button.class).id("tag-new")).click();

        test($(TextField.class).id("tag-name")).setValue("VIP");
        test(preset("#3e63dd")).click();

        assertThat($(TextField.class).id("tag-color").getValue()).isEqualTo("#3e63dd");
        assertThat($(Span.class).id("tag-color-swatch").getStyle().get("background-color")).isEqualTo("#3e63dd");
        assertThat($(Span.class).id("tag-preview").getText()).isEqualTo("VIP");
        test($(Button.class).id("tag-save")).click();

        assertThat($(Dialog.class).withId("tag-dialog").exists()).isFalse();
        assertThat(grid().getGenericDataView().getItems().filter(t -> t.name().equals("VIP")))
                .extracting(TagSummary::color).containsExactly("#3e63dd");
    }

    @Test
    void aColourThatIsNotHexIsShownOnTheColourFieldAndNothingIsSaved() {
        navigate(TagsView.class);
        test($(Button.class).id("tag-new")).click();

        test($(TextField.class).id("tag-name")).setValue("Blue-ish");
        test($(TextField.class).id("tag-color")).setValue("blue");
        test($(Button.class).id("tag-save")).click();

        TextField color = $(TextField.class).id("tag-color");
        assertThat(color.isInvalid()).isTrue();
        assertThat(color.getErrorMessage()).startsWith("Enter a colour as # followed by six hexadecimal digits");
        assertThat(tagService.findAll()).extracting(TagSummary::name).doesNotContain("Blue-ish");
    }

    @Test
    void aTakenTagNameIsShownOnTheNameField() {
        navigate(TagsView.class);
        test($(Button.class).id("tag-new")).click();

        test($(TextField.class).id("tag-name")).setValue("referral");
        test($(Button.class).id("tag-save")).click();

        assertThat($(TextField.class).id("tag-name").getErrorMessage())
                .isEqualTo("A tag called “referral” already exists. Choose another name.");
    }

    @Test
    void deletingAUsedTagAsksWithTheNumberOfLeadsThenTakesItOffThem() {
        TagSummary expo = tagService.saveTag(new TagEdit(null, 0, "Expo 2026", "#00a2c7"));
        TestLeads leads = new TestLeads(jdbc);
        long stage = leads.stageId("New");
        long lead1 = leads.insert("Acme", stage, null, expo.id());
        long lead2 = leads.insert("Globex", stage, null, expo.id());
        navigate(TagsView.class);

        test(RowButtons.of(grid(), t -> t.name().equals("Expo 2026"), "row-delete")).click();

        ConfirmDialog dialog = $(ConfirmDialog.class).id("tag-delete-dialog");
        assertThat(test(dialog).getText())
                .isEqualTo("Remove the tag “Expo 2026” from 2 leads and delete it? This cannot be undone.");
        test(dialog).confirm();

        assertThat(grid().getGenericDataView().getItems()).extracting(TagSummary::name).doesNotContain("Expo 2026");
        assertThat(leads.tagsOnLead(lead1)).isZero();
        assertThat(leads.exists("crm_lead", lead2)).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonOpeningTagAdministrationSeesAccessDenied() {
        navigate("admin/tags", AccessDeniedView.class);
        assertThat($(TagsView.class).exists()).isFalse();
    }
}
