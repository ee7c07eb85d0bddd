package com.vetacrm.admin.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vetacrm.shared.BusinessRuleException;
import java.util.Map;

/** Small pieces every administration view uses the same way. */
final class AdminUi {

    private AdminUi() {
    }

    /** The page heading with the page's actions (such as "New …") at the right. */
    static HorizontalLayout header(String title, Component... actions) {
        H2 heading = new H2(title);
        heading.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(heading);
        header.add(actions);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(heading);
        return header;
    }

    /**
     * An icon button for a grid row. Its label is read by screen readers and shown as tooltip; rows
     * repeat, so it carries a class (for tests and automation) instead of an id.
     */
    static Button rowButton(VaadinIcon icon, String label, String className,
            ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(icon.create(), listener);
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addClassName(className);
        return button;
    }

    static HorizontalLayout rowActions(Component... buttons) {
        HorizontalLayout actions = new HorizontalLayout(buttons);
        actions.setSpacing(false);
        actions.addClassName("row-actions");
        return actions;
    }

    /** Confirms a change that worked, briefly; errors stay longer and come from the shell's error handler. */
    static void notifySuccess(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
        n.setId("admin-notification");
    }

    /**
     * Shows a service's refusal on the field it is about, like the field's own checks. The service
     * re-validates everything (and alone knows, for example, that a name is already taken), so its
     * message keys are matched to fields by prefix, such as {@code "users.error.username."}.
     *
     * @return false when no field matches: the caller lets the exception reach the shell's error handler
     */
    static boolean showOnField(Component context, BusinessRuleException refusal,
            Map<String, ? extends HasValidation> fieldsByKeyPrefix) {
        for (Map.Entry<String, ? extends HasValidation> e : fieldsByKeyPrefix.entrySet()) {
            if (refusal.messageKey().startsWith(e.getKey())) {
                HasValidation field = e.getValue();
                field.setErrorMessage(context.getTranslation(refusal.messageKey(), refusal.args()));
                field.setInvalid(true);
                return true;
            }
        }
        return false;
    }

    static String yesNo(Component context, boolean value) {
        return context.getTranslation(value ? "admin.yes" : "admin.no");
    }
}
