package com.vetacrm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** A page that fails to open shows a translated message, never the exception's text. */
class ErrorViewTest extends ViewTest {

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void failureWhileOpeningAPageShowsAnIncidentCodeAndNoDetail() {
        navigate("test/broken", UnexpectedErrorView.class);
        String text = $(UnexpectedErrorView.class).single().getElement().getTextRecursively();
        assertThat(text).contains("Something went wrong").contains("incident code");
        assertThat(text).doesNotContain("jdbc").doesNotContain("hunter2").doesNotContain("IllegalState");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void serviceRefusingTheRoleWhileOpeningAPageReadsAsAccessDenied() {
        navigate("test/calls-admin-service", UnexpectedErrorView.class);
        String text = $(UnexpectedErrorView.class).single().getElement().getTextRecursively();
        assertThat(text).contains("Access denied").doesNotContain("AuthorizationDenied");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theSamePageOpensForTheRoleTheServiceAllows() {
        navigate("test/calls-admin-service", FailingTestViews.CallsAdminService.class);
        assertThat($(FailingTestViews.CallsAdminService.class).single().getText()).isEqualTo("users: 1");
    }
}
