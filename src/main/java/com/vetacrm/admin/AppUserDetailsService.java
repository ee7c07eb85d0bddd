package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The user store behind sign-in. Inactive users are loaded as disabled, so Spring Security refuses them. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AppUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's row by JDBC rather than the {@link AppUser} entity: every sign-in and every mining job (which acts
     * as its requester) reads it, and an entity loaded in a job's transaction made its commit flush Hibernate's
     * session as well (the query and the flush were 7 % of a mining job's Java time). Times are stored in UTC
     * ({@code hibernate.jdbc.time_zone}).
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("SELECT id, username, display_name, role, active, password_hash, locked_until FROM app_user"
                        + " WHERE username = :username")
                .param("username", normalised)
                .query((rs, n) -> {
                    LocalDateTime lockedUntil = rs.getObject(7, LocalDateTime.class);
                    return new VetaPrincipal(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Role.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6),
                            lockedUntil == null ? null : lockedUntil.toInstant(ZoneOffset.UTC));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
