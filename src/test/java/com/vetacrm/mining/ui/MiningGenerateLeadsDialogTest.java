package com.vetacrm.mining.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.lead.LeadType;
import com.vetacrm.mining.ContactFilter;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningState;
import com.vetacrm.mining.SearchType;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.testsupport.DemoUsers;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Generate Leads dialog: its visibility rules, messages, estimate, preview and submission (DESIGN §5.1). */
@WithUserDetails(DemoUsers.MANAGER)
class MiningGenerateLeadsDialogTest extends MiningUiTestBase {

    @SuppressWarnings("unchecked")
    private MultiSelectComboBox<String> multi(String id) {
        return $(MultiSelectComboBox.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return $(ComboBox.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private <T> RadioButtonGroup<T> radio(String id) {
        return $(RadioButtonGroup.class).id(id);
    }

    private IntegerField integer(String id) {
        return $(IntegerField.class).id(id);
    }

    /** Whether the user sees the component: it and every parent are visible. */
    private boolean visible(String id) {
        return $(com.vaadin.flow.component.Component.class).withId(id).exists();
    }

    private static String error(HasValidation field) {
        return field.isInvalid() ? field.getErrorMessage() : null;
    }

    /** Belgium and software: twelve matching companies in the fixture. */
    private Dialog dialogForBelgianSoftware() {
        Dialog dialog = openDialog();
        multi("gl-countries").setValue(Set.of("BE"));
        multi("gl-industries").setValue(Set.of(SOFTWARE));
        return dialog;
    }

    private void contactsByRole() {
        radio("gl-search-type").setValue(SearchType.COMPANIES_AND_CONTACTS);
    }

    // ---------------------------------------------------------------- opening and defaults

    @Test
    void theDialogOpensFromTheLeadsGridWithTheDefaultsOfANewForm() {
        Dialog dialog = openDialog();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Generate Leads");
        assertThat(integer("gl-lead-number").getValue()).isEqualTo(10);
        assertThat(radio("gl-search-type").getValue()).isEqualTo(SearchType.COMPANIES);
        assertThat(multi("gl-countries").getValue()).containsExactly(settings.current().installationCountry());
        assertThat(this.<UserSummary>combo("gl-salesperson").getValue().username()).isEqualTo(DemoUsers.MANAGER);
        assertThat(this.<TeamSummary>combo("gl-team").getValue().name()).isEqualTo("Direct Sales");
        assertThat(radio("gl-lead-type").getValue()).isEqualTo(LeadType.LEAD);
        assertThat(visible("gl-lead-type")).isTrue();
        assertThat($(Paragraph.class).id("gl-gdpr").getText()).isEqualTo(settings.current().gdprText());
        assertThat($(Anchor.class).withId("gl-gdpr-settings").exists()).as("the settings link is for admins").isFalse();
        assertThat($(Button.class).id("gl-submit").getText()).isEqualTo("Generate Leads");
        assertThat($(Button.class).id("gl-cancel").getText()).isEqualTo("Cancel");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorGetsALinkToTheSettingsBesideTheGdprNotice() {
        openDialog();
        assertThat($(Anchor.class).id("gl-gdpr-settings").getHref()).isEqualTo("settings");
    }

    @Test
    void cancelClosesTheDialog() {
        Dialog dialog = openDialog();
        test($(Button.class).id("gl-cancel")).click();
        assertThat(dialog.isOpened()).isFalse();
    }

    // ---------------------------------------------------------------- visibility rules

    @Test
    void statesAreHiddenWithoutACountryAndOfferOnlyTheChosenCountriesStates() {
        openDialog();
        MultiSelectComboBox<String> countries = multi("gl-countries");
        MultiSelectComboBox<String> states = multi("gl-states");

        countries.clear();
        assertThat(shown(states)).isFalse();

        countries.setValue(Set.of("BE"));
        assertThat(shown(states)).isTrue();
        assertThat(states.getListDataView().getItems()).isNotEmpty().allMatch(s -> s.startsWith("BE-"));
        assertThat(states.getItemLabelGenerator().apply("BE-VLG")).isEqualTo("Vlaams Gewest");

        countries.setValue(Set.of("BE", "FR"));
        assertThat(states.getListDataView().getItems()).anyMatch(s -> s.startsWith("FR-"))
                .allMatch(s -> s.startsWith("BE-") || s.startsWith("FR-"));
        assertThat(states.getItemLabelGenerator().apply("BE-VLG")).as("labelled by country")
                .isEqualTo("Vlaams Gewest (Belgium)");
    }

    @Test
    void removingACountryClearsItsStatesAndKeepsTheOthers() {
        openDialog();
        multi("gl-countries").setValue(Set.of("BE", "FR"));
        MultiSelectComboBox<String> states = multi("gl-states");
        String frenchState = states.getListDataView().getItems().filter(s -> s.startsWith("FR-")).findFirst().orElseThrow();
        states.setValue(Set.of("BE-VLG", frenchState));

        multi("gl-countries").setValue(Set.of("BE"));

        assertThat(states.getValue()).containsExactly("BE-VLG");
        assertThat(states.getListDataView().getItems()).noneMatch(s -> s.startsWith("FR-"));
    }

    @Test
    void theSizeRangeShowsOnlyWithFilterOnSize() {
        openDialog();
        assertThat(visible("gl-size-min")).isFalse();
        assertThat(visible("gl-size-max")).isFalse();

        test($(Checkbox.class).id("gl-filter-size")).click();

        assertThat(visible("gl-size-min")).isTrue();
        assertThat(visible("gl-size-max")).isTrue();
    }

    @Test
    void contactFieldsShowOnlyForCompaniesAndTheirContacts() {
        openDialog();
        for (String id : new String[] {"gl-contact-number", "gl-contact-filter", "gl-preferred-role", "gl-seniority"}) {
            assertThat(visible(id)).as(id).isFalse();
        }

        test(this.<SearchType>radio("gl-search-type")).selectItem("Companies and their Contacts");

        assertThat(visible("gl-contact-number")).isTrue();
        assertThat(integer("gl-contact-number").getValue()).isEqualTo(3);
        assertThat(visible("gl-contact-filter")).isTrue();
        assertThat(radio("gl-contact-filter").getValue()).isEqualTo(ContactFilter.ROLE);
        assertThat(visible("gl-preferred-role")).isTrue();
        assertThat(visible("gl-seniority")).isFalse();
    }

    @Test
    void roleShowsThePreferredRoleAndOtherRolesOnceItIsSetSeniorityShowsTheSeniority() {
        openDialog();
        contactsByRole();
        assertThat(visible("gl-other-roles")).as("before a preferred role").isFalse();

        this.<String>combo("gl-preferred-role").setValue("ceo");
        assertThat(visible("gl-other-roles")).isTrue();

        test(this.<ContactFilter>radio("gl-contact-filter")).selectItem("Seniority");
        assertThat(visible("gl-preferred-role")).isFalse();
        assertThat(visible("gl-other-roles")).isFalse();
        assertThat(visible("gl-seniority")).isTrue();
    }

    @Test
    void typeIsHiddenWhenTheLeadsSettingIsOff() {
        MiningSettings before = changeSettings(s -> s.withLeadsEnabled(false));
        try {
            openDialog();
            assertThat(visible("gl-lead-type")).isFalse();
        } finally {
            restoreSettings(before);
        }
    }

    @Test
    void choosingASalespersonOfAnotherTeamSwitchesTheTeamToTheirs() {
        openDialog();
        ComboBox<UserSummary> salesperson = combo("gl-salesperson");
        test(salesperson).setFilter("David");
        test(salesperson).selectItem("David Okafor");

        assertThat(this.<TeamSummary>combo("gl-team").getValue().name()).isEqualTo("Enterprise Accounts");
    }

    // ---------------------------------------------------------------- messages at the fields

    @Test
    void theNumberOfLeadsOutsideOneTo200IsRefusedAtTheField() {
        openDialog();
        IntegerField leads = integer("gl-lead-number");

        leads.setValue(0);
        assertThat(error(leads)).isEqualTo("Number of leads must be between 1 and 200.");
        leads.setValue(201);
        assertThat(error(leads)).isEqualTo("Number of leads must be between 1 and 200.");
        leads.setValue(200);
        assertThat(error(leads)).isNull();
    }

    @Test
    void sixContactsPerCompanyAndASizeRangeUpsideDownAreRefusedAtTheirFields() {
        openDialog();
        contactsByRole();
        integer("gl-contact-number").setValue(6);
        test($(Checkbox.class).id("gl-filter-size")).click();
        integer("gl-size-min").setValue(50);
        integer("gl-size-max").setValue(10);

        assertThat(error(integer("gl-contact-number"))).isEqualTo("Contacts per company must be between 1 and 5.");
        assertThat(error(integer("gl-size-max"))).isEqualTo("The largest size must not be smaller than the smallest.");
        assertThat(error(integer("gl-size-min"))).isNull();
    }

    @Test
    void submittingWithoutIndustriesOrPreferredRoleShowsBothAtTheirFieldsAndKeepsTheDialogOpen() {
        Dialog dialog = openDialog();
        multi("gl-countries").setValue(Set.of("BE"));
        contactsByRole();
        long requests = jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class);

        test($(Button.class).id("gl-submit")).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(error(multi("gl-industries"))).isEqualTo("Choose at least one industry.");
        assertThat(error(combo("gl-preferred-role"))).isEqualTo("Choose a preferred role.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class)).isEqualTo(requests);
        assertThat($(Button.class).id("gl-submit").isEnabled()).as("can be sent again once fixed").isTrue();
    }

    @Test
    void aRefusalOfTheServerWithoutAFieldIsShownInTheDialog() {
        Dialog dialog = dialogForBelgianSoftware();
        MiningSettings before = changeSettings(s -> s.withLeadMiningEnabled(false));
        try {
            test($(Button.class).id("gl-submit")).click();
        } finally {
            restoreSettings(before);
        }

        assertThat(dialog.isOpened()).isTrue();
        Div message = $(Div.class).id("gl-message");
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getElement().getTextRecursively()).isNotBlank().doesNotStartWith("!");
    }

    // ---------------------------------------------------------------- estimate and preview

    @Test
    void theEstimateCountsCompaniesAndUpToContactsAndComparesWithTheBalance() {
        dialogForBelgianSoftware();
        integer("gl-lead-number").setValue(5);
        assertThat($(Div.class).withId("gl-estimate-contacts").exists()).isFalse();

        contactsByRole();
        integer("gl-contact-number").setValue(2);

        long available = credits.balance().available();
        assertThat($(Div.class).id("gl-estimate-companies").getText()).isEqualTo("5 credits for 5 companies");
        assertThat($(Div.class).id("gl-estimate-contacts").getText()).isEqualTo("+ up to 10 credits for 2 contacts per company");
        assertThat($(Div.class).id("gl-estimate-total").getText())
                .isEqualTo(String.format(java.util.Locale.ENGLISH, "Total: at most 15 credits. Balance: %,d.", available));
    }

    @Test
    void thePreviewShowsTheMatchesNewToTheCrmAndTheCountAfterEachFilter() {
        dialogForBelgianSoftware();

        assertThat($(Div.class).id("gl-preview-matches").getText())
                .isEqualTo("12 companies match these filters, 12 not yet in your CRM.");
        assertThat($(Div.class).id("gl-preview-steps").getText())
                .isEqualTo("After countries: 12 · states: 12 · industries: 12 · size: 12");

        multi("gl-states").setValue(Set.of("BE-VLG"));
        test($(Checkbox.class).id("gl-filter-size")).click();
        integer("gl-size-min").setValue(1);
        integer("gl-size-max").setValue(60);

        assertThat($(Div.class).id("gl-preview-matches").getText())
                .isEqualTo("3 companies match these filters, 3 not yet in your CRM.");
        assertThat($(Div.class).id("gl-preview-steps").getText())
                .isEqualTo("After countries: 12 · states: 6 · industries: 6 · size: 3");
    }

    @Test
    void withoutIndustriesThePreviewSaysWhatItNeeds() {
        openDialog();
        multi("gl-industries").clear();
        assertThat($(Div.class).id("gl-preview").getElement().getTextRecursively())
                .isEqualTo("Choose countries and industries (and a valid size range) to see how many companies match.");
    }

    // ---------------------------------------------------------------- submitting

    @Test
    void aSubmittedRequestEndsWithANotificationLinkingToItsLeads() {
        Dialog dialog = dialogForBelgianSoftware();
        integer("gl-lead-number").setValue(5);
        contactsByRole();
        integer("gl-contact-number").setValue(2);
        this.<String>combo("gl-preferred-role").setValue("ceo");
        multi("gl-other-roles").setValue(Set.of("sale"));

        test($(Button.class).id("gl-submit")).click();
        long id = lastRequestId();
        MiningRequestRow done = awaitFinishedAndPush(id);

        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertThat(dialog.isOpened()).isFalse();
        assertThat($(Span.class).id("mining-result-text").getText())
                .isEqualTo("5 leads created (" + done.number() + ") — 15 credits");
        assertThat($(Anchor.class).id("mining-result-leads-link").getHref()).isEqualTo("leads?request=" + id);
        assertThat($(Notification.class).id("mining-result-notification").isOpened()).isTrue();
        assertThat(mining.takeUnseenResults()).as("the dialog told the user already").isEmpty();
        assertThat(results.waitingCount()).isZero();
    }

    @Test
    void aDoubleSubmitInOneOpeningCreatesOneRequest() {
        dialogForBelgianSoftware();
        integer("gl-lead-number").setValue(2);
        Button submit = $(Button.class).id("gl-submit");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class);

        submit.click();  // a second click arriving before the button was disabled in the browser
        submit.click();
        awaitFinishedAndPush(lastRequestId());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void tooFewCreditsShowTheNeedTheBalanceAndABuyCreditsLinkInTheDialog() {
        long spare = credits.balance().available() - 3;
        as(DemoUsers.ADMIN, () -> {
            credits.adjust(-spare, "leave 3 credits");
            return null;
        });
        try {
            Dialog dialog = dialogForBelgianSoftware();
            integer("gl-lead-number").setValue(5);

            test($(Button.class).id("gl-submit")).click();

            assertThat(dialog.isOpened()).isTrue();
            MiningRequestRow row = mining.findRequest(lastRequestId()).orElseThrow();
            assertThat(row.state()).isEqualTo(MiningState.ERROR);
            assertThat($(Span.class).id("gl-credits-message").getText()).isEqualTo("Not enough credits for request "
                    + row.number() + ": it needs up to 5 credits and 3 are available. Nothing was held or charged.");
            assertThat($(Anchor.class).id("gl-buy-credits").getHref()).isEqualTo("credits?buy");
            assertThat($(Anchor.class).id("gl-buy-credits").getText()).isEqualTo("Buy credits");
        } finally {
            as(DemoUsers.ADMIN, () -> {
                credits.adjust(spare, "give the credits back");
                return null;
            });
        }
    }

    @Test
    void aRequestWithoutResultSaysSoInTheDialogWhichStaysOpen() {
        Dialog dialog = openDialog();
        multi("gl-countries").setValue(Set.of("FR"));
        multi("gl-industries").setValue(Set.of(SOFTWARE));

        test($(Button.class).id("gl-submit")).click();
        MiningRequestRow row = awaitFinishedAndPush(lastRequestId());

        assertThat(row.state()).isEqualTo(MiningState.NO_RESULT);
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(Div.class).id("gl-message").getElement().getTextRecursively()).isEqualTo("Request " + row.number()
                + " found no company matching these filters that is not already in your CRM."
                + " Nothing was charged: change the filters and try again.");
        assertThat($(Button.class).id("gl-submit").isEnabled()).isTrue();
    }
}
