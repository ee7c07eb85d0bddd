package com.vetacrm.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling. Reads Spring Security's context, so it works the same in views, services and
 * tests (where {@code @WithUserDetails} loads a real user).
 */
@Component
public class CurrentUser {

    public Optional<VetaPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof VetaPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The signed-in user; fails when nobody is signed in (a programming error behind method security). */
    public VetaPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No signed-in user"));
    }

    public boolean hasRole(Role role) {
        return get().map(p -> p.role() == role).orElse(false);
    }

    /** Managers and admins see and change every team's records. */
    public boolean seesAllTeams() {
        return get().map(p -> p.role() == Role.SALES_MANAGER || p.role() == Role.ADMIN).orElse(false);
    }
}
