package com.vetacrm.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * An exception escaping a listener (a click, a value change) becomes a notification in the user's
 * language. Exceptions while a page opens are shown by {@link UnexpectedErrorView} instead.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UserFacingError error = UserFacingError.of(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification n = Notification.show(ui.getTranslation(error.messageKey(), error.args()), 6000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.ERROR);
            n.setId("error-notification");
        }
    }
}
