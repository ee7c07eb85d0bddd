package com.vetacrm.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. Carries the database id so services can
 * attribute changes without another query. The password hash is erased after authentication.
 */
public final class VetaPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean active;
    private String passwordHash;
    private final Instant lockedUntil;

    public VetaPrincipal(long id, String username, String displayName, Role role, boolean active,
            String passwordHash) {
        this(id, username, displayName, role, active, passwordHash, null);
    }

    /** @param lockedUntil sign-in is refused until then (too many failed attempts); null when not locked */
    public VetaPrincipal(long id, String username, String displayName, Role role, boolean active,
            String passwordHash, Instant lockedUntil) {
        this.id = id;
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = Objects.requireNonNull(role);
        this.active = active;
        this.passwordHash = passwordHash;
        this.lockedUntil = lockedUntil;
    }

    /** Until when sign-in is refused, when it is. */
    public Optional<Instant> lockedUntil() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now()) ? Optional.of(lockedUntil) : Optional.empty();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil().isEmpty();
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VetaPrincipal other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "VetaPrincipal[" + username + ", " + role + "]";
    }
}
