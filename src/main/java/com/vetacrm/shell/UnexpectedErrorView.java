package com.vetacrm.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * A page failed to open. Replaces Vaadin's internal-error page, which shows the exception's class and
 * message (SQL, host names) even in production: the user gets a translated message with an incident
 * code instead, and a refused service call while opening a page reads as "access denied".
 * More specific error views (not found, access denied) take precedence for their own exceptions.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    public UnexpectedErrorView() {
        super("error-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        UserFacingError error = UserFacingError.of(parameter.getCaughtException());
        String title = getTranslation(error.denied() ? "error.accessDenied.title" : "error.unexpected.title");
        show(event, title, getTranslation(error.messageKey(), error.args()));
        return error.denied() ? HttpStatusCode.FORBIDDEN.getCode() : HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
