package com.vetacrm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vetacrm.admin.ui.UsersView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Which role may open which page, and what the others see instead. */
class AccessRulesViewTest extends ViewTest {

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonOpeningUserAdministrationSeesAccessDenied() {
        navigate("admin/users", AccessDeniedView.class);
        assertThat($(AccessDeniedView.class).single().getElement().getTextRecursively()).contains("Access denied");
        assertThat($(UsersView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerOpeningUserAdministrationSeesAccessDenied() {
        navigate("admin/users", AccessDeniedView.class);
        assertThat($(UsersView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminOpensUserAdministrationWithALazyGrid() {
        UsersView view = navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<com.vetacrm.admin.UserSummary> grid = $(Grid.class, view).id("users-grid");
        // ten demo users, sorted by username
        assertThat(test(grid).size()).isEqualTo(10);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("admin");
        List<String> usernames = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getCellText(i, 0)).toList();
        assertThat(test(grid).getCellText(usernames.indexOf("manager"), 3)).isEqualTo("Sales manager");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void everyRoleOpensThePipeline() {
        navigate(com.vetacrm.lead.ui.PipelineView.class);
        assertThat($(AccessDeniedView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void unknownAddressShowsNotFound() {
        navigate("no/such/page", NotFoundView.class);
        assertThat($(NotFoundView.class).single().getElement().getTextRecursively()).contains("Page not found");
    }
}
