package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.vetacrm.admin.UserService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Login protection through the real security filter chain: repeated failed sign-ins lock a user for a while
 * (even with the right password), success clears the count, the window and the lock expire, an
 * administrator's password reset lifts the lock; a user changes their own password only with the current
 * one; every response carries the security headers.
 */
class LoginProtectionTest extends ServiceTest {

    private static final String USER = "david";
    private static final String PASSWORD = "demo-password";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService userService;
    @Autowired
    UserDetailsService users;

    MockMvc mvc;
    /** david's password hash as the class found it: tests change his password. */
    private static String demoPasswordHash;

    @BeforeEach
    void everyoneUnlockedAndDavidWithHisDemoPassword() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        if (demoPasswordHash == null) {
            demoPasswordHash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                    USER);
        }
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", demoPasswordHash, USER);
        jdbc.update("UPDATE app_user SET failed_logins = 0, failed_since = NULL, locked_until = NULL");
    }

    private void failures(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            mvc.perform(formLogin("/login").user(USER).password("wrong-" + i)).andExpect(unauthenticated());
        }
    }

    private void signsIn() throws Exception {
        mvc.perform(formLogin("/login").user(USER).password(PASSWORD)).andExpect(authenticated().withUsername(USER));
    }

    private void isLockedOut() throws Exception {
        mvc.perform(formLogin("/login").user(USER).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        instanceOf(LockedException.class)));
    }

    @Test
    void tenFailedSignInsLockTheUserEvenWithTheRightPassword() throws Exception {
        failures(LoginPolicy.MAX_FAILURES);

        isLockedOut();
        assertThat(jdbc.queryForObject("SELECT locked_until > NOW() FROM app_user WHERE username = ?", Boolean.class,
                USER)).isTrue();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() throws Exception {
        failures(LoginPolicy.MAX_FAILURES - 1);
        signsIn();
        failures(LoginPolicy.MAX_FAILURES - 1);

        signsIn();
    }

    @Test
    void failuresOlderThanTheWindowDoNotAddUp() throws Exception {
        failures(LoginPolicy.MAX_FAILURES - 1);
        jdbc.update("UPDATE app_user SET failed_since = failed_since - INTERVAL 6 MINUTE WHERE username = ?", USER);
        failures(1);

        signsIn();
    }

    @Test
    void theLockEndsByItselfAfterItsTime() throws Exception {
        failures(LoginPolicy.MAX_FAILURES);
        isLockedOut();
        jdbc.update("UPDATE app_user SET locked_until = NOW() - INTERVAL 1 SECOND WHERE username = ?", USER);

        signsIn();
    }

    @Test
    void anAdministratorsPasswordResetLiftsTheLock() throws Exception {
        failures(LoginPolicy.MAX_FAILURES);
        long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, USER);

        SignIns.as(users, DemoUsers.ADMIN, () -> {
            userService.resetPassword(id, "a-new-password-1");
            return null;
        });

        mvc.perform(formLogin("/login").user(USER).password("a-new-password-1")).andExpect(authenticated());
    }

    @Test
    void unknownUserNamesAreRefusedWithoutLockingAnyone() throws Exception {
        for (int i = 0; i < LoginPolicy.MAX_FAILURES + 2; i++) {
            mvc.perform(formLogin("/login").user("nobody").password("x")).andExpect(unauthenticated());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE locked_until IS NOT NULL", Long.class))
                .isZero();
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        assertThatThrownBy(() -> SignIns.as(users, USER, () -> {
            userService.changeMyPassword("not-it", "another-password-1");
            return null;
        })).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo("users.error.password.wrongCurrent"));
        assertThatThrownBy(() -> SignIns.as(users, USER, () -> {
            userService.changeMyPassword(PASSWORD, "short");
            return null;
        })).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo("users.error.password.tooShort"));
        signsIn();

        SignIns.as(users, USER, () -> {
            userService.changeMyPassword(PASSWORD, "another-password-1");
            return null;
        });

        mvc.perform(formLogin("/login").user(USER).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(USER).password("another-password-1")).andExpect(authenticated());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        // any response of the security filter chain; the Vaadin servlet itself is not part of MockMvc
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")));
    }
}
