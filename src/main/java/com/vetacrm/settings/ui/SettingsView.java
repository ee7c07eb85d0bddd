package com.vetacrm.settings.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.security.Role;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lead-mining settings (DESIGN §2 M1), for administrators: Lead Mining and Leads on/off, the
 * installation country, trial credits, the low-balance threshold and the GDPR notice of the mining dialog.
 * Every field is checked as the service checks it; a refusal of the service lands on its field. The
 * credit balance and purchases have their own page, linked from here.
 */
@Route("settings")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.settings", order = 990, icon = "vaadin:cog")
public class SettingsView extends VerticalLayout implements HasDynamicTitle {

    /** The form's values while they are edited. */
    private static final class Draft {
        boolean leadMining;
        boolean leads;
        Country country;
        Integer trialCredits;
        Integer lowBalanceThreshold;
        String gdprText = "";
    }

    private final transient SettingsService settings;
    private final Binder<Draft> binder = new Binder<>();
    private final Checkbox leadMining = new Checkbox();
    private final Checkbox leads = new Checkbox();
    private final ComboBox<Country> country = new ComboBox<>();
    private final IntegerField trialCredits = new IntegerField();
    private final IntegerField lowBalanceThreshold = new IntegerField();
    private final TextArea gdprText = new TextArea();
    private final Span lastSaved = new Span();
    private final List<Country> countries;
    private SettingsService.LastSaved last;
    private ZoneId zone = ZoneOffset.UTC;

    SettingsView(SettingsService settings, ReferenceDataService reference) {
        this.settings = settings;
        this.countries = reference.countries(getLocale());
        setId("settings-view");
        setMaxWidth("60em");

        H2 heading = new H2(getTranslation("settings.title"));
        heading.getStyle().set("margin", "0");

        leadMining.setId("setting-lead-mining");
        leadMining.setLabel(getTranslation("settings.leadMining"));
        leadMining.setHelperText(getTranslation("settings.leadMining.helper"));
        leads.setId("setting-leads");
        leads.setLabel(getTranslation("settings.leads"));
        leads.setHelperText(getTranslation("settings.leads.helper"));

        country.setId("setting-installation-country");
        country.setLabel(getTranslation("settings.country"));
        country.setHelperText(getTranslation("settings.country.helper"));
        country.setItems(countries);
        country.setItemLabelGenerator(c -> c.name() + " (" + c.code() + ")");

        trialCredits.setId("setting-trial-credits");
        trialCredits.setLabel(getTranslation("settings.trialCredits"));
        trialCredits.setHelperText(getTranslation("settings.trialCredits.helper"));
        lowBalanceThreshold.setId("setting-low-balance-threshold");
        lowBalanceThreshold.setLabel(getTranslation("settings.lowBalanceThreshold"));
        lowBalanceThreshold.setHelperText(getTranslation("settings.lowBalanceThreshold.helper"));
        limits(trialCredits, "settings.error.trialCredits.range");
        limits(lowBalanceThreshold, "settings.error.lowBalanceThreshold.range");

        gdprText.setId("setting-gdpr-text");
        gdprText.setLabel(getTranslation("settings.gdprText"));
        gdprText.setHelperText(getTranslation("settings.gdprText.helper"));
        gdprText.setMaxLength(MiningSettings.GDPR_TEXT_MAX_LENGTH);
        gdprText.setWidthFull();
        gdprText.setMinHeight("10em");
        gdprText.setValueChangeMode(ValueChangeMode.EAGER);
        Button defaultText = new Button(getTranslation("settings.gdprText.default"),
                e -> gdprText.setValue(settings.defaults().gdprText()));
        defaultText.setId("setting-gdpr-default");
        defaultText.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        bind();

        FormLayout general = new FormLayout();
        general.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        general.add(leadMining, leads, country);
        general.setColspan(country, 1);
        FormLayout credits = new FormLayout();
        credits.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        credits.add(trialCredits, lowBalanceThreshold);
        Anchor creditsLink = new Anchor("credits", getTranslation("settings.creditsLink"));
        creditsLink.setId("settings-credits-link");

        Button save = new Button(getTranslation("settings.save"), e -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lastSaved.setId("settings-last-saved");
        lastSaved.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout actions = new HorizontalLayout(save, lastSaved);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(heading, new H3(getTranslation("settings.section.mining")), general,
                new H3(getTranslation("settings.section.credits")), credits, creditsLink,
                new H3(getTranslation("settings.section.gdpr")), gdprText, defaultText, actions);
        load(settings.current());
    }

    /** 0 to MAX_CREDITS, with the same message whether the field itself or the binder notices. */
    private void limits(IntegerField field, String messageKey) {
        String message = getTranslation(messageKey, 0, MiningSettings.MAX_CREDITS);
        field.setMin(0);
        field.setMax(MiningSettings.MAX_CREDITS);
        field.setStepButtonsVisible(true);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(message).setMaxErrorMessage(message)
                .setBadInputErrorMessage(message).setRequiredErrorMessage(message));
    }

