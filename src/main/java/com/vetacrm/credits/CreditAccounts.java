package com.vetacrm.credits;

import com.vetacrm.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a service's credit account: the row every balance change locks, and the trial grant of a fresh
 * installation, written exactly once.
 * <p>
 * "Once" holds even when two nodes start together on an empty database: the account row is inserted with
 * {@code INSERT IGNORE} on its unique service key; the second insert waits for the first transaction and
 * then inserts nothing, so only the transaction that created the row writes the grant, in the same
 * transaction. A failure in between rolls both back and the next start tries again.
 */
@Component
class CreditAccounts {

    /** The service of the one account Veta has: lead mining. */
    static final String LEAD_MINING = "LEAD_MINING";
    /** The reference of the trial grant's entry. */
    static final String TRIAL_REFERENCE = "trial";

    private static final Logger log = LoggerFactory.getLogger(CreditAccounts.class);

    private final CreditLedger ledger;
    private final SettingsService settings;
    private final Clock clock = Clock.systemUTC();

    CreditAccounts(CreditLedger ledger, SettingsService settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    /** The account row of the service, locked until the caller's transaction ends; opened first when missing. */
    CreditLedger.AccountRow lock(String service) {
        return ledger.lockAccount(service).orElseGet(() -> {
            open(service);
            return ledger.lockAccount(service).orElseThrow();
        });
    }

    /**
     * Creates the account unless it exists; the transaction that creates it also grants the trial credits of
     * the settings. Runs in the caller's transaction. Returns whether this call created it.
     */
    boolean open(String service) {
        Instant now = clock.instant();
        if (!ledger.insertAccountIfAbsent(service, now)) {
            return false;
        }
        int trial = settings.current().trialCredits();
        CreditLedger.AccountRow account = ledger.lockAccount(service).orElseThrow();
        if (trial > 0) {
            AccountState after = account.state().credit(trial);
            ledger.insertEntry(account.id(), CreditEntryKind.GRANT, trial, after, null, null, TRIAL_REFERENCE, null,
                    null, now);
            ledger.updateAccount(account.id(), after);
        }
        log.info("Credit account {} opened with a trial grant of {} credits", service, trial);
        return true;
    }
}
