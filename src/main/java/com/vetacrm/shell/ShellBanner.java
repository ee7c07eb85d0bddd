package com.vetacrm.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A notice another feature shows at the top of every page (for example the credits' low-balance warning),
 * without the shell depending on that feature. Beans of this type are collected from the Spring context
 * and asked again after every navigation; each decides for the signed-in user whether it shows.
 */
public interface ShellBanner {

    /** Order among banners; lower first. */
    default int order() {
        return 100;
    }

    /** A new component for the current page, or empty when the signed-in user should not see it now. */
    Optional<Component> create();
}
