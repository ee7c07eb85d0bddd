package com.vetacrm.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.admin.StageService;
import com.vetacrm.lead.LeadCard;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.LeadType;
import com.vetacrm.lead.QuickLead;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.Refusals;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Lead-mining settings on MariaDB: defaults, saving, refusals, who may, and what the switches change. */
@WithUserDetails(DemoUsers.ADMIN)
class SettingsServiceTest extends ServiceTest {

    @Autowired
    SettingsService settings;
    @Autowired
    LeadService leads;
    @Autowired
    StageService stages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    private MiningSettings valid() {
        return new MiningSettings(true, true, "ES", 200, 50, "Our notice.");
    }

    @Test
    void aFreshInstallationHasTheDefaults() {
        jdbc.update("DELETE FROM app_setting WHERE setting_key LIKE 'lead-mining.%'");

        MiningSettings s = settings.current();

        assertThat(s).isEqualTo(new MiningSettings(true, true, "US", 200, 50, MiningSettings.DEFAULT_GDPR_TEXT));
        assertThat(settings.defaults()).isEqualTo(s);
        assertThat(settings.lastSaved()).isEmpty();
    }

    @Test
    void aSaveIsReadBackAtOnceWithWhoAndWhen() {
        MiningSettings wanted = new MiningSettings(false, false, "de", 0, 1_000, "  Datenschutz zuerst.  ");

        MiningSettings saved = settings.save(wanted);

        assertThat(saved).isEqualTo(new MiningSettings(false, false, "DE", 0, 1_000, "Datenschutz zuerst."));
        assertThat(settings.current()).isEqualTo(saved);
        assertThat(settings.lastSaved()).hasValueSatisfying(l -> assertThat(l.byName()).isEqualTo("Alex Morgan"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_setting WHERE setting_key LIKE 'lead-mining.%'",
                Long.class)).isEqualTo(6);
    }

    @Test
    void aRefusedSaveChangesNothing() {
        MiningSettings before = settings.save(valid());

        for (MiningSettings bad : new MiningSettings[] {
                valid().withLeadMiningEnabled(false).withInstallationCountry("ZZ"),
                valid().withLeadsEnabled(false).withTrialCredits(-1),
                valid().withInstallationCountry("FR").withLowBalanceThreshold(2_000_000),
                valid().withTrialCredits(5).withGdprText(" ")}) {
            assertThatThrownBy(() -> settings.save(bad)).as(bad.toString())
                    .extracting(Refusals::messageKey).asString().startsWith("settings.error.");
        }

        assertThat(settings.current()).isEqualTo(before);
    }

    @Test
    void eachRefusalNamesItsField() {
        assertThatThrownBy(() -> settings.save(valid().withInstallationCountry("QQ")))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.country.unknown");
        assertThatThrownBy(() -> settings.save(valid().withInstallationCountry("")))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.country.required");
        assertThatThrownBy(() -> settings.save(valid().withTrialCredits(1_000_001)))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.trialCredits.range");
        assertThatThrownBy(() -> settings.save(valid().withLowBalanceThreshold(-5)))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.lowBalanceThreshold.range");
        assertThatThrownBy(() -> settings.save(valid().withGdprText("")))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.gdprText.required");
        assertThatThrownBy(() -> settings.save(valid().withGdprText("n".repeat(10_001))))
                .extracting(Refusals::messageKey).isEqualTo("settings.error.gdprText.tooLong");
    }

    @Test
    void aStoredValueThatIsNotValidFallsBackToItsDefault() {
        settings.save(valid().withTrialCredits(300));
        jdbc.update("UPDATE app_setting SET setting_value = 'lots' WHERE setting_key = 'lead-mining.trial-credits'");
        jdbc.update("UPDATE app_setting SET setting_value = 'maybe' WHERE setting_key = 'lead-mining.enabled'");

        MiningSettings s = settings.current();

        assertThat(s.trialCredits()).isEqualTo(MiningSettings.DEFAULT_TRIAL_CREDITS);
        assertThat(s.leadMiningEnabled()).isTrue();
        assertThat(s.installationCountry()).isEqualTo("ES");
    }

    @Test
    void miningIsRefusedWhileLeadMiningIsOff() {
        settings.save(valid().withLeadMiningEnabled(false));
        assertThatThrownBy(() -> settings.requireLeadMiningEnabled())
                .extracting(Refusals::messageKey).isEqualTo("settings.lead-mining-disabled");

        settings.save(valid().withLeadMiningEnabled(true));
        settings.requireLeadMiningEnabled();
        assertThat(settings.current().leadMiningEnabled()).isTrue();
    }

    @Test
    void withLeadsOffAQuickCreatedCardIsAnOpportunity() {
        long firstStage = stages.findAllInOrder().getFirst().id();
        settings.save(valid().withLeadsEnabled(false));

        LeadCard off = SignIns.as(users, DemoUsers.MANAGER,
                () -> leads.quickCreate(new QuickLead(firstStage, "Opportunity only", "Acme", BigDecimal.TEN, null)));

        settings.save(valid().withLeadsEnabled(true));
        LeadCard on = SignIns.as(users, DemoUsers.MANAGER,
                () -> leads.quickCreate(new QuickLead(firstStage, "A lead", "Acme", BigDecimal.TEN, null)));

        assertThat(off.type()).isEqualTo(LeadType.OPPORTUNITY);
        assertThat(on.type()).isEqualTo(LeadType.LEAD);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managersReadTheSettingsButOnlyAdministratorsChangeThem() {
        assertThat(settings.current().installationCountry()).hasSize(2);
        assertThatThrownBy(() -> settings.save(valid())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.lastSaved()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonReadsTheSwitchesTheViewsNeed() {
        assertThat(settings.current()).isNotNull();
        assertThatThrownBy(() -> settings.save(valid())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void startUpCodeAndJobsReadTheSettingsWithoutASignedInUser() {
        settings.save(valid());
        var context = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            assertThat(settings.current().gdprText()).isNotBlank();
            settings.requireLeadMiningEnabled();
            assertThatThrownBy(() -> settings.save(valid()))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }
}
