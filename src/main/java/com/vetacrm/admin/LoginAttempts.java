package com.vetacrm.admin;

import com.vetacrm.security.LoginPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Login protection: {@value #MAX_FAILURES} failed sign-ins of one user within {@link #WINDOW} lock that user
 * for {@link #LOCK}; a successful sign-in clears the count. Kept on the user row (change 0021), updated with
 * one atomic statement, so every node counts the same attempts and a lock holds on all of them. While a user
 * is locked Spring Security refuses the sign-in before it checks the password, so a guesser learns nothing more.
 * Unknown user names are not counted (there is nothing to lock).
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = LoginPolicy.MAX_FAILURES;
    static final Duration WINDOW = LoginPolicy.WINDOW;
    static final Duration LOCK = LoginPolicy.LOCK;

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        clear(event.getAuthentication().getName());
    }

    /**
     * Counts a failed sign-in. MariaDB applies the assignments left to right, each seeing the ones before:
     * the count restarts when the window has passed, and the lock is set when the new count reaches the limit.
     */
    void recordFailure(String username) {
        LocalDateTime now = utc(clock.instant());
        int locked = jdbc.sql("""
                        UPDATE app_user SET
                            failed_logins = IF(failed_since IS NULL OR failed_since < :windowStart, 1, failed_logins + 1),
                            failed_since = IF(failed_logins = 1, :now, failed_since),
                            locked_until = IF(failed_logins >= :max, :lockedUntil, locked_until)
                        WHERE username = :username AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("windowStart", utc(clock.instant().minus(WINDOW))).param("now", now)
                .param("max", MAX_FAILURES).param("lockedUntil", utc(clock.instant().plus(LOCK)))
                .param("username", normalise(username))
                .update();
        if (locked > 0 && isLocked(username)) {
            log.warn("User {} locked for {} minutes after {} failed sign-ins", normalise(username), LOCK.toMinutes(),
                    MAX_FAILURES);
        }
    }

    void clear(String username) {
        jdbc.sql("""
                        UPDATE app_user SET failed_logins = 0, failed_since = NULL, locked_until = NULL
                        WHERE username = :username AND (failed_logins > 0 OR locked_until IS NOT NULL)""")
                .param("username", normalise(username)).update();
    }

    boolean isLocked(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username AND locked_until > :now")
                .param("username", normalise(username)).param("now", utc(clock.instant()))
                .query(Long.class).single() > 0;
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
