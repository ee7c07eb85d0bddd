package com.vetacrm.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        setId("access-denied-view");
        addClassName("error-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H1(getTranslation("error.accessDenied.title")),
                new Paragraph(getTranslation("error.accessDenied.message")),
                new Anchor("", getTranslation("error.backHome")));
        event.getUI().getPage().setTitle(getTranslation("error.accessDenied.title") + " · " + getTranslation("app.name"));
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
