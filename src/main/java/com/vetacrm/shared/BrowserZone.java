package com.vetacrm.shared;

import com.vaadin.flow.component.UI;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The browser's time zone, so pages show times where the user is. Vaadin knows it once the browser has sent
 * its details (usually by the time a view is attached); until then, or for a zone id the JDK does not know,
 * there is none and pages keep UTC.
 */
public final class BrowserZone {

    private BrowserZone() {
    }

    public static Optional<ZoneId> of(UI ui) {
        var details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (RuntimeException unknownZone) {
            return Optional.empty();
        }
    }
}
