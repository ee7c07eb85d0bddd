package com.vetacrm.chatter.ui;

import com.vaadin.flow.component.Component;
import com.vetacrm.chatter.ChatterItem;
import java.util.Optional;

/**
 * Draws a chatter entry's structured payload (for example lead mining's enrichment card) as components,
 * without the chatter depending on the feature that wrote it. Beans of this type are collected from the
 * Spring context by the view that embeds a {@link ChatterPanel} and handed to it; the panel asks them, in
 * order, for each ENRICHMENT entry and falls back to the entry's one-line summary when none supports it or
 * the chosen one returns empty (a payload it cannot read).
 * <p>
 * A renderer must set every text from the payload as text, never as HTML: the payload came from outside.
 */
public interface ChatterCardRenderer {

    /** Order among renderers; lower is asked first. */
    default int order() {
        return 100;
    }

    /** Whether this renderer draws this entry (a cheap check: kind, payload present). */
    boolean supports(ChatterItem item);

    /**
     * A new component for the entry in the current UI's language, or empty to show the summary instead (an
     * unknown payload version, a payload that cannot be read). Must not throw for a bad payload.
     */
    Optional<Component> render(ChatterItem item);
}
