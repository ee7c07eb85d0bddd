package com.vetacrm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

class UserServiceTest extends ServiceTest {

    @Autowired
    UserService userService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminListsUsersPageByPageInUsernameOrder() {
        assertThat(userService.findUsers(null, PageRequest.of(0, 2))).extracting(UserSummary::username)
                .containsExactly("admin", "manager");
        assertThat(userService.findUsers(null, PageRequest.of(1, 2))).extracting(UserSummary::username)
                .containsExactly("sales");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminSearchesUsersByNameUsernameOrEmail() {
        assertThat(userService.findUsers("marta", PageRequest.of(0, 10))).extracting(UserSummary::username)
                .containsExactly("manager");
        assertThat(userService.findUsers("SALES@EXAMPLE", PageRequest.of(0, 10))).extracting(UserSummary::username)
                .containsExactly("sales");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonMayNotListUsers() {
        assertThatThrownBy(() -> userService.findUsers(null, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerMayNotListUsers() {
        assertThatThrownBy(() -> userService.findUsers(null, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallerIsRefused() {
        assertThatThrownBy(() -> userService.myLanguage())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void userRemembersTheirLanguage() {
        assertThat(userService.myLanguage()).isEmpty();

        userService.changeMyLanguage(Locale.forLanguageTag("es-MX"));

        assertThat(userService.myLanguage()).contains(SupportedLanguage.SPANISH);
        assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE username = 'sales'", String.class))
                .isEqualTo("es");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void unsupportedLanguageIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> userService.changeMyLanguage(Locale.JAPANESE))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey())
                .isEqualTo("error.language.unsupported");
        assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE username = 'manager'", String.class))
                .isNull();
    }
}
