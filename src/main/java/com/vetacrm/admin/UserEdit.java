package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.shared.SupportedLanguage;

/**
 * What the administrators' user form edits. The username cannot change (it is how the person signs in);
 * the password changes through {@link UserService#resetPassword}.
 *
 * @param version  the version the form was loaded with (optimistic locking)
 * @param email    optional
 * @param language null = follow the browser
 */
public record UserEdit(long id, long version, String displayName, String email, Role role,
        SupportedLanguage language, boolean active) {

    static UserEdit of(AppUser u) {
        return new UserEdit(u.getId(), u.getVersion(), u.getDisplayName(), u.getEmail(), u.getRole(),
                SupportedLanguage.ofTag(u.getLocale()).orElse(null), u.isActive());
    }
}
