package com.vetacrm.testsupport;

import com.vetacrm.security.VetaPrincipal;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs a piece of a test as another real user (loaded by the application's own user store), then puts
 * the thread's previous sign-in back: how a test writes data "as the manager" while it is signed in as
 * a salesperson, or prepares data for a browser test.
 */
public final class SignIns {

    private SignIns() {
    }

    public static <T> T as(UserDetailsService users, String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        VetaPrincipal principal = (VetaPrincipal) users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
