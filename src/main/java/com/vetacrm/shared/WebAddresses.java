package com.vetacrm.shared;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses, websites and their domains, normalised the one way de-duplication needs
 * (DESIGN 5.5): lower case, no {@code www.}. Used by forms, services, the directory and mining.
 */
public final class WebAddresses {

    /** Deliberately practical, not RFC 5322: one @, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>()\",;:]{1,64}@([A-Za-z0-9-]{1,63}\\.)+[A-Za-z0-9-]{2,63}$");
    private static final Pattern URL_PARTS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)$");
    private static final Pattern HOST = Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}$");

    private WebAddresses() {
    }

    public static boolean isValidEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    /** The domain of an email address, normalised; empty for an invalid address. */
    public static Optional<String> emailDomain(String email) {
        if (!isValidEmail(email)) {
            return Optional.empty();
        }
        // the address matched EMAIL, so its domain is ASCII letters, digits, dots and hyphens, labels of 1-63:
        // IDN.toASCII would return it as it is
        String domain = email.trim().substring(email.trim().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return Optional.of(withoutWww(domain));
    }

    /**
     * The website as stored: an absolute http(s) URL. "example.com" becomes "https://example.com";
     * empty when it is not a web address (other schemes, spaces, no dotted host).
     */
    public static Optional<String> normaliseWebsite(String raw) {
        return website(raw).map(Website::url);
    }

    /** A website as stored ({@link #normaliseWebsite}) and its normalised host ({@link #websiteDomain}). */
    public record Website(String url, String domain) {
    }

    /**
     * {@link #normaliseWebsite} and {@link #websiteDomain} of the same input from one parse: mining stores both for
     * 200 companies at a time.
     */
    public static Optional<Website> website(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 2048) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (isBareLowerCaseHost(text)) {
            // how the directory stores a company's domain: nothing for URL_PARTS and java.net.URI to take apart, and
            // HOST is all that URI's parse would still check (mining reads 200 of them a job)
            return HOST.matcher(text).matches()
                    ? Optional.of(new Website("https://" + text, withoutWww(text))) : Optional.empty();
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        Matcher parts = URL_PARTS.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            // java.net.URI knows no accented host names: "münchen.de" is written in its ASCII form first
            String authority = parts.group(2);
            if (authority.contains("@")) {
                // "https://bank.example@evil.example" and "mailto:jane@example.com" are not a company's website
                return Optional.empty();
            }
            int colon = authority.lastIndexOf(':');
            String host = colon < 0 ? authority : authority.substring(0, colon);
            String port = colon < 0 ? "" : authority.substring(colon);
            // an ASCII host is what IDN.toASCII would return (HOST below checks its labels' lengths): skip it
            String asciiHost = (isAscii(host) ? host : IDN.toASCII(host)).toLowerCase(Locale.ROOT);
            URI uri = new URI(parts.group(1) + asciiHost + port + parts.group(3));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !HOST.matcher(uri.getHost()).matches()) {
                return Optional.empty();
            }
            // the host is already lower-case ASCII without a trailing dot (HOST): normaliseHost would only drop www.
            return Optional.of(new Website(uri.toString(), withoutWww(uri.getHost())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The normalised host of a website ("https://WWW.Example.com/x" → "example.com"). */
    public static Optional<String> websiteDomain(String raw) {
        return website(raw).map(Website::domain);
    }

    /**
     * Only lower-case ASCII letters, digits, dots and hyphens, and not ending in a hyphen: java.net.URI takes a host
     * ending in one for no host at all, so such input goes the long way.
     */
    private static boolean isBareLowerCaseHost(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
        }
        return !s.endsWith("-");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
