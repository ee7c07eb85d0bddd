package com.vetacrm.shell;

import com.vaadin.flow.component.UI;

/**
 * Notifications another feature shows the signed-in user once, when they open their next page (for example
 * lead mining's "12 leads created" for a request that finished while they were elsewhere), without the shell
 * depending on that feature. Beans of this type are collected from the Spring context and called after every
 * navigation, so each must be cheap (one indexed query at most) and decide for the signed-in user itself.
 * A notice that fails is logged and never breaks the page.
 */
public interface NavigationNotices {

    /** Order among notices; lower first. */
    default int order() {
        return 100;
    }

    /** Shows this feature's notifications for the signed-in user in {@code ui}, if any are due. */
    void afterNavigation(UI ui);
}