    private void bind() {
        binder.forField(leadMining).bind(d -> d.leadMining, (d, v) -> d.leadMining = v);
        binder.forField(leads).bind(d -> d.leads, (d, v) -> d.leads = v);
        binder.forField(country)
                .asRequired(getTranslation("settings.error.country.required"))
                .bind(d -> d.country, (d, v) -> d.country = v);
        binder.forField(trialCredits)
                .asRequired(getTranslation("settings.error.trialCredits.range", 0, MiningSettings.MAX_CREDITS))
                .withValidator(new IntegerRangeValidator(getTranslation("settings.error.trialCredits.range", 0,
                        MiningSettings.MAX_CREDITS), 0, MiningSettings.MAX_CREDITS))
                .bind(d -> d.trialCredits, (d, v) -> d.trialCredits = v);
        binder.forField(lowBalanceThreshold)
                .asRequired(getTranslation("settings.error.lowBalanceThreshold.range", 0, MiningSettings.MAX_CREDITS))
                .withValidator(new IntegerRangeValidator(getTranslation("settings.error.lowBalanceThreshold.range", 0,
                        MiningSettings.MAX_CREDITS), 0, MiningSettings.MAX_CREDITS))
                .bind(d -> d.lowBalanceThreshold, (d, v) -> d.lowBalanceThreshold = v);
        binder.forField(gdprText)
                .withValidator(t -> t != null && !t.isBlank(), getTranslation("settings.error.gdprText.required"))
                .withValidator(new StringLengthValidator(getTranslation("settings.error.gdprText.tooLong",
                        MiningSettings.GDPR_TEXT_MAX_LENGTH), 0, MiningSettings.GDPR_TEXT_MAX_LENGTH))
                .bind(d -> d.gdprText, (d, v) -> d.gdprText = v);
    }

    private void load(MiningSettings s) {
        Draft d = new Draft();
        d.leadMining = s.leadMiningEnabled();
        d.leads = s.leadsEnabled();
        d.country = countries.stream().filter(c -> c.code().equals(s.installationCountry())).findFirst().orElse(null);
        d.trialCredits = s.trialCredits();
        d.lowBalanceThreshold = s.lowBalanceThreshold();
        d.gdprText = s.gdprText();
        binder.readBean(d);
        last = settings.lastSaved().orElse(null);
        showLastSaved();
    }

    private void showLastSaved() {
        if (last == null) {
            lastSaved.setText(getTranslation("settings.neverSaved"));
            return;
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(last.at().atZone(zone)) + (zone.equals(ZoneOffset.UTC) ? " UTC" : "");
        lastSaved.setText(getTranslation("settings.lastSaved", when, Objects.requireNonNullElse(last.byName(), "?")));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // the time of the last save in the browser's zone when it is known; otherwise UTC
        BrowserZone.of(event.getUI()).ifPresent(browser -> {
            zone = browser;
            showLastSaved();
        });
    }

    private void save() {
        Draft d = new Draft();
        if (!binder.writeBeanIfValid(d)) {
            return;
        }
        try {
            MiningSettings saved = settings.save(new MiningSettings(d.leadMining, d.leads, d.country.code(),
                    d.trialCredits, d.lowBalanceThreshold, d.gdprText));
            load(saved);
            Notification n = Notification.show(getTranslation("settings.saved"), 3000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.setId("settings-notification");
        } catch (BusinessRuleException refusal) {
            Map<String, HasValidation> fields = Map.of("settings.error.country.", country,
                    "settings.error.trialCredits.", trialCredits,
                    "settings.error.lowBalanceThreshold.", lowBalanceThreshold,
                    "settings.error.gdprText.", gdprText);
            for (Map.Entry<String, HasValidation> e : fields.entrySet()) {
                if (refusal.messageKey().startsWith(e.getKey())) {
                    e.getValue().setErrorMessage(getTranslation(refusal.messageKey(), refusal.args()));
                    e.getValue().setInvalid(true);
                    return;
                }
            }
            throw refusal;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · " + getTranslation("app.name");
    }
}
