package com.vetacrm.security;

import java.time.Duration;

/**
 * How Veta protects sign-in: this many failed attempts for one user within the window lock that user for
 * the lock time. The admin module counts the attempts on the user row; the login view tells a locked user
 * how long to wait.
 */
public final class LoginPolicy {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private LoginPolicy() {
    }
}
