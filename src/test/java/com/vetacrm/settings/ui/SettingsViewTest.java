package com.vetacrm.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The settings page: what it shows, how it refuses, who may open it. */
@WithUserDetails(DemoUsers.ADMIN)
class SettingsViewTest extends ViewTest {

    @Autowired
    SettingsService settings;

    private IntegerField trial() {
        return $(IntegerField.class).id("setting-trial-credits");
    }

    private IntegerField threshold() {
        return $(IntegerField.class).id("setting-low-balance-threshold");
    }

    private TextArea gdpr() {
        return $(TextArea.class).id("setting-gdpr-text");
    }

    private void save() {
        test($(Button.class).id("settings-save")).click();
    }

    private MiningSettings saveDefaults() {
        return settings.save(new MiningSettings(true, true, "US", 200, 50, MiningSettings.DEFAULT_GDPR_TEXT));
    }

    @Test
    void theFormShowsTheSettingsInForce() {
        settings.save(new MiningSettings(true, false, "ES", 150, 25, "Aviso."));

        navigate(SettingsView.class);

        assertThat($(Checkbox.class).id("setting-lead-mining").getValue()).isTrue();
        assertThat($(Checkbox.class).id("setting-leads").getValue()).isFalse();
        assertThat($(ComboBox.class).id("setting-installation-country").getValue())
                .extracting("code").isEqualTo("ES");
        assertThat(trial().getValue()).isEqualTo(150);
        assertThat(threshold().getValue()).isEqualTo(25);
        assertThat(gdpr().getValue()).isEqualTo("Aviso.");
        assertThat($(Span.class).id("settings-last-saved").getText()).startsWith("Last saved").endsWith("by Alex Morgan");
        assertThat($(Anchor.class).id("settings-credits-link").getHref()).isEqualTo("credits");
    }

    @Test
    void anAdministratorTurnsLeadsOffAndChangesTheNumbers() {
        saveDefaults();
        navigate(SettingsView.class);

        test($(Checkbox.class).id("setting-leads")).click();
        test($(ComboBox.class).id("setting-installation-country")).selectItem("Germany (DE)");
        test(trial()).setValue(300);
        test(threshold()).setValue(75);
        test(gdpr()).setValue("Only contact businesses.");
        save();

        assertThat(settings.current()).isEqualTo(new MiningSettings(true, false, "DE", 300, 75, "Only contact businesses."));
        assertThat(test($(Notification.class).id("settings-notification")).getText()).isEqualTo("Settings saved.");
    }

    @Test
    void numbersOutOfRangeAreShownOnTheirFieldsAndNothingIsSaved() {
        MiningSettings before = saveDefaults();
        navigate(SettingsView.class);

        // typed into the browser: the fields' own min and max only mark them, the values still arrive
        trial().setValue(-1);
        threshold().setValue(1_000_001);
        test($(Checkbox.class).id("setting-lead-mining")).click();
        save();

        assertThat(trial().isInvalid()).isTrue();
        assertThat(trial().getErrorMessage()).isEqualTo("Enter a whole number from 0 to 1,000,000.");
        assertThat(threshold().isInvalid()).isTrue();
        assertThat(threshold().getErrorMessage()).isEqualTo("Enter a whole number from 0 to 1,000,000.");
        assertThat(settings.current()).isEqualTo(before);
    }

    @Test
    void anEmptyNoticeIsRefusedAndTheDefaultCanBeRestored() {
        MiningSettings before = saveDefaults();
        navigate(SettingsView.class);

        test(gdpr()).setValue("   ");
        save();

        assertThat(gdpr().isInvalid()).isTrue();
        assertThat(gdpr().getErrorMessage()).isEqualTo("Enter the notice users see before they generate leads.");
        assertThat(settings.current()).isEqualTo(before);

        test($(Button.class).id("setting-gdpr-default")).click();
        assertThat(gdpr().getValue()).isEqualTo(MiningSettings.DEFAULT_GDPR_TEXT);
    }

    @Test
    void aMissingCountryIsRefusedOnItsField() {
        navigate(SettingsView.class);

        $(ComboBox.class).id("setting-installation-country").clear();
        save();

        ComboBox<?> country = $(ComboBox.class).id("setting-installation-country");
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo("Choose the installation country.");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerCannotOpenTheSettings() {
        navigate("settings", AccessDeniedView.class);
        assertThat($(SettingsView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonCannotOpenTheSettings() {
        navigate("settings", AccessDeniedView.class);
        assertThat($(SettingsView.class).exists()).isFalse();
    }
}
