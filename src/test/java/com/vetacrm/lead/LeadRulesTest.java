package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadRulesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void nameIsRequired(String name) {
        assertThat(LeadRules.checkName(name)).contains("lead.error.nameRequired");
    }

    @Test
    void nameMayHave255CharactersNotMore() {
        assertThat(LeadRules.checkName("n".repeat(255))).isEmpty();
        assertThat(LeadRules.checkName("  " + "n".repeat(255) + "  ")).isEmpty();
        assertThat(LeadRules.checkName("n".repeat(256))).contains("lead.error.tooLong");
    }

    @Test
    void optionalTextMayBeEmptyButNotTooLong() {
        assertThat(LeadRules.checkLength(null, 10)).isEmpty();
        assertThat(LeadRules.checkLength("0123456789", 10)).isEmpty();
        assertThat(LeadRules.checkLength("01234567890", 10)).contains("lead.error.tooLong");
    }

    @Test
    void emailIsOptionalButMustBeAnAddress() {
        assertThat(LeadRules.checkEmail(null)).isEmpty();
        assertThat(LeadRules.checkEmail(" ")).isEmpty();
        assertThat(LeadRules.checkEmail("jane@example.com")).isEmpty();
        assertThat(LeadRules.checkEmail("jane@example")).contains("lead.error.email");
        assertThat(LeadRules.checkEmail("not an email")).contains("lead.error.email");
    }

    @Test
    void websiteIsOptionalButMustBeAWebAddress() {
        assertThat(LeadRules.checkWebsite(null)).isEmpty();
        assertThat(LeadRules.checkWebsite("example.com")).isEmpty();
        assertThat(LeadRules.checkWebsite("not a url")).contains("lead.error.website");
        assertThat(LeadRules.checkWebsite("ftp://example.com")).contains("lead.error.website");
    }

    @ParameterizedTest(name = "\"{0}\" with country {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "911 23 45 67,     ES,   ok",
            "+34 911 23 45 67, null, ok",
            "+34 911 23 45 67, FR,   ok",
            "null,             ES,   ok",
            "'   ',            null, ok",
            "123,              ES,   lead.error.phone",
            "+34 123,          null, lead.error.phone",
            "911 23 45 67,     null, lead.error.phoneNeedsCountry",
            "123,              null, lead.error.phoneNeedsCountry",
            "'  911 23 45 67', '',   lead.error.phoneNeedsCountry"})
    void phoneMustBeValidForTheLeadsCountryOrCarryItsOwnCountryCode(String phone, String country, String expected) {
        if (expected.equals("ok")) {
            assertThat(LeadRules.checkPhone(phone, country)).isEmpty();
        } else {
            assertThat(LeadRules.checkPhone(phone, country)).contains(expected);
        }
    }

    @Test
    void countryIsAnIsoAlpha2Code() {
        assertThat(LeadRules.checkCountry(null)).isEmpty();
        assertThat(LeadRules.checkCountry("ES")).isEmpty();
        assertThat(LeadRules.checkCountry("XX")).contains("lead.error.country");
        assertThat(LeadRules.checkCountry("ESP")).contains("lead.error.country");
        assertThat(LeadRules.checkCountry("es")).contains("lead.error.country");
    }

    @Test
    void stateIsAnIso3166_2CodeOfTheLeadsCountry() {
        assertThat(LeadRules.checkState(null, "ES")).isEmpty();
        assertThat(LeadRules.checkState("ES-M", "ES")).isEmpty();
        assertThat(LeadRules.checkState("US-CA", "US")).isEmpty();
        assertThat(LeadRules.checkState("US-CA", "ES")).contains("lead.error.state");
        assertThat(LeadRules.checkState("ES-M", null)).contains("lead.error.state");
        assertThat(LeadRules.checkState("Madrid", "ES")).contains("lead.error.state");
        assertThat(LeadRules.checkState("es-m", "ES")).contains("lead.error.state");
    }

    @Test
    void revenueIsNotNegativeAndFitsTheColumn() {
        assertThat(LeadRules.checkRevenue(null)).isEmpty();
        assertThat(LeadRules.checkRevenue(BigDecimal.ZERO)).isEmpty();
        assertThat(LeadRules.checkRevenue(LeadRules.MAX_REVENUE)).isEmpty();
        assertThat(LeadRules.checkRevenue(new BigDecimal("12.340"))).isEmpty();
        assertThat(LeadRules.checkRevenue(new BigDecimal("-0.01"))).contains("lead.error.revenueNegative");
        assertThat(LeadRules.checkRevenue(LeadRules.MAX_REVENUE.add(new BigDecimal("0.01"))))
                .contains("lead.error.revenueTooLarge");
        assertThat(LeadRules.checkRevenue(new BigDecimal("12.345"))).contains("lead.error.revenueTooLarge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "50", "100", "100.00"})
    void probabilityFrom0To100IsAccepted(String value) {
        assertThat(LeadRules.checkProbability(new BigDecimal(value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "100.01", "101"})
    void probabilityOutside0To100IsRefused(String value) {
        assertThat(LeadRules.checkProbability(new BigDecimal(value))).contains("lead.error.probability");
    }

    @Test
    void priorityIsZeroToThreeStars() {
        for (int stars = 0; stars <= 3; stars++) {
            assertThat(LeadRules.checkPriority(stars)).isEmpty();
        }
        assertThat(LeadRules.checkPriority(-1)).contains("lead.error.priority");
        assertThat(LeadRules.checkPriority(4)).contains("lead.error.priority");
    }

    @Test
    void contactNeedsAName() {
        assertThat(LeadRules.checkContactName(" ")).contains("lead.error.contactNameRequired");
        assertThat(LeadRules.checkContactName(null)).contains("lead.error.contactNameRequired");
        assertThat(LeadRules.checkContactName("Ana García")).isEmpty();
        assertThat(LeadRules.checkContactName("a".repeat(256))).contains("lead.error.tooLong");
    }

    @Test
    void blankTextIsStoredAsNullAndOtherTextStripped() {
        assertThat(LeadRules.blankToNull("  ")).isNull();
        assertThat(LeadRules.blankToNull(null)).isNull();
        assertThat(LeadRules.blankToNull("  Acme \n")).isEqualTo("Acme");
    }
}
