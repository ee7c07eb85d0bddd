package com.vetacrm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class LanguageViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserLanguage userLanguage;

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void choosingSpanishInTheUserMenuIsRememberedAndApplied() {
        navigate(PipelineView.class);

        new MenuBarTester<>($(MenuBar.class).id("user-menu")).clickItem(0, 0, 1);  // Language > Español

        assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE username = 'sales'", String.class))
                .isEqualTo("es");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("es");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aSavedLanguageIsAppliedToEveryNewPage() {
        jdbc.update("UPDATE app_user SET locale = 'es' WHERE username = 'manager'");
        userLanguage.apply(UI.getCurrent());

        navigate(PipelineView.class);

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("es");
        assertThat($(SideNav.class).id("side-nav").getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Embudo", "Leads", "Directorio", "Solicitudes de generación de leads", "Créditos");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void withoutAChoiceTheBrowserLanguageApplies() {
        navigate(PipelineView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
    }
}
