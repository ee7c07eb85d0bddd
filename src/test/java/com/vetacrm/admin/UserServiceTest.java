package com.vetacrm.admin;

import static com.vetacrm.testsupport.Refusals.messageKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.Refusals;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Users created in these tests have usernames after "sales" (t…, u…, v…), so the paging tests over the
 * demo users hold whatever order the tests run in.
 */
class UserServiceTest extends ServiceTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    UserService userService;
    @Autowired
    UserDetailsService userDetailsService;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    private UserSummary create(String username, Role role) {
        return userService.createUser(new NewUser(username, "Test " + username, username + "@example.com", role,
                null, PASSWORD));
    }


    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminListsUsersPageByPageInUsernameOrder() {
        assertThat(userService.findUsers(null, PageRequest.of(0, 2))).extracting(UserSummary::username)
                .containsExactly("admin", "carlos");
        assertThat(userService.findUsers(null, PageRequest.of(4, 2))).extracting(UserSummary::username)
                .containsExactly("priya", "sales");
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

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void createdUserSignsInWithTheInitialPasswordAndHasALowerCaseUsername() {
        UserSummary created = userService.createUser(new NewUser("  Tina.Lopez ", " Tina López ",
                "tina@example.com", Role.SALESPERSON, SupportedLanguage.SPANISH, PASSWORD));

        assertThat(created.username()).isEqualTo("tina.lopez");
        assertThat(created.displayName()).isEqualTo("Tina López");
        assertThat(created.locale()).isEqualTo("es");
        assertThat(created.active()).isTrue();
        UserDetails signIn = userDetailsService.loadUserByUsername("TINA.LOPEZ");
        assertThat(passwordEncoder.matches(PASSWORD, signIn.getPassword())).isTrue();
        assertThat(signIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SALESPERSON");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void takenUsernameIsRefusedWhateverItsCase() {
        assertThatThrownBy(() -> create("Manager", Role.SALESPERSON))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(Refusals::messageKey).isEqualTo("users.error.username.taken");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'manager'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void usernameWithOtherCharactersThanLettersDigitsDotsHyphensUnderscoresIsRefused() {
        for (String bad : new String[] {"tom smith", "tom/1", "tomás", "tom@example"}) {
            assertThatThrownBy(() -> create(bad, Role.SALESPERSON)).as(bad)
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(Refusals::messageKey).isEqualTo("users.error.username.format");
        }
        assertThatThrownBy(() -> create("   ", Role.SALESPERSON))
                .extracting(Refusals::messageKey).isEqualTo("users.error.username.required");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void initialPasswordShorterThanTenCharactersIsRefused() {
        assertThatThrownBy(() -> userService.createUser(new NewUser("tom", "Tom", null, Role.SALESPERSON, null,
                "123456789")))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(messageKey(e)).isEqualTo("users.error.password.tooShort");
                    assertThat(((BusinessRuleException) e).args()).containsExactly(10);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'tom'", Integer.class))
                .isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void invalidEmailIsRefusedButNoEmailIsFine() {
        assertThatThrownBy(() -> userService.createUser(new NewUser("tom", "Tom", "tom@", Role.SALESPERSON, null,
                PASSWORD)))
                .extracting(Refusals::messageKey).isEqualTo("users.error.email.invalid");

        UserSummary withoutEmail = userService.createUser(new NewUser("tom", "Tom", "  ", Role.SALESPERSON, null,
                PASSWORD));

        assertThat(withoutEmail.email()).isNull();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminChangesNameEmailRoleLanguageAndDeactivatesAUser() {
        UserSummary user = create("ursula", Role.SALESPERSON);
        UserEdit loaded = userService.getUser(user.id());

        UserSummary saved = userService.updateUser(new UserEdit(user.id(), loaded.version(), "Ursula Brandt",
                "ursula.brandt@example.com", Role.SALES_MANAGER, SupportedLanguage.SPANISH, false));

        assertThat(saved).isEqualTo(new UserSummary(user.id(), "ursula", "Ursula Brandt", "ursula.brandt@example.com",
                Role.SALES_MANAGER, "es", false));
        assertThat(userDetailsService.loadUserByUsername("ursula").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminCannotDeactivateThemself() {
        long me = userService.findUsers("admin@", PageRequest.of(0, 1)).getFirst().id();
        UserEdit mine = userService.getUser(me);

        assertThatThrownBy(() -> userService.updateUser(new UserEdit(me, mine.version(), mine.displayName(),
                mine.email(), Role.ADMIN, null, false)))
                .extracting(Refusals::messageKey).isEqualTo("users.error.selfDeactivate");
        assertThat(userService.getUser(me).active()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminCannotTakeAwayTheirOwnAdministratorRole() {
        long me = userService.findUsers("admin@", PageRequest.of(0, 1)).getFirst().id();
        UserEdit mine = userService.getUser(me);

        assertThatThrownBy(() -> userService.updateUser(new UserEdit(me, mine.version(), mine.displayName(),
                mine.email(), Role.SALES_MANAGER, null, true)))
                .extracting(Refusals::messageKey).isEqualTo("users.error.selfDemote");
        assertThat(userService.getUser(me).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void savingAnOlderCopyThanTheStoredOneIsRefusedAsAConcurrentEdit() {
        UserSummary user = create("vera", Role.SALESPERSON);
        UserEdit loadedByBoth = userService.getUser(user.id());
        userService.updateUser(new UserEdit(user.id(), loadedByBoth.version(), "Vera First", null,
                Role.SALESPERSON, null, true));

        assertThatThrownBy(() -> userService.updateUser(new UserEdit(user.id(), loadedByBoth.version(),
                "Vera Second", null, Role.SALESPERSON, null, true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(userService.getUser(user.id()).displayName()).isEqualTo("Vera First");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void resetPasswordReplacesTheOldOne() {
        UserSummary user = create("victor", Role.SALESPERSON);

        userService.resetPassword(user.id(), "another-long-password");

        String hash = userDetailsService.loadUserByUsername("victor").getPassword();
        assertThat(passwordEncoder.matches("another-long-password", hash)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void resetToAShortPasswordIsRefused() {
        long sales = userService.findUsers("sales@", PageRequest.of(0, 1)).getFirst().id();

        assertThatThrownBy(() -> userService.resetPassword(sales, "short"))
                .extracting(Refusals::messageKey).isEqualTo("users.error.password.tooShort");
        assertThat(passwordEncoder.matches(DemoUsers.SALES_PASSWORD,
                userDetailsService.loadUserByUsername("sales").getPassword())).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerMayNotCreateUsersNorResetPasswords() {
        assertThatThrownBy(() -> create("walter", Role.SALESPERSON)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userService.resetPassword(1, PASSWORD)).isInstanceOf(AccessDeniedException.class);
    }
}
