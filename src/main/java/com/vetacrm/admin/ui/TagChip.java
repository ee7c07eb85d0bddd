package com.vetacrm.admin.ui;

import com.vaadin.flow.component.html.Span;
import com.vetacrm.admin.TagColors;

/** A tag drawn as a label in its colour, with text that stays readable on it. */
class TagChip extends Span {

    TagChip(String name, String color) {
        super(name);
        addClassName("tag-chip");
        getStyle().set("background-color", color)
                .set("color", TagColors.readableTextOn(color))
                .set("border-radius", "var(--lumo-border-radius-l, 1em)")
                .set("padding", "0.15em 0.6em")
                .set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("font-weight", "500")
                .set("white-space", "nowrap");
    }
}
