package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.shared.SupportedLanguage;

/**
 * A user an administrator creates.
 *
 * @param username        sign-in name; stored in lower case
 * @param email           optional
 * @param language        null = follow the browser
 * @param initialPassword at least {@link AdminRules#PASSWORD_MIN_LENGTH} characters; only its hash is kept
 */
public record NewUser(String username, String displayName, String email, Role role, SupportedLanguage language,
        String initialPassword) {

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
