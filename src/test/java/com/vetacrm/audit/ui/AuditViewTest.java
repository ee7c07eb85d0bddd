package com.vetacrm.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vetacrm.audit.AuditEntry;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The audit page: administrators see the entries, newest first; nobody else opens it. */
class AuditViewTest extends ViewTest {

    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorSeesTheLatestActionFirst() {
        settings.save(settings.current().withLowBalanceThreshold(60));

        navigate(AuditView.class);

        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).id("audit-grid");
        assertThat(test(grid).size()).isPositive();
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Settings saved");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Alex Morgan");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerCannotOpenIt() {
        navigate("admin/audit", com.vetacrm.shell.AccessDeniedView.class);
        assertThat($(AuditView.class).exists()).isFalse();
    }
}
