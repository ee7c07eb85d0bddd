package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A button another feature adds to the toolbars of the pipeline and the leads grid (for example
 * lead mining's "Generate Leads"), without the lead module depending on that feature. Beans of this
 * type are collected from the Spring context; each decides for the current user whether it shows.
 */
public interface LeadViewAction {

    /** Order in the toolbar; lower first. */
    default int order() {
        return 100;
    }

    /** A new component for one view instance, or empty when the current user should not see it. */
    Optional<Component> create();
}
