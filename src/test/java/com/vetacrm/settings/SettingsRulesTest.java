package com.vetacrm.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.Refusals;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The settings' checks, without a database: each refusal names its field. */
class SettingsRulesTest {

    private static final Predicate<String> KNOWN = Set.of("ES", "US", "DE")::contains;
    private static final MiningSettings VALID = new MiningSettings(true, true, "ES", 200, 50, "Notice");

    private static String refusal(MiningSettings s) {
        try {
            SettingsService.validate(s, KNOWN);
        } catch (RuntimeException e) {
            return Refusals.messageKey(e);
        }
        throw new AssertionError("accepted: " + s);
    }

    @Test
    void validSettingsAreStoredNormalised() {
        MiningSettings stored = SettingsService.validate(VALID.withInstallationCountry(" de ").withGdprText("  Be fair.  "), KNOWN);

        assertThat(stored.installationCountry()).isEqualTo("DE");
        assertThat(stored.gdprText()).isEqualTo("Be fair.");
        assertThat(stored.trialCredits()).isEqualTo(200);
    }

    @Test
    void theCountryIsRequiredAndMustBeKnown() {
        assertThat(refusal(VALID.withInstallationCountry(null))).isEqualTo("settings.error.country.required");
        assertThat(refusal(VALID.withInstallationCountry("  "))).isEqualTo("settings.error.country.required");
        assertThat(refusal(VALID.withInstallationCountry("XX"))).isEqualTo("settings.error.country.unknown");
        assertThat(refusal(VALID.withInstallationCountry("ESP"))).isEqualTo("settings.error.country.unknown");
    }

    @Test
    void trialCreditsAndThresholdGoFromZeroToAMillion() {
        assertThat(SettingsService.validate(VALID.withTrialCredits(0).withLowBalanceThreshold(0), KNOWN).trialCredits()).isZero();
        assertThat(SettingsService.validate(VALID.withTrialCredits(1_000_000).withLowBalanceThreshold(1_000_000), KNOWN)
                .lowBalanceThreshold()).isEqualTo(1_000_000);
        assertThat(refusal(VALID.withTrialCredits(-1))).isEqualTo("settings.error.trialCredits.range");
        assertThat(refusal(VALID.withTrialCredits(1_000_001))).isEqualTo("settings.error.trialCredits.range");
        assertThat(refusal(VALID.withLowBalanceThreshold(-1))).isEqualTo("settings.error.lowBalanceThreshold.range");
        assertThat(refusal(VALID.withLowBalanceThreshold(1_000_001))).isEqualTo("settings.error.lowBalanceThreshold.range");
    }

    @Test
    void theGdprNoticeIsRequiredAndAtMostTenThousandCharacters() {
        assertThat(refusal(VALID.withGdprText(null))).isEqualTo("settings.error.gdprText.required");
        assertThat(refusal(VALID.withGdprText(" \n "))).isEqualTo("settings.error.gdprText.required");
        assertThat(refusal(VALID.withGdprText("x".repeat(10_001)))).isEqualTo("settings.error.gdprText.tooLong");
        assertThat(SettingsService.validate(VALID.withGdprText("x".repeat(10_000)), KNOWN).gdprText()).hasSize(10_000);
    }

    @Test
    void theDefaultNoticeExplainsPersonalDataAndALawfulBasis() {
        assertThat(MiningSettings.DEFAULT_GDPR_TEXT).contains("personal data", "lawful basis", "GDPR")
                .hasSizeLessThan(MiningSettings.GDPR_TEXT_MAX_LENGTH);
    }

    @Test
    void theSwitchesAreKeptAsGiven() {
        MiningSettings off = SettingsService.validate(VALID.withLeadMiningEnabled(false).withLeadsEnabled(false), KNOWN);

        assertThat(off.leadMiningEnabled()).isFalse();
        assertThat(off.leadsEnabled()).isFalse();
    }
}
