package com.vetacrm.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place where an exception that escapes a view becomes what the user sees: a
 * notification in their language. Expected refusals get their specific message; anything else
 * gets a generic message with an incident id that matches the log line, and never a stack trace.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        String message = messageFor(event.getThrowable(), ui);
        if (ui != null) {
            Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.ERROR);
            n.setId("error-notification");
        }
    }

    String messageFor(Throwable error, UI ui) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleException b) {
                return translate(ui, b.messageKey(), b.args());
            }
            if (t instanceof AccessDeniedException) {
                return translate(ui, "error.accessDenied");
            }
            if (t instanceof OptimisticLockingFailureException) {
                return translate(ui, "error.concurrentEdit");
            }
            if (t instanceof ConstraintViolationException cve) {
                return cve.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; "));
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, incident {}", incident, error);
        return translate(ui, "error.unexpected", incident);
    }

    private static String translate(UI ui, String key, Object... args) {
        return ui != null ? ui.getTranslation(key, args) : key;
    }
}
