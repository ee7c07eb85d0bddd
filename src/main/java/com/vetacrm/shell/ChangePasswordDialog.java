package com.vetacrm.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.UserService;
import com.vetacrm.shared.BusinessRuleException;

/**
 * The signed-in user's own password change (user menu): the current password, the new one twice. The same
 * rules as the service (length), checked at the fields first; the service checks them again and the current
 * password, whose refusal is shown at its field. Nothing changes until everything is right.
 */
class ChangePasswordDialog extends Dialog {

    private final transient UserService users;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    ChangePasswordDialog(UserService users) {
        this.users = users;
        setId("change-password-dialog");
        setHeaderTitle(getTranslation("shell.password.title"));
        current.setId("change-password-current");
        current.setLabel(getTranslation("shell.password.current"));
        fresh.setId("change-password-new");
        fresh.setLabel(getTranslation("shell.password.new"));
        fresh.setHelperText(getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH));
        repeat.setId("change-password-repeat");
        repeat.setLabel(getTranslation("shell.password.repeat"));
        for (PasswordField f : new PasswordField[] {current, fresh, repeat}) {
            f.setWidthFull();
            f.addValueChangeListener(e -> f.setInvalid(false));
        }
        add(new FormLayout(current, fresh, repeat));

        Button save = new Button(getTranslation("shell.password.save"), e -> save());
        save.setId("change-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("shell.password.cancel"), e -> close());
        cancel.setId("change-password-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        if (current.isEmpty()) {
            invalid(current, getTranslation("users.error.password.wrongCurrent"));
            return;
        }
        if (!AdminRules.isPasswordLongEnough(fresh.getValue())) {
            invalid(fresh, getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH));
            return;
        }
        if (!fresh.getValue().equals(repeat.getValue())) {
            invalid(repeat, getTranslation("shell.password.mismatch"));
            return;
        }
        try {
            users.changeMyPassword(current.getValue(), fresh.getValue());
        } catch (BusinessRuleException e) {
            PasswordField at = e.messageKey().equals("users.error.password.wrongCurrent") ? current : fresh;
            invalid(at, getTranslation(e.messageKey(), e.args()));
            return;
        }
        close();
        Notification done = Notification.show(getTranslation("shell.password.changed"));
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}
