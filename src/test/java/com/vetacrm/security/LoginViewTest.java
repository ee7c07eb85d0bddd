package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.security.ui.LoginView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class LoginViewTest extends ViewTest {

    @Test
    void anonymousVisitorSeesTheSignInForm() {
        navigate(LoginView.class);
        LoginForm form = $(LoginForm.class).id("login-form");
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
    }

    @Test
    void failedSignInComesBackWithTheGenericError() {
        // what Spring Security redirects to after a failed attempt: /login?error
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = $(LoginForm.class).id("login-form");
        assertThat(form.isError()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void signedInSalespersonOpeningSignInLandsOnThePipeline() {
        navigate("login", PipelineView.class);
        assertThat($(LoginForm.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void signedInManagerOpeningSignInLandsOnThePipeline() {
        navigate("login", PipelineView.class);
        assertThat($(LoginForm.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void signedInAdminOpeningSignInLandsOnThePipeline() {
        navigate("login", PipelineView.class);
        assertThat($(LoginForm.class).exists()).isFalse();
    }
}
