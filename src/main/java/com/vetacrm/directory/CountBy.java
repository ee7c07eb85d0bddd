package com.vetacrm.directory;

/** How many directory companies share a country or an industry; {@code name} in the caller's language. */
public record CountBy(String code, String name, long count) {
}
