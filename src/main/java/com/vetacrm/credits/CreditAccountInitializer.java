package com.vetacrm.credits;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start: opens the lead-mining credit account if this is a fresh installation, with its trial
 * grant. After the initial users exist; a restart finds the account and writes nothing.
 */
@Component
@Order(CreditAccountInitializer.ORDER)
class CreditAccountInitializer implements ApplicationRunner {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final CreditAccounts accounts;
    private final TransactionTemplate tx;

    CreditAccountInitializer(CreditAccounts accounts, TransactionTemplate tx) {
        this.accounts = accounts;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the account row and its trial grant commit together or not at all
        tx.execute(status -> accounts.open(CreditAccounts.LEAD_MINING));
    }
}
