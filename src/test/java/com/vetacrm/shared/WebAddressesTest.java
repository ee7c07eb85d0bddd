package com.vetacrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jane@example.com", "Jane.Doe+crm@Sub.Example.CO.UK", "j_o-e@ex-ample.es",
            "josé@example.es", " jane@example.com "})
    void practicalEmailAddressesAreValid(String email) {
        assertThat(WebAddresses.isValidEmail(email)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane doe@example.com",
            "jane@@example.com", "jane@exa mple.com", "<jane@example.com>", "jane@example.c", "jane,doe@example.com"})
    void malformedEmailAddressesAreInvalid(String email) {
        assertThat(WebAddresses.isValidEmail(email)).isFalse();
    }

    @Test
    void emailLongerThan254CharactersIsInvalid() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(WebAddresses.isValidEmail(local + "@" + domain)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "jane@example.com,           example.com",
            "Jane@WWW.Example.COM,       example.com",
            "jane@Sales.Example.com,     sales.example.com",
            "' jane@example.com ',       example.com"})
    void emailDomainIsLowerCaseWithoutWww(String email, String domain) {
        assertThat(WebAddresses.emailDomain(email)).contains(domain);
    }

    @Test
    void invalidEmailHasNoDomain() {
        assertThat(WebAddresses.emailDomain("not an email")).isEmpty();
        assertThat(WebAddresses.emailDomain(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "example.com,                    https://example.com",
            "www.example.com/contact,        https://www.example.com/contact",
            "http://example.com,             http://example.com",
            "https://example.com:8443/a?b=c, https://example.com:8443/a?b=c",
            "'  example.com  ',              https://example.com"})
    void websiteWithoutSchemeGetsHttpsAndTheRestIsKept(String raw, String stored) {
        assertThat(WebAddresses.normaliseWebsite(raw)).contains(stored);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"not a url", "ftp://example.com", "javascript:alert(1)",
            "localhost", "http://localhost:8080", "example", "https://-bad-.com", "https://exa mple.com",
            "https://example.123"})
    void somethingThatIsNotAWebAddressIsRefused(String raw) {
        assertThat(WebAddresses.normaliseWebsite(raw)).isEmpty();
    }

    @Test
    void websiteLongerThan2048CharactersIsRefused() {
        assertThat(WebAddresses.normaliseWebsite("https://example.com/" + "a".repeat(2048))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "WWW.Example.COM,              example.com",
            "https://WWW.Example.com/x,    example.com",
            "http://shop.example.com:8080, shop.example.com"})
    void websiteDomainIsLowerCaseWithoutWww(String raw, String domain) {
        assertThat(WebAddresses.websiteDomain(raw)).contains(domain);
    }

    @Test
    void websiteAndEmailOfTheSameCompanyHaveTheSameDomain() {
        assertThat(WebAddresses.websiteDomain("https://www.Acme.example/about"))
                .isEqualTo(WebAddresses.emailDomain("sales@ACME.example"));
    }

    /**
     * An email address pasted into the website field is not the company's website: read as a URL it is
     * "https://mailto:jane@example.com", user "mailto", password "jane". A company website never carries
     * a user name or password, and one that does ("https://bank.example@evil.example") misleads.
     */
    @Test
    void websiteWithUserInformationIsRefused() {
        assertThat(WebAddresses.normaliseWebsite("mailto:jane@example.com")).isEmpty();
        assertThat(WebAddresses.normaliseWebsite("https://user:secret@example.com")).isEmpty();
        assertThat(WebAddresses.normaliseWebsite("https://bank.example@evil.example/login")).isEmpty();
    }

    /**
     * A company whose domain has accents (münchen.de, españa.es, bücher.de) is a real web address: it is
     * stored and its domain is compared in its ASCII (punycode) form, as browsers and DNS use it.
     */
    @Test
    void internationalisedDomainNamesAreAcceptedAndComparedInAsciiForm() {
        assertThat(WebAddresses.normaliseWebsite("https://xn--mnchen-3ya.de")).isPresent();
        assertThat(WebAddresses.websiteDomain("münchen.de")).contains("xn--mnchen-3ya.de");
        assertThat(WebAddresses.websiteDomain("https://www.Bücher.de/shop")).contains("xn--bcher-kva.de");
    }

    @Test
    void aHostLabelLongerThanSixtyThreeCharactersIsNoWebAddressAsciiOrNot() {
        assertThat(WebAddresses.normaliseWebsite("https://" + "a".repeat(64) + ".com")).isEmpty();
        assertThat(WebAddresses.normaliseWebsite("https://" + "a".repeat(63) + ".com")).isPresent();
        assertThat(WebAddresses.normaliseWebsite("https://" + "ü".repeat(64) + ".de")).isEmpty();
    }

    @Test
    void oneParseGivesTheStoredWebsiteAndItsDomain() {
        assertThat(WebAddresses.website("WWW.Example.COM/Path")).contains(
                new WebAddresses.Website("https://www.example.com/Path", "example.com"));
        assertThat(WebAddresses.website("ftp://example.com")).isEmpty();
    }

    /** A bare lower-case host (how the directory stores domains) skips the URL parse and must not change its answer. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.com", "www.example.com", "shop.example.co.uk", "1password.com", "ex--ample.com",
            "example.co-m", "example.co-", "-bad-.com", "exa-.com", "a..b.com", ".example.com", "example.com.",
            "example", "localhost", "example.123", "example.c", "www.x.io"})
    void aBareHostIsReadAsItsHttpsAddressWouldBe(String host) {
        assertThat(WebAddresses.website(host)).isEqualTo(WebAddresses.website("https://" + host));
        assertThat(WebAddresses.website("a".repeat(64) + "." + host)).isEmpty();
    }
}
