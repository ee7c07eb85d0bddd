package com.vetacrm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.security.Role;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.List;
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

    private List<String> membersOf(String team) {
        return jdbc.queryForList("""
                SELECT u.username FROM sales_team t JOIN sales_team_member m ON m.team_id = t.id
                JOIN app_user u ON u.id = m.user_id WHERE t.name = ? ORDER BY u.username""", String.class, team);
    }

    private String leaderOf(String team) {
        return jdbc.queryForObject("""
                SELECT u.username FROM sales_team t JOIN app_user u ON u.id = t.leader_id WHERE t.name = ?""",
                String.class, team);
    }

    @Test
    void freshInstallationHasTheThreeDocumentedDemoLoginsWithTheirNamesAndRoles() {
        assertThat(users.findByUsername(DemoUsers.ADMIN)).get()
                .extracting(AppUser::getRole, AppUser::getDisplayName).containsExactly(Role.ADMIN, "Alex Morgan");
        assertThat(users.findByUsername(DemoUsers.MANAGER)).get()
                .extracting(AppUser::getRole, AppUser::getDisplayName)
                .containsExactly(Role.SALES_MANAGER, "Marta Ruiz");
        assertThat(users.findByUsername(DemoUsers.SALES)).get()
                .extracting(AppUser::getRole, AppUser::getDisplayName).containsExactly(Role.SALESPERSON, "Sam Patel");
    }

    @Test
    void demoColleaguesSignInWithTheSharedDemoPassword() {
        assertThat(jdbc.queryForList("SELECT username FROM app_user ORDER BY username", String.class))
                .containsExactly("admin", "carlos", "david", "emma", "hiroshi", "lucia", "manager", "olivia", "priya",
                        "sales");
        for (String colleague : List.of("lucia", "david", "emma", "hiroshi", "olivia", "carlos", "priya")) {
            AppUser user = users.findByUsername(colleague).orElseThrow();
            assertThat(passwordEncoder.matches(InitialData.DEMO_COLLEAGUE_PASSWORD, user.getPasswordHash()))
                    .as(colleague).isTrue();
            assertThat(user.isActive()).isTrue();
        }
        assertThat(users.findByUsername("lucia").orElseThrow().getDisplayName()).isEqualTo("Lucía Fernández");
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        AppUser manager = users.findByUsername(DemoUsers.MANAGER).orElseThrow();
        assertThat(manager.getPasswordHash()).startsWith("$2").doesNotContain(DemoUsers.MANAGER_PASSWORD);
        assertThat(passwordEncoder.matches(DemoUsers.MANAGER_PASSWORD, manager.getPasswordHash())).isTrue();
    }

    @Test
    void defaultStagesComeInOrderWithAFoldedOnHoldAndWonLast() {
        assertThat(jdbc.queryForList("SELECT name FROM stage ORDER BY sequence", String.class))
                .containsExactly("New", "Qualified", "Proposition", "Negotiation", "On Hold", "Won");
        assertThat(jdbc.queryForList("SELECT name FROM stage WHERE is_won", String.class)).containsExactly("Won");
        assertThat(jdbc.queryForList("SELECT name FROM stage WHERE fold", String.class)).containsExactly("On Hold");
    }

    @Test
    void threeTeamsEachLedByAManagerWhoIsAlsoAMember() {
        assertThat(jdbc.queryForList("SELECT name FROM sales_team ORDER BY name", String.class))
                .containsExactly("Direct Sales", "Enterprise Accounts", "Partners & Channels");
        assertThat(leaderOf("Direct Sales")).isEqualTo("manager");
        assertThat(membersOf("Direct Sales")).containsExactly("manager", "sales");
        assertThat(leaderOf("Enterprise Accounts")).isEqualTo("lucia");
        assertThat(membersOf("Enterprise Accounts")).containsExactly("david", "emma", "hiroshi", "lucia");
        assertThat(leaderOf("Partners & Channels")).isEqualTo("olivia");
        assertThat(membersOf("Partners & Channels")).containsExactly("carlos", "olivia", "priya");
    }

    @Test
    void theDemoSalespersonIsOnlyInDirectSales() {
        assertThat(jdbc.queryForList("""
                SELECT t.name FROM sales_team t JOIN sales_team_member m ON m.team_id = t.id
                JOIN app_user u ON u.id = m.user_id WHERE u.username = 'sales'""", String.class))
                .containsExactly("Direct Sales");
    }

    @Test
    void tenTagsEachInItsOwnColour() {
        assertThat(jdbc.queryForList("SELECT name FROM tag ORDER BY id", String.class))
                .containsExactly("Hot", "Enterprise", "SMB", "Partner", "Renewal", "Upsell", "Public Sector",
                        "Referral", "Trade Show", "Cold");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT color) FROM tag WHERE color REGEXP '^#[0-9a-f]{6}$'",
                Integer.class)).isEqualTo(10);
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
