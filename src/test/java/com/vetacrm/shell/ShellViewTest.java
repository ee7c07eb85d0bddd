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
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The shell as each role sees it: navigation filtered by role, the user menu, the landing page. */
class ShellViewTest extends ViewTest {

    private List<String> navigationLabels() {
        return $(SideNav.class).id("side-nav").getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminSeesPipelineAndAdministration() {
        navigate(PipelineView.class);
        assertThat(navigationLabels()).containsExactly("Pipeline", "Leads", "Directory", "Lead Mining Requests",
                "Credits", "Users", "Sales teams", "Stages", "Tags", "Reference data", "Directory import", "Audit log",
                "Settings");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerSeesCreditsButNoAdministration() {
        navigate(PipelineView.class);
        assertThat(navigationLabels()).containsExactly("Pipeline", "Leads", "Directory", "Lead Mining Requests", "Credits");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonSeesNoAdministration() {
        navigate(PipelineView.class);
        assertThat(navigationLabels()).containsExactly("Pipeline", "Leads");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void rootAddressLandsOnThePipeline() {
        navigate("", PipelineView.class);
        assertThat($(PipelineView.class).exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void userMenuShowsWhoIsSignedInWithLanguageAndSignOut() {
        navigate(PipelineView.class);
        MenuBar menu = $(MenuBar.class).id("user-menu");
        assertThat(new MenuBarTester<>(menu).isItemChecked(0, 0, 0)).isTrue();  // Language > English, from the browser default
        assertThat(menu.getItems().getFirst().getSubMenu().getItems())
                .extracting(item -> item.getId().orElse(""))
                .containsExactly("language-select", "change-password", "logout");
        assertThat(menu.getItems().getFirst().getElement().getTextRecursively()).contains("Marta Ruiz");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void pipelineShowsAColumnPerStageInOrder() {
        navigate(PipelineView.class);
        assertThat($(com.vaadin.flow.component.html.Div.class).withClassName("stage-column").all())
                .extracting(d -> d.getElement().getAttribute("data-stage"))
                .containsExactly("New", "Qualified", "Proposition", "Negotiation", "On Hold", "Won");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Pipeline · Veta");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void signOutFromTheUserMenuEndsTheSessionAndTheAuthentication() {
        navigate(PipelineView.class);
        jakarta.servlet.http.HttpSession http = ((com.vaadin.flow.server.WrappedHttpSession)
                VaadinSession.getCurrent().getSession()).getHttpSession();

        try {
            new MenuBarTester<>($(MenuBar.class).id("user-menu")).clickItem(0, 2);  // Sign out
        } catch (IllegalStateException sessionGone) {
            // the test harness touches the session after the click; the session being gone is the point
        }

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(isInvalidated(http)).isTrue();
    }

    private static boolean isInvalidated(jakarta.servlet.http.HttpSession session) {
        try {
            session.getAttributeNames();
            return false;
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }
}
