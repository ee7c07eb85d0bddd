package com.vetacrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "911 23 45 67,      ES, +34911234567",
            "91 123 45 67,      ES, +34911234567",
            "612 34 56 78,      ES, +34612345678",
            "030 1234567,       DE, +49301234567",
            "(650) 253-0000,    US, +16502530000",
            "+34 911 23 45 67,  ES, +34911234567",
            "+49 30 1234567,    ES, +49301234567",
            "0034 911 23 45 67, ES, +34911234567"})
    void nationalAndInternationalNumbersBecomeE164(String raw, String country, String e164) {
        assertThat(PhoneNumbers.toE164(raw, country)).contains(e164);
    }

    @Test
    void aNationalNumberAndItsInternationalFormAreTheSameNumber() {
        assertThat(PhoneNumbers.toE164("030 1234567", "DE")).isEqualTo(PhoneNumbers.toE164("+49 30 1234567", null));
    }

    @Test
    void numberWithAPlusNeedsNoCountry() {
        assertThat(PhoneNumbers.toE164("+34 911 23 45 67", null)).contains("+34911234567");
        assertThat(PhoneNumbers.toE164("+34 911 23 45 67", " ")).contains("+34911234567");
    }

    @Test
    void nationalNumberWithoutCountryIsNotANumber() {
        assertThat(PhoneNumbers.toE164("911 23 45 67", null)).isEmpty();
    }

    @Test
    void countryCodeIsReadWhateverItsCaseAndSpaces() {
        assertThat(PhoneNumbers.toE164("911234567", "es")).contains("+34911234567");
        assertThat(PhoneNumbers.toE164("911234567", " ES ")).contains("+34911234567");
    }

    @ParameterizedTest(name = "\"{0}\" in ES is refused")
    @ValueSource(strings = {"123", "abc", "911 23 45", "+99 123 456 789", "911 23 45 67 89 01 23",
            "12345678901234567890123456789012345678901"})
    void invalidNumbersAreRefused(String raw) {
        assertThat(PhoneNumbers.toE164(raw, "ES")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsNotANumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw, "ES")).isEmpty();
    }

    @Test
    void e164IsWrittenForPeopleInInternationalFormat() {
        assertThat(PhoneNumbers.toInternational("+34911234567")).isEqualTo("+34 911 23 45 67");
        assertThat(PhoneNumbers.toInternational("+16502530000")).isEqualTo("+1 650-253-0000");
    }

    @Test
    void internationalFormatLeavesWhatItCannotParseAsItIs() {
        assertThat(PhoneNumbers.toInternational(null)).isEmpty();
        assertThat(PhoneNumbers.toInternational("")).isEmpty();
        assertThat(PhoneNumbers.toInternational("not a number")).isEqualTo("not a number");
    }
}
