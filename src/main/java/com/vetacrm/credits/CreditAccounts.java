package com.vetacrm.credits;

import com.vetacrm.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
        return ledger.lockAccount(service).orElseGet(() -> create(service)
                .flatMap(ledger::lockAccount)
                .or(() -> ledger.lockAccount(service))
                .orElseThrow());
    }

    /**
     * The account row of the service and the hold, both locked until the caller's transaction ends (the account
     * opened first when missing); the hold is empty when the account has none of that id.
     */
    CreditLedger.AccountAndHold lockWithHold(String service, long holdId) {
        return ledger.lockAccountAndHold(service, holdId).orElseGet(() -> {
            CreditLedger.AccountRow account = lock(service);
            return new CreditLedger.AccountAndHold(account,
                    ledger.lockHold(holdId).filter(h -> h.accountId() == account.id()));
        });
    }

    /**
     * Creates the account unless it exists; the transaction that creates it also grants the trial credits of
     * the settings. Runs in the caller's transaction. Returns whether this call created it.
     */
    boolean open(String service) {
        return create(service).isPresent();
    }

    /** The new account's id, or empty when it existed. */
    private Optional<Long> create(String service) {
        Instant now = clock.instant();
        int trial = settings.current().trialCredits();
        Optional<Long> created = ledger.insertAccountIfAbsent(service, trial, now);
        created.ifPresent(id -> {
            if (trial > 0) {
                ledger.insertEntry(id, CreditEntryKind.GRANT, trial, new AccountState(trial, 0), null, null,
                        TRIAL_REFERENCE, null, null, now);
            }
            log.info("Credit account {} opened with a trial grant of {} credits", service, trial);
        });
        return created;
    }
}
