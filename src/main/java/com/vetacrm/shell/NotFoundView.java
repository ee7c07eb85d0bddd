package com.vetacrm.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Unknown address. Standalone (no shell) so it renders the same for signed-in and anonymous
 * visitors; it never lists the existing routes.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        setId("not-found-view");
        addClassName("error-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("error.notFound.title")),
                new Paragraph(getTranslation("error.notFound.message")),
                new Anchor("", getTranslation("error.backHome")));
        event.getUI().getPage().setTitle(getTranslation("error.notFound.title") + " · " + getTranslation("app.name"));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
