package com.vetacrm.mining.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.server.VaadinSession;
import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.ui.LeadsView;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.DirectoryFixture;
import com.vetacrm.testsupport.SignIns;
import com.vetacrm.testsupport.ViewTest;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.awaitility.Awaitility.await;

/**
 * What the mining view tests share: a hand-made directory whose counts are known (twelve Belgian software
 * companies, six in Flanders and six in Wallonia, with three contacts each, and one French retailer), credits
 * enough, no records mined by earlier tests, and helpers to open the dialog and wait for a job.
 */
abstract class MiningUiTestBase extends ViewTest {

    static final String SOFTWARE = "software_services";
    static final String RETAIL = "retailing";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MiningService mining;
    @Autowired
    CreditService credits;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MiningResults results;

    @BeforeEach
    void aKnownDirectoryNothingMinedYetAndCreditsEnough() {
        as(DemoUsers.ADMIN, () -> {
            credits.grant(1_000, "mining view tests");
            return null;
        });
        DirectoryFixture directory = new DirectoryFixture(jdbc).forgetMinedLeads().empty()
                .twelveBelgianCompanies("ui-be-", SOFTWARE);
        directory.company("ui-fr-1", "FR", null, RETAIL, 30, 100);
    }

    <T> T as(String username, Supplier<T> work) {
        return SignIns.as(users, username, work);
    }

    /** Changes the settings as an administrator; returns the settings before, to put back. */
    MiningSettings changeSettings(java.util.function.UnaryOperator<MiningSettings> change) {
        MiningSettings before = settings.current();
        as(DemoUsers.ADMIN, () -> settings.save(change.apply(before)));
        return before;
    }

    void restoreSettings(MiningSettings before) {
        as(DemoUsers.ADMIN, () -> settings.save(before));
    }

    /** Opens the leads grid and clicks Generate Leads, as a user does. */
    Dialog openDialog() {
        navigate("leads", LeadsView.class);
        test($(Button.class).id("generate-leads-button")).click();
        return $(Dialog.class).id("generate-leads-dialog");
    }

    /** Whether a component and every parent of it are visible. */
    static boolean shown(Component c) {
        for (Component at = c; at != null; at = at.getParent().orElse(null)) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the request's job and then runs the pushed UI updates, as the push connection would. */
    MiningRequestRow awaitFinishedAndPush(long requestId) {
        await().pollInSameThread().atMost(WAIT)
                .until(() -> mining.findRequest(requestId).orElseThrow().state().finished());
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        return mining.findRequest(requestId).orElseThrow();
    }

    long lastRequestId() {
        return jdbc.queryForObject("SELECT MAX(id) FROM mining_request", Long.class);
    }
}
