package com.vetacrm.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs a user out once the session timeout ({@code server.servlet.session.timeout}, 30 minutes) has passed without
 * anything they did, even while their tab stays open.
 * <p>
 * The servlet container ends a session that long after its last request, but an open Vaadin tab sends a heartbeat
 * every five minutes and a heartbeat is a request: left to the container, a session whose tab is open would never
 * end. With {@code vaadin.closeIdleSessions=true} Vaadin closes its own session when no user action has reached the
 * server for the session timeout (heartbeats do not count; clicks and typing do, over push too), at the end of the
 * next request, usually a heartbeat. The sign-in lives in the HTTP session, not in Vaadin's, so this listener then
 * ends the HTTP session as well: the tab shows the sign-in page.
 */
@Component
class IdleSignOut implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            // called with the Vaadin session locked
            VaadinSession session = e.getSession();
            signOutIfIdle(session.getSession(), session.getConfiguration().isCloseIdleSessions(),
                    session.getLastRequestTimestamp(), System.currentTimeMillis());
        });
    }

    /**
     * Ends the HTTP session of a Vaadin session that Vaadin closed for being idle. Other ends of a Vaadin session
     * (sign-out, the container's own expiry, shutdown) have ended the HTTP session already, or must leave it.
     *
     * @param lastUserRequest when the last user action reached the server (epoch milliseconds)
     * @return whether the session was idle
     */
    static boolean signOutIfIdle(WrappedSession http, boolean closeIdleSessions, long lastUserRequest, long now) {
        if (http == null || !closeIdleSessions) {
            return false;
        }
        int timeout;
        try {
            timeout = http.getMaxInactiveInterval();
        } catch (IllegalStateException alreadyEnded) {
            return false;
        }
        if (timeout < 0 || now - lastUserRequest < timeout * 1000L) {
            return false;
        }
        log.info("Signing out an idle session (no user action for {} s)", timeout);
        try {
            http.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // the container ended it meanwhile: nothing left to do
        }
        return true;
    }
}
