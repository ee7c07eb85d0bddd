package com.vetacrm.credits.ui;

import com.vetacrm.credits.CreditBalance;
import com.vetacrm.credits.CreditService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shell.ShellBanner;
import java.util.Optional;

/**
 * The shell's low-balance warning (DESIGN §6): managers and administrators see it on every page while the
 * available credits are below the threshold of the settings and Lead Mining is on (with mining off,
 * credits have no use and the warning would only be noise).
 */
@org.springframework.stereotype.Component
class LowBalanceBanner implements ShellBanner {

    private final CreditService credits;
    private final SettingsService settings;
    private final CurrentUser currentUser;

    LowBalanceBanner(CreditService credits, SettingsService settings, CurrentUser currentUser) {
        this.credits = credits;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        if (!currentUser.hasRole(Role.SALES_MANAGER) && !currentUser.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        if (!settings.current().leadMiningEnabled()) {
            return Optional.empty();
        }
        CreditBalance balance = credits.balance();
        return balance.low() ? Optional.of(new LowBalanceNotice(balance)) : Optional.empty();
    }
}
