package com.vetacrm.settings;

import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditService;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead-mining settings (DESIGN §2 M1): read by every feature that behaves differently with them,
 * changed by administrators on the settings page.
 * <p>
 * Nothing is cached: {@link #current()} reads the six rows by primary key on every call (well under a
 * millisecond), so a save is seen at once by every user and by every node of a cluster. A setting never
 * saved has its default: Lead Mining and Leads on, the country and trial credits from
 * {@code veta.settings.installation-country} / {@code veta.settings.trial-credits} (default {@code US} and
 * 200, so an installation can choose them before its first start), threshold 50 and the English GDPR notice
 * of {@link MiningSettings#DEFAULT_GDPR_TEXT}.
 */
@Service
@Transactional(readOnly = true)
public class SettingsService {

    /** When and by whom the settings were last saved; {@code byName} is null when that user is gone. */
    public record LastSaved(Instant at, String byName) {
    }

    // Keys in app_setting. Hyphenated, so they never look like translation keys.
    static final String KEY_LEAD_MINING = "lead-mining.enabled";
    static final String KEY_LEADS = "lead-mining.leads-enabled";
    static final String KEY_COUNTRY = "lead-mining.installation-country";
    static final String KEY_TRIAL_CREDITS = "lead-mining.trial-credits";
    static final String KEY_LOW_BALANCE = "lead-mining.low-balance-threshold";
    static final String KEY_GDPR_TEXT = "lead-mining.gdpr-text";
    static final List<String> KEYS = List.of(KEY_LEAD_MINING, KEY_LEADS, KEY_COUNTRY, KEY_TRIAL_CREDITS,
            KEY_LOW_BALANCE, KEY_GDPR_TEXT);

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private final SettingsStore store;
    private final AuditService audit;
    private final ReferenceDataService reference;
    private final CurrentUser currentUser;
    private final MiningSettings defaults;
    private final Clock clock = Clock.systemUTC();

    SettingsService(SettingsStore store, ReferenceDataService reference, CurrentUser currentUser, AuditService audit,
            @Value("${veta.settings.installation-country:US}") String defaultCountry,
            @Value("${veta.settings.trial-credits:" + MiningSettings.DEFAULT_TRIAL_CREDITS + "}") int defaultTrialCredits) {
        this.store = store;
        this.audit = audit;
        this.reference = reference;
        this.currentUser = currentUser;
        String country = defaultCountry == null ? "" : defaultCountry.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODE.matcher(country).matches()) {
            throw new IllegalStateException("veta.settings.installation-country must be an ISO 3166-1 alpha-2 code, not '"
                    + defaultCountry + "'");
        }
        if (defaultTrialCredits < 0 || defaultTrialCredits > MiningSettings.MAX_CREDITS) {
            throw new IllegalStateException("veta.settings.trial-credits must be between 0 and "
                    + MiningSettings.MAX_CREDITS + ", not " + defaultTrialCredits);
        }
        this.defaults = new MiningSettings(true, true, country, defaultTrialCredits,
                MiningSettings.DEFAULT_LOW_BALANCE_THRESHOLD, MiningSettings.DEFAULT_GDPR_TEXT);
    }

    /**
     * The settings in force. Readable by anyone, signed in or not: start-up code (the trial grant) and
     * background jobs need them too, and they hold nothing secret.
     */
    @PermitAll
    public MiningSettings current() {
        Map<String, String> stored = store.read(KEYS);
        return new MiningSettings(
                bool(stored, KEY_LEAD_MINING, defaults.leadMiningEnabled()),
                bool(stored, KEY_LEADS, defaults.leadsEnabled()),
                text(stored, KEY_COUNTRY, defaults.installationCountry()),
                integer(stored, KEY_TRIAL_CREDITS, defaults.trialCredits()),
                integer(stored, KEY_LOW_BALANCE, defaults.lowBalanceThreshold()),
                text(stored, KEY_GDPR_TEXT, defaults.gdprText()));
    }

    /** What a fresh installation has; the settings page offers the default GDPR notice from here. */
    @PermitAll
    public MiningSettings defaults() {
        return defaults;
    }

    /**
     * Checks and stores every setting, all or nothing. Refusals carry a key per field
     * ({@code settings.error.<field>.…}) so the page shows them where they are fixed.
     *
     * @return the settings as stored (country upper case, notice without surrounding blanks)
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public MiningSettings save(MiningSettings settings) {
        MiningSettings valid = validate(settings, this::isKnownCountry);
        TreeMap<String, String> values = new TreeMap<>();
        values.put(KEY_LEAD_MINING, Boolean.toString(valid.leadMiningEnabled()));
        values.put(KEY_LEADS, Boolean.toString(valid.leadsEnabled()));
        values.put(KEY_COUNTRY, valid.installationCountry());
        values.put(KEY_TRIAL_CREDITS, Integer.toString(valid.trialCredits()));
        values.put(KEY_LOW_BALANCE, Integer.toString(valid.lowBalanceThreshold()));
        values.put(KEY_GDPR_TEXT, valid.gdprText());
        store.write(values, currentUser.get().map(VetaPrincipal::id).orElse(null), clock.instant());
        audit.record(AuditAction.SETTINGS_SAVED, "settings", null, "lead mining " + valid.leadMiningEnabled()
                + ", leads " + valid.leadsEnabled() + ", country " + valid.installationCountry() + ", trial credits "
                + valid.trialCredits() + ", low-balance threshold " + valid.lowBalanceThreshold()
                + ", GDPR notice " + valid.gdprText().length() + " characters");
        log.info("Lead-mining settings saved by {}: mining {}, leads {}, country {}, trial {}, threshold {}",
                currentUser.get().map(VetaPrincipal::getUsername).orElse("?"), valid.leadMiningEnabled(),
                valid.leadsEnabled(), valid.installationCountry(), valid.trialCredits(), valid.lowBalanceThreshold());
        return valid;
    }

    /** Refuses with {@code settings.lead-mining-disabled} when an administrator turned Lead Mining off. */
    @PermitAll
    public void requireLeadMiningEnabled() {
        if (!current().leadMiningEnabled()) {
            throw new BusinessRuleException("settings.lead-mining-disabled");
        }
    }

    /** When the settings were last saved, for the settings page; empty while they are all defaults. */
    @RolesAllowed(Role.Names.ADMIN)
    public Optional<LastSaved> lastSaved() {
        return store.lastSaved(KEYS);
    }

    /**
     * The settings as they would be stored, or the first refusal. Pure apart from the country look-up, so
     * the rules are tested without a database.
     */
    static MiningSettings validate(MiningSettings s, Predicate<String> knownCountry) {
        Objects.requireNonNull(s, "settings");
        String country = s.installationCountry() == null ? "" : s.installationCountry().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            throw new BusinessRuleException("settings.error.country.required");
        }
        if (!COUNTRY_CODE.matcher(country).matches() || !knownCountry.test(country)) {
            throw new BusinessRuleException("settings.error.country.unknown", country);
        }
        if (s.trialCredits() < 0 || s.trialCredits() > MiningSettings.MAX_CREDITS) {
            throw new BusinessRuleException("settings.error.trialCredits.range", 0, MiningSettings.MAX_CREDITS);
        }
        if (s.lowBalanceThreshold() < 0 || s.lowBalanceThreshold() > MiningSettings.MAX_CREDITS) {
            throw new BusinessRuleException("settings.error.lowBalanceThreshold.range", 0, MiningSettings.MAX_CREDITS);
        }
        String gdpr = s.gdprText() == null ? "" : s.gdprText().strip();
        if (gdpr.isEmpty()) {
            throw new BusinessRuleException("settings.error.gdprText.required");
        }
        if (gdpr.length() > MiningSettings.GDPR_TEXT_MAX_LENGTH) {
            throw new BusinessRuleException("settings.error.gdprText.tooLong", MiningSettings.GDPR_TEXT_MAX_LENGTH);
        }
        return new MiningSettings(s.leadMiningEnabled(), s.leadsEnabled(), country, s.trialCredits(),
                s.lowBalanceThreshold(), gdpr);
    }

    private boolean isKnownCountry(String code) {
        return reference.countries(Locale.ENGLISH).stream().anyMatch(c -> c.code().equals(code));
    }

    private static boolean bool(Map<String, String> stored, String key, boolean fallback) {
        String v = stored.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        log.warn("Setting {} holds '{}', not true/false; using {}", key, v, fallback);
        return fallback;
    }

    private static int integer(Map<String, String> stored, String key, int fallback) {
        String v = stored.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0 && n <= MiningSettings.MAX_CREDITS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the warning
        }
        log.warn("Setting {} holds '{}', not a number from 0 to {}; using {}", key, v, MiningSettings.MAX_CREDITS,
                fallback);
        return fallback;
    }

    private static String text(Map<String, String> stored, String key, String fallback) {
        String v = stored.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
