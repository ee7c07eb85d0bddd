package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterKind;
import com.vetacrm.chatter.ui.ChatterPanel;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.lead.LeadStatus;
import com.vetacrm.lead.LeadType;
import com.vetacrm.shell.NotFoundView;
import com.vetacrm.testsupport.DemoUsers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** DESIGN C3 and C4: the lead page with its form, life-cycle actions, contacts and chatter. */
@WithUserDetails(DemoUsers.MANAGER)
class LeadViewTest extends LeadUiTestBase {

    private LeadView open(long id) {
        return navigate("leads/" + id, LeadView.class);
    }

    private TextField text(String id) {
        return $(TextField.class).id(id);
    }

    private BigDecimalField number(String id) {
        return $(BigDecimalField.class).id(id);
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    /** The chatter's entries as the user reads them, newest first. */
    private List<String> chatterTexts() {
        ChatterPanel panel = $(ChatterPanel.class).id("chatter-panel");
        return $(Div.class, panel).withClassName("chatter-body").all().stream()
                .map(d -> d.getElement().getTextRecursively()).toList();
    }

    private LeadDetails createFull(String name) {
        return create(name, d -> {
            d.setPartnerName("Acme Ibérica");
            d.setContactName("Ana López");
            d.setEmail("ana@acme.example.com");
            d.setCountryCode("ES");
            d.setPhone("+34 911 234 567");
            d.setWebsite("acme.example.com");
            d.setExpectedRevenue(new BigDecimal("5000"));
            d.setProbability(new BigDecimal("40"));
            d.setStageId(openStages().getFirst().id());
        });
    }

    @Test
    void leadPageShowsTheFormWithTheLeadsValues() {
        String w = unique();
        long id = createFull(w + " Deal").id();

        open(id);

        assertThat($(FormLayout.class).id("lead-form")).isNotNull();
        assertThat($(H2.class).first().getText()).isEqualTo(w + " Deal");
        assertThat(text("lead-name").getValue()).isEqualTo(w + " Deal");
        assertThat(text("lead-company").getValue()).isEqualTo("Acme Ibérica");
        assertThat(text("lead-contact").getValue()).isEqualTo("Ana López");
        assertThat(text("lead-email").getValue()).isEqualTo("ana@acme.example.com");
        assertThat(text("lead-phone").getValue()).isEqualTo("+34 911 23 45 67");
        assertThat(text("lead-website").getValue()).isEqualTo("https://acme.example.com");
        assertThat(number("lead-revenue").getValue()).isEqualByComparingTo("5000");
        assertThat(number("lead-probability").getValue()).isEqualByComparingTo("40");
        assertThat($(ComboBox.class).id("lead-country").getValue()).isEqualTo("ES");
        @SuppressWarnings("unchecked")
        Select<StageSummary> stage = $(Select.class).id("lead-stage");
        assertThat(stage.getValue().id()).isEqualTo(openStages().getFirst().id());
        assertThat(shown(Div.class, "concurrent-edit")).isFalse();
        assertThat(chatterTexts()).anySatisfy(t -> assertThat(t).contains("Created in stage"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            lead-email       | not an email  | Enter an email address such as name@example.com.
            lead-phone       | 12345         | This is not a valid phone number for the lead's country.
            lead-website     | not a website | Enter a web address such as https://example.com.
            lead-revenue     | -5            | Expected revenue cannot be negative.
            lead-probability | 101           | Probability must be between 0 and 100.
            lead-name        | "   "         | Enter a name for the lead.
            """)
    void invalidValueShowsTheFieldErrorAndSavesNothing(String fieldId, String value, String message) {
        String w = unique();
        LeadDetails before = createFull(w + " Deal");
        open(before.id());

        Component field = $(Component.class).id(fieldId);
        if (field instanceof BigDecimalField decimal) {
            decimal(decimal).setValue(new BigDecimal(value));
        } else {
            test((TextField) field).setValue(value);
        }
        click("lead-save");

        assertThat(errorOf(field)).isEqualTo(message);
        LeadDetails after = leads.get(before.id());
        assertThat(after.draft().getVersion()).isEqualTo(before.draft().getVersion());
        assertThat(after.draft().getName()).isEqualTo(w + " Deal");
        assertThat(after.draft().getEmail()).isEqualTo("ana@acme.example.com");
        assertThat(after.draft().getExpectedRevenue()).isEqualByComparingTo("5000");
        assertThat($(Notification.class).withId("lead-notice").exists()).isFalse();
    }

    @Test
    void validEditIsSavedAndTheChatterTellsWhatHappened() {
        String w = unique();
        StageSummary first = openStages().get(0);
        StageSummary second = openStages().get(1);
        long id = createFull(w + " Deal").id();
        open(id);

        test(text("lead-name")).setValue(w + " Renamed");
        test(text("lead-city")).setValue("Madrid");
        decimal(number("lead-revenue")).setValue(new BigDecimal("7500.50"));
        @SuppressWarnings("unchecked")
        Select<StageSummary> stage = $(Select.class).id("lead-stage");
        test(stage).selectItem(second.name());
        click("lead-save");

        LeadDraft saved = leads.get(id).draft();
        assertThat(saved.getName()).isEqualTo(w + " Renamed");
        assertThat(saved.getCity()).isEqualTo("Madrid");
        assertThat(saved.getExpectedRevenue()).isEqualByComparingTo("7500.50");
        assertThat(saved.getStageId()).isEqualTo(second.id());
        assertThat(test($(Notification.class).id("lead-notice")).getText()).isEqualTo("Saved.");
        assertThat($(H2.class).first().getText()).isEqualTo(w + " Renamed");
        assertThat(chatterTexts()).first().asString()
                .contains("Stage changed from " + first.name() + " to " + second.name() + " by "
                        + principal(DemoUsers.MANAGER).displayName());
        assertThat(chatterTexts()).last().asString().contains("Created in stage " + first.name());
    }

    @Test
    void saveOverSomeoneElsesChangeShowsTheBannerAndKeepsTheTypedValue() {
        String w = unique();
        long id = createFull(w + " Deal").id();
        open(id);
        test(text("lead-name")).setValue(w + " Mine");

        // meanwhile someone else saves the lead
        LeadDraft theirs = leads.get(id).draft();
        theirs.setCity("Sevilla");
        leads.update(id, theirs);

        click("lead-save");

        assertThat(shown(Div.class, "concurrent-edit")).isTrue();
        assertThat(text("lead-name").getValue()).isEqualTo(w + " Mine");
        LeadDraft stored = leads.get(id).draft();
        assertThat(stored.getName()).isEqualTo(w + " Deal");
        assertThat(stored.getCity()).isEqualTo("Sevilla");
    }

    @Test
    void convertToOpportunityChangesTheTypeAndHidesTheButton() {
        long id = create(unique() + " Lead").id();
        open(id);

        click("convert-to-opportunity");

        assertThat(leads.get(id).draft().getType()).isEqualTo(LeadType.OPPORTUNITY);
        assertThat(shown(Button.class, "convert-to-opportunity")).isFalse();
        assertThat(chatterTexts()).first().asString().contains("Converted to an opportunity");
    }

    @Test
    void lifeCycleActionsWaitForUnsavedEditsToBeSavedFirst() {
        String w = unique();
        long id = create(w + " Lead").id();
        open(id);
        test(text("lead-name")).setValue(w + " edited");

        click("convert-to-opportunity");

        assertThat(leads.get(id).draft().getType()).isEqualTo(LeadType.LEAD);
        assertThat($(Notification.class).withId("unsaved-changes").exists()).isTrue();
        assertThat(text("lead-name").getValue()).isEqualTo(w + " edited");
    }

    @Test
    void markWonMovesTheLeadToTheWonStage() {
        long id = create(unique() + " Deal").id();
        StageSummary won = stages().stream().filter(StageSummary::won).findFirst().orElseThrow();
        open(id);

        click("mark-won");

        LeadDetails after = leads.get(id);
        assertThat(after.won()).isTrue();
        assertThat(after.draft().getStageId()).isEqualTo(won.id());
        assertThat($(Span.class).id("lead-won-badge").getText()).isEqualTo("Won");
        assertThat(shown(Button.class, "mark-won")).isFalse();
        assertThat(chatterTexts()).first().asString().contains("Marked as won");
    }

    @Test
    void markLostAsksForAReasonAndRefusesABlankOne() {
        long id = create(unique() + " Deal").id();
        open(id);

        click("mark-lost");
        Dialog dialog = $(Dialog.class).id("lost-dialog");
        assertThat(dialog.isOpened()).isTrue();
        TextField reason = $(TextField.class, dialog).id("lost-reason");

        test(reason).setValue("   ");
        test($(Button.class, dialog).id("lost-confirm")).click();
        assertThat(errorOf(reason)).isEqualTo("Give a reason why the lead was lost.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(leads.get(id).active()).isTrue();

        test(reason).setValue("Chose a competitor");
        test($(Button.class, dialog).id("lost-confirm")).click();

        assertThat(dialog.isOpened()).isFalse();
        LeadDetails after = leads.get(id);
        assertThat(after.status()).isEqualTo(LeadStatus.LOST);
        assertThat(after.lostReason()).isEqualTo("Chose a competitor");
        assertThat($(Span.class).id("lead-status-badge").getText()).isEqualTo("Lost: Chose a competitor");
        assertThat(shown(Button.class, "lead-restore")).isTrue();
        assertThat(shown(Button.class, "mark-lost")).isFalse();
        assertThat(chatterTexts()).first().asString().contains("Marked as lost: Chose a competitor");
    }

    @Test
    void contactIsAddedThroughTheDialogAfterItsFieldsAreValid() {
        long id = createFull(unique() + " Deal").id();
        open(id);
        @SuppressWarnings("unchecked")
        Grid<com.vetacrm.lead.LeadContactRow> contacts = $(Grid.class).id("lead-contacts");
        assertThat(test(contacts).size()).isZero();

        click("contact-add");
        Dialog dialog = $(Dialog.class).id("contact-dialog");
        TextField email = $(TextField.class, dialog).id("contact-email");
        test(email).setValue("not an email");
        test($(Button.class, dialog).id("contact-save")).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(errorOf($(TextField.class, dialog).id("contact-name"))).isEqualTo("Enter the contact's name.");
        assertThat(errorOf(email)).isEqualTo("Enter an email address such as name@example.com.");
        assertThat(leads.get(id).contacts()).isEmpty();

        test($(TextField.class, dialog).id("contact-name")).setValue("Luis Gómez");
        test($(TextField.class, dialog).id("contact-title")).setValue("CTO");
        test(email).setValue("luis@acme.example.com");
        test($(TextField.class, dialog).id("contact-phone")).setValue("911 234 568");
        test($(Button.class, dialog).id("contact-save")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(leads.get(id).contacts()).singleElement().satisfies(c -> {
            assertThat(c.fullName()).isEqualTo("Luis Gómez");
            assertThat(c.jobTitle()).isEqualTo("CTO");
            assertThat(c.email()).isEqualTo("luis@acme.example.com");
            assertThat(c.phone()).isEqualTo("+34911234568");  // read with the lead's country, stored as E.164
        });
        assertThat(test(contacts).size()).isEqualTo(1);
        assertThat(test(contacts).getRow(0).fullName()).isEqualTo("Luis Gómez");
    }

    @Test
    void noteIsLoggedAndShownAsTypedNeverAsMarkup() {
        long id = create(unique() + " Deal").id();
        open(id);

        test($(TextArea.class).id("chatter-note-input")).setValue("<b>x</b>");
        click("chatter-note-submit");

        List<ChatterItem> timeline = leads.timeline(id, 0, 10);
        assertThat(timeline.getFirst().kind()).isEqualTo(ChatterKind.NOTE);
        assertThat(timeline.getFirst().text()).isEqualTo("<b>x</b>");
        Div note = $(Div.class).withClassName("chatter-note-text").single();
        assertThat(note.getText()).isEqualTo("<b>x</b>");
        assertThat(note.getElement().getProperty("innerHTML")).isNull();
        assertThat(note.getElement().getChildCount()).as("a text node, no parsed <b> element").isEqualTo(1);
        assertThat(note.getElement().getChild(0).isTextNode()).isTrue();
        assertThat($(TextArea.class).id("chatter-note-input").getValue()).isEmpty();
    }

    @Test
    void newLeadPageCreatesTheLeadAndOpensIt() {
        String w = unique();
        navigate("leads/new", LeadView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("New lead");
        assertThat(shown(Button.class, "mark-won")).isFalse();

        test(text("lead-name")).setValue(w + " Fresh");
        test(text("lead-company")).setValue("Fresh Co");
        click("lead-save");

        List<LeadRow> created = leads.findLeads(LeadQuery.all().withText(w), PageRequest.of(0, 10));
        assertThat(created).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo(w + " Fresh");
            assertThat(r.partnerName()).isEqualTo("Fresh Co");
            assertThat(r.stageId()).isEqualTo(openStages().getFirst().id());
        });
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("leads/" + created.getFirst().id());
        assertThat(getCurrentView()).isInstanceOf(LeadView.class);
        assertThat($(H2.class).first().getText()).isEqualTo(w + " Fresh");
        assertThat($(ChatterPanel.class).single().isVisible()).isTrue();
    }

    @Test
    void newLeadWithoutANameIsNotCreated() {
        navigate("leads/new", LeadView.class);
        test(text("lead-company")).setValue("Nameless " + unique());

        click("lead-save");

        assertThat(errorOf(text("lead-name"))).isEqualTo("Enter a name for the lead.");
        assertThat(getCurrentView()).isInstanceOf(LeadView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("leads/new");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonOpeningAnotherTeamsLeadGetsNotFound() {
        String w = unique();
        long foreignTeam = teamWithoutSales();
        long foreign = as(DemoUsers.MANAGER, () -> create(w + " Foreign", d -> d.setTeamId(foreignTeam))).id();
        long own = as(DemoUsers.MANAGER, () -> create(w + " Own")).id();

        navigate("leads/" + foreign, NotFoundView.class);
        assertThat($(NotFoundView.class).single().getElement().getTextRecursively())
                .contains("Page not found").doesNotContain(w);
        assertThat($(LeadView.class).exists()).isFalse();

        open(own);
        assertThat(text("lead-name").getValue()).isEqualTo(w + " Own");
    }

    @Test
    void malformedLeadAddressGetsNotFound() {
        navigate("leads/not-a-number", NotFoundView.class);
        assertThat($(LeadView.class).exists()).isFalse();
    }
}
