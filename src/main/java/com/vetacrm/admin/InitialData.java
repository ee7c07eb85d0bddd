package com.vetacrm.admin;

import com.vetacrm.security.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows a fresh installation needs, written once on an empty database: default stages, tags,
 * sales teams and users. With demo data on, the users are the documented demo logins plus a few
 * colleagues in three teams; otherwise a single {@code admin} (in team "Sales") is created whose
 * password comes from {@code veta.bootstrap.admin-password} or is generated and logged once.
 * <p>
 * Demo data follows {@code veta.demo.enabled} (env {@code VETA_DEMO}) when it is set; when it is not,
 * it is on for the embedded database (evaluation) and off for an external one (production), so a
 * production installation never gets well-known passwords by forgetting a flag.
 * <p>
 * Each part checks its own table, so a restart never duplicates or overwrites what users changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialData.class);

    /** Documented in README.md; change them in any installation reachable by others. */
    static final String DEMO_ADMIN_PASSWORD = "admin-password";
    static final String DEMO_MANAGER_PASSWORD = "manager-password";
    static final String DEMO_SALES_PASSWORD = "sales-password";
    /** The password of every other demo user (the colleagues in the Enterprise and Partners teams). */
    static final String DEMO_COLLEAGUE_PASSWORD = "demo-password";

    private final AppUserRepository users;
    private final StageRepository stages;
    private final TagRepository tags;
    private final SalesTeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final boolean demo;
    private final String bootstrapAdminPassword;

    InitialData(AppUserRepository users, StageRepository stages, TagRepository tags, SalesTeamRepository teams,
            PasswordEncoder passwordEncoder, TransactionTemplate tx,
            @Value("${veta.demo.enabled:}") String demoSetting,
            @Value("${spring.datasource.url:}") String externalDatabaseUrl,
            @Value("${veta.bootstrap.admin-password:}") String bootstrapAdminPassword) {
        this.users = users;
        this.stages = stages;
        this.tags = tags;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.demo = demoSetting.isBlank() ? externalDatabaseUrl.isBlank() : Boolean.parseBoolean(demoSetting.trim());
        this.bootstrapAdminPassword = bootstrapAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            createStages();
            createTags();
            createUsersAndTeam();
        });
    }

    private void createStages() {
        if (stages.count() > 0) {
            return;
        }
        // the won stage last; "On Hold" is folded so parked deals do not crowd the board
        stages.saveAll(List.of(
                new Stage("New", 10, false, false),
                new Stage("Qualified", 20, false, false),
                new Stage("Proposition", 30, false, false),
                new Stage("Negotiation", 40, false, false),
                new Stage("On Hold", 45, true, false),
                new Stage("Won", 50, false, true)));
    }

    private void createTags() {
        if (tags.count() > 0) {
            return;
        }
        tags.saveAll(List.of(
                new Tag("Hot", "#e5484d"),
                new Tag("Enterprise", "#3e63dd"),
                new Tag("SMB", "#30a46c"),
                new Tag("Partner", "#8e4ec6"),
                new Tag("Renewal", "#f76b15"),
                new Tag("Upsell", "#12a594"),
                new Tag("Public Sector", "#0090ff"),
                new Tag("Referral", "#d6409f"),
                new Tag("Trade Show", "#ffc53d"),
                new Tag("Cold", "#8d8d8d")));
    }

    private void createUsersAndTeam() {
        if (users.count() > 0) {
            return;
        }
        if (demo) {
            AppUser admin = user("admin", "Alex Morgan", Role.ADMIN, DEMO_ADMIN_PASSWORD);
            AppUser manager = user("manager", "Marta Ruiz", Role.SALES_MANAGER, DEMO_MANAGER_PASSWORD);
            AppUser sales = user("sales", "Sam Patel", Role.SALESPERSON, DEMO_SALES_PASSWORD);
            AppUser lucia = colleague("lucia", "Lucía Fernández", Role.SALES_MANAGER, "es");
            AppUser david = colleague("david", "David Okafor", Role.SALESPERSON, null);
            AppUser emma = colleague("emma", "Emma Schneider", Role.SALESPERSON, null);
            AppUser hiroshi = colleague("hiroshi", "Hiroshi Tanaka", Role.SALESPERSON, null);
            AppUser olivia = colleague("olivia", "Olivia Bennett", Role.SALES_MANAGER, null);
            AppUser carlos = colleague("carlos", "Carlos Mendoza", Role.SALESPERSON, "es");
            AppUser priya = colleague("priya", "Priya Sharma", Role.SALESPERSON, null);
            users.saveAll(List.of(admin, manager, sales, lucia, david, emma, hiroshi, olivia, carlos, priya));
            teams.saveAll(List.of(
                    team("Direct Sales", manager, sales),
                    team("Enterprise Accounts", lucia, david, emma, hiroshi),
                    team("Partners & Channels", olivia, carlos, priya)));
            log.info("Demo users created: admin, manager, sales and seven colleagues (passwords in README.md)");
        } else {
            String password = bootstrapAdminPassword.isBlank() ? randomPassword() : bootstrapAdminPassword;
            AppUser admin = users.save(user("admin", "Administrator", Role.ADMIN, password));
            teams.save(team("Sales", admin));
            if (bootstrapAdminPassword.isBlank()) {
                log.warn("First start: user 'admin' created with password '{}'. Sign in and change it.", password);
            }
        }
    }

    private AppUser user(String username, String displayName, Role role, String password) {
        return new AppUser(username, displayName, username + "@example.com", passwordEncoder.encode(password), role);
    }

    private AppUser colleague(String username, String displayName, Role role, String languageTag) {
        AppUser user = user(username, displayName, role, DEMO_COLLEAGUE_PASSWORD);
        user.setLocale(languageTag);
        return user;
    }

    /** A team whose leader is also a member, as the team service keeps it. */
    private static SalesTeam team(String name, AppUser leader, AppUser... members) {
        SalesTeam team = new SalesTeam(name, leader);
        team.getMembers().add(leader);
        team.getMembers().addAll(List.of(members));
        return team;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
