package com.vetacrm.admin;

import com.vetacrm.security.VetaPrincipal;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user store behind sign-in. Inactive users are loaded as disabled, so Spring Security refuses them. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return users.findByUsername(normalised)
                .map(u -> new VetaPrincipal(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(),
                        u.isActive(), u.getPasswordHash(), u.getLockedUntil()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
