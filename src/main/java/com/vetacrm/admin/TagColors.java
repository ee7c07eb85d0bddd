package com.vetacrm.admin;

import java.util.List;

/**
 * The preset tag colours the tag form offers, and the text colour that stays readable on a tag's
 * colour, for every view that draws a tag as a coloured label.
 */
public final class TagColors {

    /** Ten distinct colours that read well as label backgrounds in light and dark themes. */
    public static final List<String> PALETTE = List.of(
            "#e5484d", "#f76b15", "#ffc53d", "#30a46c", "#12a594",
            "#0090ff", "#3e63dd", "#8e4ec6", "#d6409f", "#8d8d8d");

    private TagColors() {
    }

    /**
     * Near-black or white, whichever contrasts more with {@code #rrggbb} (WCAG relative luminance), so a
     * yellow label gets dark text and a blue one white text.
     */
    public static String readableTextOn(String color) {
        if (!AdminRules.isValidColor(color)) {
            return "#1a1a1a";
        }
        int rgb = Integer.parseInt(color.strip().substring(1), 16);
        double luminance = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        // contrast with white = 1.05 / (L + 0.05); with near-black (#1a1a1a, L ≈ 0.0103) = (L + 0.05) / 0.0603
        return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0603 ? "#ffffff" : "#1a1a1a";
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
