package com.vetacrm.lead;

import com.vetacrm.shared.WebAddresses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The suppression list's hashing (DESIGN §5.5): a domain or e-mail address is stored only as the SHA-256
 * (hex, lower case) of its normalised form, so the list can keep an erased person from being mined again
 * without keeping their address. MariaDB's {@code SHA2(x, 256)} gives the same hex for the same UTF-8 text.
 */
public enum Suppression {
    DOMAIN,
    EMAIL;

    /** The hash stored for a value of this kind. */
    public String hash(String value) {
        return sha256(normalise(value));
    }

    /** Domains as {@link WebAddresses} normalises them (no {@code www.}); e-mails trimmed and lower case. */
    public String normalise(String value) {
        String v = value.trim();
        return switch (this) {
            case DOMAIN -> WebAddresses.websiteDomain(v).orElse(v.toLowerCase(Locale.ROOT));
            case EMAIL -> v.toLowerCase(Locale.ROOT);
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
