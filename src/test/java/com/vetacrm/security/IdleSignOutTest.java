package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vetacrm.testsupport.ViewTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The sign-out of a session left alone (issue 8, item 6): Vaadin closes its session after the session timeout
 * without user action, and {@link IdleSignOut} then ends the HTTP session that holds the sign-in. In a real browser:
 * {@code SessionTimeoutBrowserTest}.
 */
class IdleSignOutTest extends ViewTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static MockHttpSession httpSession() {
        MockHttpSession http = new MockHttpSession();
        http.setMaxInactiveInterval((int) TIMEOUT.toSeconds());
        return http;
    }

    @Test
    void vaadinClosesItsSessionsAfterTheSessionTimeoutWithoutUserAction() {
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    @Test
    void aSessionWithoutUserActionForThirtyMinutesIsSignedOut() {
        MockHttpSession http = httpSession();

        boolean idle = IdleSignOut.signOutIfIdle(new WrappedHttpSession(http), true, NOW - TIMEOUT.toMillis(), NOW);

        assertThat(idle).isTrue();
        assertThat(http.isInvalid()).as("the HTTP session with the sign-in has ended").isTrue();
    }

    @Test
    void aUserActionWithinTheTimeoutKeepsTheSignIn() {
        MockHttpSession http = httpSession();

        boolean idle = IdleSignOut.signOutIfIdle(new WrappedHttpSession(http), true,
                NOW - TIMEOUT.minusSeconds(1).toMillis(), NOW);

        assertThat(idle).isFalse();
        assertThat(http.isInvalid()).isFalse();
    }

    @Test
    void withoutIdleClosingOrWithoutATimeoutTheSessionIsLeftToTheContainer() {
        MockHttpSession notClosingIdle = httpSession();
        MockHttpSession noTimeout = httpSession();
        noTimeout.setMaxInactiveInterval(-1);

        assertThat(IdleSignOut.signOutIfIdle(new WrappedHttpSession(notClosingIdle), false, 0, NOW)).isFalse();
        assertThat(IdleSignOut.signOutIfIdle(new WrappedHttpSession(noTimeout), true, 0, NOW)).isFalse();
        assertThat(IdleSignOut.signOutIfIdle(null, true, 0, NOW)).isFalse();

        assertThat(notClosingIdle.isInvalid()).isFalse();
        assertThat(noTimeout.isInvalid()).isFalse();
    }

    @Test
    void aSessionTheContainerEndedMeanwhileIsNoError() {
        MockHttpSession http = httpSession();
        http.invalidate();

        boolean idle = IdleSignOut.signOutIfIdle(new WrappedHttpSession(http), true, NOW - TIMEOUT.toMillis(), NOW);

        assertThat(idle).isTrue();
        assertThat(http.isInvalid()).isTrue();
    }
}
