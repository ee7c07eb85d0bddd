package com.vetacrm.admin;

/** A tag as views show it: a coloured label. */
public record TagSummary(long id, String name, String color) {

    static TagSummary of(Tag t) {
        return new TagSummary(t.getId(), t.getName(), t.getColor());
    }
}
