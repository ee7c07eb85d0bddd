package com.vetacrm.chatter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The chatter's "3 minutes ago": recent times relative, anything older than a week as a date. */
class RelativeTimeTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    /** The translation key and its arguments, so the test sees which sentence was chosen with what. */
    private static String format(Instant when, Instant now, ZoneId zone, Locale locale) {
        return RelativeTime.format(when, now, zone, locale,
                (key, args) -> args.length == 0 ? key : key + Arrays.toString(args));
    }

    private static String format(Instant when) {
        return format(when, NOW, UTC, Locale.ENGLISH);
    }

    @Test
    void underAMinuteIsJustNow() {
        assertThat(format(NOW)).isEqualTo("chatter.time.justNow");
        assertThat(format(NOW.minusSeconds(59))).isEqualTo("chatter.time.justNow");
    }

    @Test
    void aTimeSlightlyAheadOfTheServerClockIsJustNow() {
        assertThat(format(NOW.plusSeconds(5))).isEqualTo("chatter.time.justNow");
    }

    @Test
    void underAnHourCountsWholeMinutes() {
        assertThat(format(NOW.minusSeconds(60))).isEqualTo("chatter.time.minutes[1]");
        assertThat(format(NOW.minus(Duration.ofMinutes(59).plusSeconds(59)))).isEqualTo("chatter.time.minutes[59]");
    }

    @Test
    void underADayCountsWholeHours() {
        assertThat(format(NOW.minus(Duration.ofMinutes(60)))).isEqualTo("chatter.time.hours[1]");
        assertThat(format(NOW.minus(Duration.ofHours(23).plusMinutes(59)))).isEqualTo("chatter.time.hours[23]");
    }

    @Test
    void aDayOrMoreAgoOnThePreviousCalendarDayIsYesterday() {
        // 25 hours ago: 9 March 14:00, the day before 10 March
        assertThat(format(NOW.minus(Duration.ofHours(25)))).isEqualTo("chatter.time.yesterday");
    }

    @Test
    void olderWithinAWeekCountsCalendarDays() {
        // 8 March 16:00 is 47 hours and two calendar days before 10 March 15:00
        assertThat(format(Instant.parse("2026-03-08T16:00:00Z"))).isEqualTo("chatter.time.days[2]");
        assertThat(format(Instant.parse("2026-03-04T08:00:00Z"))).isEqualTo("chatter.time.days[6]");
    }

    @Test
    void aWeekOrMoreShowsTheDateInTheUsersLanguage() {
        assertThat(format(Instant.parse("2026-03-03T15:00:00Z"))).isEqualTo("Mar 3, 2026");
        assertThat(format(Instant.parse("2025-12-24T09:30:00Z"), NOW, UTC, Locale.forLanguageTag("es")))
                .isEqualTo("24 dic 2025");
    }

    @Test
    void theDateIsTheDayInTheUsersTimeZone() {
        // late evening of 1 March in UTC is already 2 March in Madrid
        Instant when = Instant.parse("2026-03-01T23:30:00Z");
        assertThat(format(when, NOW, UTC, Locale.ENGLISH)).isEqualTo("Mar 1, 2026");
        assertThat(format(when, NOW, MADRID, Locale.ENGLISH)).isEqualTo("Mar 2, 2026");
    }

    @Test
    void calendarDaysAreCountedRightAcrossTheChangeToSummerTime() {
        // Madrid moves its clocks forward on Sunday 29 March 2026: that day has 23 hours
        Instant now = ZonedDateTime.of(2026, 3, 30, 11, 0, 0, 0, MADRID).toInstant();
        Instant twoDaysBack = ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, MADRID).toInstant();
        Instant sevenDaysBack = ZonedDateTime.of(2026, 3, 23, 12, 0, 0, 0, MADRID).toInstant();

        assertThat(format(twoDaysBack, now, MADRID, Locale.ENGLISH)).isEqualTo("chatter.time.days[2]");
        assertThat(format(sevenDaysBack, now, MADRID, Locale.ENGLISH)).isEqualTo("Mar 23, 2026");
    }

    @Test
    void exactTimeForTheTooltip() {
        assertThat(RelativeTime.exact(Instant.parse("2026-03-01T23:30:00Z"), MADRID, Locale.ENGLISH))
                .contains("Mar 2, 2026").contains("12:30");
    }
}
