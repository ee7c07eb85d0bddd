package com.vetacrm.shell;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * A signed-in user opened a page their role may not see. Vaadin's default re-routes this to
 * "not found"; Veta says plainly that access is denied, so a salesperson following a manager's
 * link knows why the page did not open. Anonymous visitors are sent to the login view before this.
 */
@PermitAll
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("access-denied-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(event, getTranslation("error.accessDenied.title"), getTranslation("error.accessDenied.message"));
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
