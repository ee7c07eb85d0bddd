package com.vetacrm.admin;

import com.vetacrm.security.Role;

/** A user as lists show it: no password hash, no entity state. */
public record UserSummary(long id, String username, String displayName, String email, Role role, String locale,
        boolean active) {

    static UserSummary of(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(),
                u.getLocale(), u.isActive());
    }
}
