package com.vetacrm.credits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invariant check the credits tests rely on does notice a broken ledger. Each case breaks the ledger
 * inside a transaction, checks there, and rolls back.
 */
@WithUserDetails(DemoUsers.MANAGER)
class CreditInvariantsCheckTest extends ServiceTest {

    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    private void brokenThenRolledBack(String breakIt) {
        tx.executeWithoutResult(status -> {
            credits.hold(5, "invariant-check", null);
            assertThatCode(() -> CreditInvariants.check(jdbc)).as("before breaking").doesNotThrowAnyException();
            jdbc.update(breakIt);
            assertThatThrownBy(() -> CreditInvariants.check(jdbc)).as(breakIt).isInstanceOf(AssertionError.class);
            status.setRollbackOnly();
        });
        CreditInvariants.check(jdbc);
    }

    @Test
    void aBalanceThatDisagreesWithItsEntriesIsNoticed() {
        brokenThenRolledBack("UPDATE credit_account SET balance = balance + 1");
    }

    @Test
    void heldCreditsThatDisagreeWithTheOpenHoldsAreNoticed() {
        brokenThenRolledBack("UPDATE credit_hold SET state = 'RELEASED' WHERE reference = 'invariant-check'");
    }

    @Test
    void anEntryWhoseBalanceAfterDisagreesWithTheHistoryIsNoticed() {
        brokenThenRolledBack("UPDATE credit_entry SET balance_after = balance_after + 1 WHERE reference = 'invariant-check'");
    }

    @Test
    void aChargeWithoutItsReleaseIsNoticed() {
        brokenThenRolledBack("UPDATE credit_hold SET state = 'CAPTURED', captured = 5 WHERE reference = 'invariant-check'");
    }
}
