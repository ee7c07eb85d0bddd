package com.vetacrm.chatter.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * "3 minutes ago", "yesterday", or the date for anything older than a week. Pure, so it is tested
 * without a browser; the translation function is the view's {@code getTranslation}.
 */
final class RelativeTime {

    private RelativeTime() {
    }

    static String format(Instant when, Instant now, ZoneId zone, Locale locale,
            BiFunction<String, Object[], String> translate) {
        Duration age = Duration.between(when, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return translate.apply("chatter.time.justNow", new Object[0]);
        }
        if (age.toMinutes() < 60) {
            return translate.apply("chatter.time.minutes", new Object[] {age.toMinutes()});
        }
        if (age.toHours() < 24) {
            return translate.apply("chatter.time.hours", new Object[] {age.toHours()});
        }
        // calendar days in the user's zone: a 23-hour day at a clock change is still a day
        long days = ChronoUnit.DAYS.between(when.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate());
        if (days <= 1) {
            return translate.apply("chatter.time.yesterday", new Object[0]);
        }
        if (days < 7) {
            return translate.apply("chatter.time.days", new Object[] {days});
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(when.atZone(zone));
    }

    static String exact(Instant when, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(when.atZone(zone));
    }
}
