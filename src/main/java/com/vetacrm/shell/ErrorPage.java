package com.vetacrm.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;

/**
 * The common face of Veta's error pages: a title, one explanation and the way back. Standalone
 * (no shell), so it renders the same for signed-in and anonymous visitors.
 */
abstract class ErrorPage extends VerticalLayout {

    ErrorPage(String id) {
        setId(id);
        addClassName("error-view");
    }

    void show(BeforeEnterEvent event, String title, String message) {
        removeAll();
        add(new H1(title), new Paragraph(message), new Anchor("", getTranslation("error.backHome")));
        event.getUI().getPage().setTitle(title + " · " + getTranslation("app.name"));
    }
}
