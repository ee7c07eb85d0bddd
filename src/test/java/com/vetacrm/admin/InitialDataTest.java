package com.vetacrm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.security.Role;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

class InitialDataTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    InitialData initialData;

    @Test
    void freshInstallationHasTheThreeDemoUsersWithTheirRoles() {
        assertThat(users.findByUsername(DemoUsers.ADMIN)).get().extracting(AppUser::getRole).isEqualTo(Role.ADMIN);
        assertThat(users.findByUsername(DemoUsers.MANAGER)).get().extracting(AppUser::getRole)
                .isEqualTo(Role.SALES_MANAGER);
        assertThat(users.findByUsername(DemoUsers.SALES)).get().extracting(AppUser::getRole)
                .isEqualTo(Role.SALESPERSON);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        AppUser manager = users.findByUsername(DemoUsers.MANAGER).orElseThrow();
        assertThat(manager.getPasswordHash()).startsWith("$2").doesNotContain(DemoUsers.MANAGER_PASSWORD);
        assertThat(passwordEncoder.matches(DemoUsers.MANAGER_PASSWORD, manager.getPasswordHash())).isTrue();
    }

    @Test
    void defaultStagesComeInOrderWithWonLast() {
        assertThat(jdbc.queryForList("SELECT name FROM stage ORDER BY sequence", String.class))
                .containsExactly("New", "Qualified", "Proposition", "Won");
        assertThat(jdbc.queryForList("SELECT name FROM stage WHERE is_won", String.class)).containsExactly("Won");
    }

    @Test
    void oneSalesTeamLedByTheManagerWithTheSalespersonAsMember() {
        assertThat(jdbc.queryForList("""
                SELECT u.username FROM sales_team t JOIN sales_team_member m ON m.team_id = t.id
                JOIN app_user u ON u.id = m.user_id ORDER BY u.username""", String.class))
                .containsExactly("manager", "sales");
        assertThat(jdbc.queryForObject("""
                SELECT u.username FROM sales_team t JOIN app_user u ON u.id = t.leader_id""", String.class))
                .isEqualTo("manager");
    }

    @Test
    void aFewColouredTagsExist() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tag WHERE color REGEXP '^#[0-9a-f]{6}$'", Integer.class))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void runningAgainOnAFilledDatabaseChangesNothing() {
        int before = jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM app_user) + (SELECT COUNT(*) FROM stage) + (SELECT COUNT(*) FROM tag)"
                        + " + (SELECT COUNT(*) FROM sales_team)", Integer.class);

        initialData.run(new DefaultApplicationArguments());

        int after = jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM app_user) + (SELECT COUNT(*) FROM stage) + (SELECT COUNT(*) FROM tag)"
                        + " + (SELECT COUNT(*) FROM sales_team)", Integer.class);
        assertThat(after).isEqualTo(before);
    }
}
