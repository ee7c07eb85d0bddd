package com.vetacrm.credits.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Credits as the credits views write them: whole numbers in the user's number format. */
final class CreditFormat {

    private CreditFormat() {
    }

    /** "1,250" in English, "1.250" in Spanish. */
    static String credits(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A change with its sign: "+200", "−12" (a real minus sign); empty for 0, which means "no change". */
    static String change(long n, Locale locale) {
        if (n == 0) {
            return "";
        }
        String digits = credits(Math.abs(n), locale);
        return (n > 0 ? "+" : "\u2212") + digits;
    }
}
