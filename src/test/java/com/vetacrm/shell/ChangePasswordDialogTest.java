package com.vetacrm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

/** A user changes their own password from the user menu: field messages first, nothing changed on a mistake. */
@WithUserDetails(DemoUsers.MANAGER)
class ChangePasswordDialogTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    private String hashBefore;

    @BeforeEach
    void openTheDialog() {
        hashBefore = hash();
        navigate(PipelineView.class);
        new MenuBarTester<>($(MenuBar.class).id("user-menu")).clickItem(0, 1);
    }

    @AfterEach
    void demoPasswordBack() {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", encoder.encode(DemoUsers.MANAGER_PASSWORD),
                DemoUsers.MANAGER);
    }

    private String hash() {
        return jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, DemoUsers.MANAGER);
    }

    private void fill(String current, String fresh, String repeat) {
        $(PasswordField.class).id("change-password-current").setValue(current);
        $(PasswordField.class).id("change-password-new").setValue(fresh);
        $(PasswordField.class).id("change-password-repeat").setValue(repeat);
        test($(Button.class).id("change-password-save")).click();
    }

    @Test
    void aWrongCurrentPasswordIsShownAtItsFieldAndChangesNothing() {
        fill("not-my-password", "a-brand-new-password", "a-brand-new-password");

        PasswordField current = $(PasswordField.class).id("change-password-current");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("The current password is not right.");
        assertThat(hash()).isEqualTo(hashBefore);
    }

    @Test
    void aShortOrMistypedNewPasswordIsShownAtItsField() {
        fill(DemoUsers.MANAGER_PASSWORD, "short", "short");
        assertThat($(PasswordField.class).id("change-password-new").isInvalid()).isTrue();

        fill(DemoUsers.MANAGER_PASSWORD, "a-brand-new-password", "a-brand-new-passwort");
        assertThat($(PasswordField.class).id("change-password-repeat").getErrorMessage())
                .isEqualTo("The two new passwords are not the same.");
        assertThat(hash()).isEqualTo(hashBefore);
    }

    @Test
    void theRightCurrentPasswordAndANewOneChangeIt() {
        fill(DemoUsers.MANAGER_PASSWORD, "a-brand-new-password", "a-brand-new-password");

        assertThat(encoder.matches("a-brand-new-password", hash())).isTrue();
        assertThat($(Notification.class).last().getElement().getProperty("text"))
                .isEqualTo("Your password has been changed.");
    }
}
