package com.vetacrm.admin;

/**
 * A tag to create ({@code id} null) or change.
 *
 * @param version the version the form was loaded with; ignored when creating
 * @param color   {@code #RRGGBB}
 */
public record TagEdit(Long id, long version, String name, String color) {

    static TagEdit of(Tag t) {
        return new TagEdit(t.getId(), t.getVersion(), t.getName(), t.getColor());
    }
}
