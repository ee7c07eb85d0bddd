package com.vetacrm.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The limits of the administration forms, shared by the views (field checks while typing) and the
 * services (which check again), so both always agree. The numbers match the columns of the schema.
 */
public final class AdminRules {

    public static final int USERNAME_MAX_LENGTH = 60;
    /** Lower-case letters, digits, dot, underscore and hyphen (decision 6). */
    public static final Pattern USERNAME_PATTERN = Pattern.compile("[a-z0-9._-]+");
    public static final int DISPLAY_NAME_MAX_LENGTH = 120;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PASSWORD_MIN_LENGTH = 10;
    /** BCrypt reads at most 72 bytes; Spring Security refuses longer input rather than silently ignoring the rest. */
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int TEAM_NAME_MAX_LENGTH = 100;
    public static final int STAGE_NAME_MAX_LENGTH = 60;
    public static final int TAG_NAME_MAX_LENGTH = 60;
    public static final Pattern COLOR_PATTERN = Pattern.compile("#[0-9a-fA-F]{6}");

    private AdminRules() {
    }

    /** Usernames are stored in lower case without surrounding blanks, so "Lucia " and "lucia" are one user. */
    public static String normaliseUsername(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidUsername(String normalised) {
        return USERNAME_PATTERN.matcher(normalised).matches();
    }

    public static boolean isPasswordLongEnough(String password) {
        return password != null && password.length() >= PASSWORD_MIN_LENGTH;
    }

    public static boolean isPasswordShortEnough(String password) {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
    }

    public static boolean isValidColor(String color) {
        return color != null && COLOR_PATTERN.matcher(color.strip()).matches();
    }

    /** Colours are stored as lower-case {@code #rrggbb}. */
    public static String normaliseColor(String color) {
        return color.strip().toLowerCase(Locale.ROOT);
    }
}
