package com.vetacrm.credits;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trial grant: written once, on a fresh installation, even when two nodes start at the same moment. The
 * first test looks at the installation as the application's start left it; the others recreate the account.
 */
@WithUserDetails(DemoUsers.ADMIN)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrialGrantTest extends ServiceTest {

    @Autowired
    CreditAccounts accounts;
    @Autowired
    CreditAccountInitializer initializer;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void ledgerStaysConsistent() {
        CreditInvariants.check(jdbc);
    }

    private long trialEntries() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE kind = 'GRANT' AND reference = 'trial'",
                Long.class);
    }

    /** The database as before the very first start, as far as credits go. */
    private void forgetTheAccount() {
        jdbc.update("DELETE FROM credit_purchase");
        jdbc.update("DELETE FROM credit_entry");
        jdbc.update("DELETE FROM credit_hold");
        jdbc.update("DELETE FROM credit_account");
    }

    private long balance() {
        return jdbc.queryForObject("SELECT balance FROM credit_account WHERE service = 'LEAD_MINING'", Long.class);
    }

    @Test
    @Order(1)
    void aFreshInstallationHasOneAccountWithItsTrialGrant() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_account", Long.class)).isEqualTo(1);
        assertThat(trialEntries()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT amount FROM credit_entry WHERE reference = 'trial'", Long.class))
                .isEqualTo(MiningSettings.DEFAULT_TRIAL_CREDITS);
    }

    @Test
    void aRestartFindsTheAccountAndGrantsNothing() throws Exception {
        long balance = balance();

        initializer.run(null);

        assertThat(trialEntries()).isEqualTo(1);
        assertThat(balance()).isEqualTo(balance);
    }

    @Test
    void twoNodesStartingTogetherOnAFreshDatabaseGrantTheTrialOnce() throws Exception {
        settings.save(settings.current().withTrialCredits(300));
        forgetTheAccount();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(nodes.submit(() -> {
                    start.await();
                    return tx.execute(status -> accounts.open(CreditAccounts.LEAD_MINING));
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : opened) {
                results.add(f.get(1, TimeUnit.MINUTES));
            }

            assertThat(results).containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_account", Long.class)).isEqualTo(1);
        assertThat(trialEntries()).isEqualTo(1);
        assertThat(balance()).isEqualTo(300);
    }

    @Test
    void theTrialIsTheSettingAtTheMomentTheAccountIsCreated() {
        settings.save(settings.current().withTrialCredits(750));
        forgetTheAccount();

        tx.executeWithoutResult(status -> accounts.open(CreditAccounts.LEAD_MINING));

        assertThat(balance()).isEqualTo(750);
        assertThat(trialEntries()).isEqualTo(1);
    }

    @Test
    void lockingAHoldBeforeTheAccountExistsOpensTheAccountAndFindsNoHold() {
        forgetTheAccount();

        CreditLedger.AccountAndHold locked = tx.execute(status ->
                accounts.lockWithHold(CreditAccounts.LEAD_MINING, 987_654_321L));

        int trial = settings.current().trialCredits();  // another test of this class may have set it to 0
        assertThat(locked.hold()).isEmpty();
        assertThat(locked.account().balance()).isEqualTo(balance()).isEqualTo(trial);
        assertThat(trialEntries()).isEqualTo(trial > 0 ? 1 : 0);
    }

    @Test
    void aTrialOfZeroOpensAnEmptyAccountWithoutAnEntry() {
        settings.save(settings.current().withTrialCredits(0));
        forgetTheAccount();

        tx.executeWithoutResult(status -> accounts.open(CreditAccounts.LEAD_MINING));

        assertThat(balance()).isZero();
        assertThat(trialEntries()).isZero();
    }
}
