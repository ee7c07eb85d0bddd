package com.vetacrm.chatter;

import java.util.Objects;

/**
 * The record a timeline belongs to. The chatter knows nothing of leads: the type is a short code the
 * owning feature chooses ("LEAD").
 */
public record ChatterTarget(String type, long id) {

    public ChatterTarget {
        Objects.requireNonNull(type);
        if (type.isBlank() || type.length() > 30) {
            throw new IllegalArgumentException("target type must be 1-30 characters");
        }
    }
}
