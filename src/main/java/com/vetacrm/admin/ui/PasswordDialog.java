package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.shared.BusinessRuleException;
import java.util.Map;

/** An administrator sets a new password for a user who cannot sign in (Veta sends no e-mail). */
class PasswordDialog extends Dialog {

    private final transient UserService userService;
    private final UserSummary user;
    private final PasswordField password = new PasswordField();
    private final Binder<Draft> binder = new Binder<>();

    private static final class Draft {
        String password = "";
    }

    PasswordDialog(UserService userService, UserSummary user) {
        this.userService = userService;
        this.user = user;
        setId("user-password-dialog");
        setHeaderTitle(getTranslation("users.resetPassword.title", user.displayName()));
        setWidth("28em");

        password.setId("user-new-password");
        password.setLabel(getTranslation("users.password.new"));
        password.setHelperText(getTranslation("users.password.helper", AdminRules.PASSWORD_MIN_LENGTH));
        password.setWidthFull();
        binder.forField(password)
                .asRequired(getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH))
                .withValidator(AdminRules::isPasswordLongEnough,
                        getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH))
                .withValidator(AdminRules::isPasswordShortEnough,
                        getTranslation("users.error.password.tooLong", AdminRules.PASSWORD_MAX_BYTES))
                .bind(d -> d.password, (d, v) -> d.password = v);
        binder.readBean(new Draft());
        add(new Paragraph(getTranslation("users.resetPassword.explanation")), password);

        Button save = new Button(getTranslation("users.resetPassword.save"), e -> save());
        save.setId("user-password-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            userService.resetPassword(user.id(), draft.password);
            close();
            AdminUi.notifySuccess(getTranslation("users.resetPassword.done", user.username()));
        } catch (BusinessRuleException refusal) {
            if (!AdminUi.showOnField(this, refusal, Map.of("users.error.password.", password))) {
                throw refusal;
            }
        }
    }
}
