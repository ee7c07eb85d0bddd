package com.vetacrm.settings;

/**
 * The lead-mining settings of the installation, as one value: {@link SettingsService#save} stores all of
 * them or none.
 *
 * @param leadMiningEnabled   off hides every Generate Leads entry point and the mining service refuses
 * @param leadsEnabled        off: mined and quick-created records are opportunities (no lead stage)
 * @param installationCountry ISO 3166-1 alpha-2, upper case; the mining dialog's default country
 * @param trialCredits        credits granted once when the credit account is first created (0..1,000,000)
 * @param lowBalanceThreshold managers and admins are warned when available credits fall below it (0..1,000,000)
 * @param gdprText            the notice shown in the mining dialog, as written (not blank, at most 10,000 characters)
 */
public record MiningSettings(boolean leadMiningEnabled, boolean leadsEnabled, String installationCountry,
        int trialCredits, int lowBalanceThreshold, String gdprText) {

    /** Upper bound of the trial credits and of the low-balance threshold. */
    public static final int MAX_CREDITS = 1_000_000;
    public static final int GDPR_TEXT_MAX_LENGTH = 10_000;
    public static final int DEFAULT_TRIAL_CREDITS = 200;
    public static final int DEFAULT_LOW_BALANCE_THRESHOLD = 50;

    /**
     * The notice a fresh installation shows until an administrator writes their own. It is data, shown as
     * written to every user (an administrator may translate or replace it), not a translation of the UI.
     */
    public static final String DEFAULT_GDPR_TEXT = """
            Lead mining adds companies and their contacts to your CRM. Names, job titles, e-mail addresses and \
            phone numbers of people are personal data. If they belong to residents of the European Union (or of \
            another country with a similar law), the GDPR applies: you need a lawful basis (usually legitimate \
            interest, documented by a balancing test) before you contact them, you must tell them where you got \
            their data within one month, and you must honour their objection, access and erasure requests. \
            Use mined contacts only for business-to-business outreach that matches their role, and erase the \
            data of anyone who asks.""";

    public MiningSettings withLeadMiningEnabled(boolean on) {
        return new MiningSettings(on, leadsEnabled, installationCountry, trialCredits, lowBalanceThreshold, gdprText);
    }

    public MiningSettings withLeadsEnabled(boolean on) {
        return new MiningSettings(leadMiningEnabled, on, installationCountry, trialCredits, lowBalanceThreshold,
                gdprText);
    }

    public MiningSettings withInstallationCountry(String code) {
        return new MiningSettings(leadMiningEnabled, leadsEnabled, code, trialCredits, lowBalanceThreshold, gdprText);
    }

    public MiningSettings withTrialCredits(int credits) {
        return new MiningSettings(leadMiningEnabled, leadsEnabled, installationCountry, credits, lowBalanceThreshold,
                gdprText);
    }

    public MiningSettings withLowBalanceThreshold(int threshold) {
        return new MiningSettings(leadMiningEnabled, leadsEnabled, installationCountry, trialCredits, threshold,
                gdprText);
    }

    public MiningSettings withGdprText(String text) {
        return new MiningSettings(leadMiningEnabled, leadsEnabled, installationCountry, trialCredits,
                lowBalanceThreshold, text);
    }
}
