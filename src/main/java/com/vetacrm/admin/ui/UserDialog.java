package com.vetacrm.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.NewUser;
import com.vetacrm.admin.UserEdit;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates a user, or edits one. The username is fixed once created (it is the sign-in name) and the
 * password is set by a separate "reset password" step, so an edit never touches it by accident.
 */
class UserDialog extends Dialog {

    /** The form's working copy; Binder writes into it only when every field is valid. */
    private static final class Draft {
        String username = "";
        String displayName = "";
        String email = "";
        Role role = Role.SALESPERSON;
        SupportedLanguage language;
        boolean active = true;
        String password = "";
    }

    private final transient UserService userService;
    private final transient Runnable onSaved;
    private final UserEdit existing;
    private final Binder<Draft> binder = new Binder<>();
    private final Draft draft = new Draft();

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final TextField email = new TextField();
    private final Select<Role> role = new Select<>();
    private final Select<SupportedLanguage> language = new Select<>();
    private final Checkbox active = new Checkbox();
    private final PasswordField password = new PasswordField();

    /** A dialog that creates a new user. */
    static UserDialog forNewUser(UserService userService, Runnable onSaved) {
        return new UserDialog(userService, null, null, onSaved);
    }

    /** A dialog that edits {@code user}, loaded afresh so the save checks against the current version. */
    static UserDialog forUser(UserService userService, UserSummary user, Runnable onSaved) {
        return new UserDialog(userService, user, userService.getUser(user.id()), onSaved);
    }

    private UserDialog(UserService userService, UserSummary summary, UserEdit existing, Runnable onSaved) {
        this.userService = userService;
        this.existing = existing;
        this.onSaved = onSaved;
        setId("user-dialog");
        setHeaderTitle(getTranslation(existing == null ? "users.new.title" : "users.edit.title"));
        setWidth("36em");

        username.setId("user-username");
        username.setLabel(getTranslation("users.username"));
        username.setMaxLength(AdminRules.USERNAME_MAX_LENGTH);
        displayName.setId("user-display-name");
        displayName.setLabel(getTranslation("users.displayName"));
        displayName.setMaxLength(AdminRules.DISPLAY_NAME_MAX_LENGTH);
        email.setId("user-email");
        email.setLabel(getTranslation("users.email"));
        email.setMaxLength(AdminRules.EMAIL_MAX_LENGTH);
        email.setHelperText(getTranslation("users.email.helper"));
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.labelKey()));
        language.setId("user-language");
        language.setLabel(getTranslation("users.language"));
        language.setItems(SupportedLanguage.values());
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("users.language.browser"));
        language.setItemLabelGenerator(l -> l == null ? getTranslation("users.language.browser") : l.nativeName());
        active.setId("user-active");
        active.setLabel(getTranslation("users.active.label"));
        password.setId("user-password");
        password.setLabel(getTranslation("users.password.initial"));
        password.setHelperText(getTranslation("users.password.helper", AdminRules.PASSWORD_MIN_LENGTH));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        form.add(username, displayName, email, role, language);
        bindCommonFields();
        Button save = new Button(getTranslation("admin.save"), e -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        cancel.setId("user-cancel");

        if (existing == null) {
            username.setHelperText(getTranslation("users.username.helper"));
            bindNewUserFields();
            form.add(password);
            getFooter().add(cancel, save);
        } else {
            username.setValue(summary.username());
            username.setReadOnly(true);
            binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);
            form.add(active);
            draft.displayName = existing.displayName();
            draft.email = existing.email() == null ? "" : existing.email();
            draft.role = existing.role();
            draft.language = existing.language();
            draft.active = existing.active();
            Button resetPassword = new Button(getTranslation("users.resetPassword"),
                    e -> new PasswordDialog(userService, summary).open());
            resetPassword.setId("user-reset-password");
            resetPassword.addThemeVariants(ButtonVariant.TERTIARY);
            resetPassword.getStyle().set("margin-inline-end", "auto");
            getFooter().add(resetPassword, cancel, save);
        }
        binder.readBean(draft);
        add(form);
    }

    private void bindCommonFields() {
        binder.forField(displayName)
                .asRequired(getTranslation("users.error.displayName.required"))
                .withValidator(new StringLengthValidator(getTranslation("users.error.displayName.tooLong",
                        AdminRules.DISPLAY_NAME_MAX_LENGTH), 0, AdminRules.DISPLAY_NAME_MAX_LENGTH))
                .bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(email)
                .withValidator(new EmailValidator(getTranslation("users.error.email.invalid"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(role)
                .asRequired(getTranslation("users.error.role.required"))
                .bind(d -> d.role, (d, v) -> d.role = v);
        binder.forField(language).bind(d -> d.language, (d, v) -> d.language = v);
    }

    private void bindNewUserFields() {
        binder.forField(username)
                .asRequired(getTranslation("users.error.username.required"))
                .withValidator(v -> AdminRules.normaliseUsername(v).length() <= AdminRules.USERNAME_MAX_LENGTH,
                        getTranslation("users.error.username.tooLong", AdminRules.USERNAME_MAX_LENGTH))
                .withValidator(v -> AdminRules.isValidUsername(AdminRules.normaliseUsername(v)),
                        getTranslation("users.error.username.format"))
                .bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(password)
                .asRequired(getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH))
                .withValidator(AdminRules::isPasswordLongEnough,
                        getTranslation("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH))
                .withValidator(AdminRules::isPasswordShortEnough,
                        getTranslation("users.error.password.tooLong", AdminRules.PASSWORD_MAX_BYTES))
                .bind(d -> d.password, (d, v) -> d.password = v);
    }

    private void save() {
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            UserSummary saved = existing == null
                    ? userService.createUser(new NewUser(draft.username, draft.displayName, draft.email, draft.role,
                            draft.language, draft.password))
                    : userService.updateUser(new UserEdit(existing.id(), existing.version(), draft.displayName,
                            draft.email, draft.role, draft.language, draft.active));
            close();
            onSaved.run();
            AdminUi.notifySuccess(getTranslation("users.saved", saved.username()));
        } catch (BusinessRuleException refusal) {
            if (!AdminUi.showOnField(this, refusal, fieldsByErrorKey())) {
                throw refusal;
            }
        }
    }

    /** Which field shows which of the service's refusals. */
    private Map<String, HasValidation> fieldsByErrorKey() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("users.error.username.", username);
        fields.put("users.error.displayName.", displayName);
        fields.put("users.error.email.", email);
        fields.put("users.error.role.", role);
        fields.put("users.error.selfDemote", role);
        fields.put("users.error.selfDeactivate", active);
        fields.put("users.error.password.", password);
        return fields;
    }
}
