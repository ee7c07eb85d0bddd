package com.vetacrm.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails(DemoUsers.ADMIN)
class UsersViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return $(Grid.class).id("users-grid");
    }

    private void openEditorOf(String username) {
        test(RowButtons.of(grid(), u -> u.username().equals(username), "row-edit")).click();
    }

    private void fillNewUser(String username, String password) {
        test($(TextField.class).id("user-username")).setValue(username);
        test($(TextField.class).id("user-display-name")).setValue("Tina López");
        test($(TextField.class).id("user-email")).setValue("tina@example.com");
        test($(PasswordField.class).id("user-password")).setValue(password);
    }

    @Test
    void adminCreatesAUserThroughTheDialogAndSeesThemInTheList() {
        navigate(UsersView.class);
        test($(Button.class).id("user-new")).click();
        fillNewUser("tina", "a-long-password");
        @SuppressWarnings("unchecked")
        Select<com.vetacrm.security.Role> role = $(Select.class).id("user-role");
        test(role).selectItem("Sales manager");
        @SuppressWarnings("unchecked")
        Select<com.vetacrm.shared.SupportedLanguage> language = $(Select.class).id("user-language");
        test(language).selectItem("Español");

        test($(Button.class).id("user-save")).click();

        assertThat($(Dialog.class).withId("user-dialog").exists()).isFalse();
        assertThat(test(grid()).size()).isEqualTo(11);
        assertThat(jdbc.queryForMap("SELECT display_name, role, locale FROM app_user WHERE username = 'tina'"))
                .containsEntry("display_name", "Tina López").containsEntry("role", "SALES_MANAGER")
                .containsEntry("locale", "es");
    }

    @Test
    void aTakenUsernameIsShownOnTheUsernameFieldAndTheDialogStaysOpen() {
        navigate(UsersView.class);
        test($(Button.class).id("user-new")).click();
        fillNewUser("Manager", "a-long-password");

        test($(Button.class).id("user-save")).click();

        TextField username = $(TextField.class).id("user-username");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username “manager” is already taken. Choose another one.");
        assertThat($(Dialog.class).withId("user-dialog").exists()).isTrue();
    }

    @Test
    void aShortPasswordAndAnInvalidUsernameAreShownOnTheirFieldsBeforeAnythingIsSent() {
        navigate(UsersView.class);
        test($(Button.class).id("user-new")).click();
        fillNewUser("tom smith", "short");

        test($(Button.class).id("user-save")).click();

        assertThat($(TextField.class).id("user-username").getErrorMessage())
                .isEqualTo("Use only lower-case letters (a–z), digits, dots, hyphens and underscores.");
        assertThat($(PasswordField.class).id("user-password").getErrorMessage())
                .isEqualTo("The password must have at least 10 characters.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE display_name = 'Tina López'",
                Integer.class)).isZero();
    }

    @Test
    void anAdminWhoUnticksTheirOwnActiveBoxIsToldWhyAndStaysActive() {
        navigate(UsersView.class);
        openEditorOf("admin");
        assertThat($(TextField.class).id("user-username").isReadOnly()).isTrue();

        test($(Checkbox.class).id("user-active")).click();
        test($(Button.class).id("user-save")).click();

        Checkbox active = $(Checkbox.class).id("user-active");
        assertThat(active.isInvalid()).isTrue();
        assertThat(active.getErrorMessage()).startsWith("You cannot deactivate your own account.");
        assertThat(jdbc.queryForObject("SELECT active FROM app_user WHERE username = 'admin'", Boolean.class))
                .isTrue();
    }

    @Test
    void editingAUserSavesTheNewNameAndDeactivation() {
        navigate(UsersView.class);
        openEditorOf("hiroshi");

        test($(TextField.class).id("user-display-name")).setValue("Hiroshi Tanaka-Smith");
        test($(Checkbox.class).id("user-active")).click();
        test($(Button.class).id("user-save")).click();

        assertThat(jdbc.queryForMap("SELECT display_name, active FROM app_user WHERE username = 'hiroshi'"))
                .containsEntry("display_name", "Hiroshi Tanaka-Smith").containsEntry("active", false);
    }

    @Test
    void adminResetsAPasswordFromTheEditDialog() {
        navigate(UsersView.class);
        openEditorOf("priya");

        test($(Button.class).id("user-reset-password")).click();
        test($(PasswordField.class).id("user-new-password")).setValue("brand-new-password");
        test($(Button.class).id("user-password-save")).click();

        assertThat($(Dialog.class).withId("user-password-dialog").exists()).isFalse();
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'priya'", String.class);
        assertThat(passwordEncoder.matches("brand-new-password", hash)).isTrue();
    }
}
