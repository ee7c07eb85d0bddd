package com.vetacrm.lead;

import com.vetacrm.testsupport.SignIns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamEdit;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the lead service tests share: the services, signing in as another user for a moment, and
 * test data that no other test of the class can see by accident. The database is a fresh
 * installation per class only, so every test marks its own leads with a {@link #unique()} word and
 * filters on it; ids of users, teams, stages and tags are looked up, never assumed.
 */
abstract class LeadServiceTestBase extends ServiceTest {

    @Autowired
    protected LeadService leads;
    @Autowired
    protected TeamService teamService;
    @Autowired
    protected TagService tagService;
    @Autowired
    protected StageService stageService;
    @Autowired
    protected UserService userService;
    @Autowired
    protected UserDetailsService userDetails;
    @Autowired
    protected JdbcTemplate jdbc;

    /** A word that appears in no other test's data (letters and digits only, lower case). */
    protected static String unique() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs {@code work} signed in as {@code username}, then puts the test's own sign-in back. */
    protected <T> T as(String username, Supplier<T> work) {
        return SignIns.as(userDetails, username, work);
    }

    protected void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    protected VetaPrincipal principal(String username) {
        return (VetaPrincipal) userDetails.loadUserByUsername(username);
    }

    protected long userId(String username) {
        return principal(username).id();
    }

    protected String displayName(String username) {
        return principal(username).displayName();
    }

    /** A team the demo salesperson belongs to. */
    protected long salesTeam() {
        List<Long> mine = as(DemoUsers.ADMIN, () -> teamService.teamIdsOf(userId(DemoUsers.SALES)));
        assertThat(mine).as("teams of the demo salesperson").isNotEmpty();
        return mine.getFirst();
    }

    /** A new active team without members: nobody's own team, visible to managers only. */
    protected long otherTeam() {
        return as(DemoUsers.ADMIN,
                () -> teamService.saveTeam(new TeamEdit(null, 0, "Team " + unique(), null, Set.of(), true)).id());
    }

    protected List<StageSummary> stageList() {
        return as(DemoUsers.ADMIN, () -> stageService.findAllInOrder());
    }

    protected List<StageSummary> openStages() {
        List<StageSummary> open = stageList().stream().filter(s -> !s.won()).toList();
        assertThat(open).as("stages that are not won").hasSizeGreaterThanOrEqualTo(2);
        return open;
    }

    protected StageSummary firstStage() {
        return openStages().getFirst();
    }

    protected StageSummary secondStage() {
        return openStages().get(1);
    }

    protected StageSummary wonStage() {
        return stageList().stream().filter(StageSummary::won).findFirst().orElseThrow();
    }

    protected List<TagSummary> tagList() {
        List<TagSummary> tags = as(DemoUsers.ADMIN, () -> tagService.findAll());
        assertThat(tags).as("tags of a fresh installation").hasSizeGreaterThanOrEqualTo(3);
        return tags;
    }

    protected static LeadDraft draft(String name, long teamId) {
        LeadDraft d = new LeadDraft();
        d.setName(name);
        d.setTeamId(teamId);
        return d;
    }

    /**
     * A draft for a new lead in the first open stage. The stage is set explicitly because
     * {@code LeadService.create} fails on a draft without one (see
     * {@code LeadFiltersTest.newLeadWithoutAStageGoesToTheFirstOpenStage}); the other tests are about
     * other things.
     */
    protected LeadDraft newDraft(String name, long teamId) {
        LeadDraft d = draft(name, teamId);
        d.setStageId(firstStage().id());
        return d;
    }

    /** Creates a lead as the signed-in user. */
    protected LeadDetails create(String name, long teamId, Consumer<LeadDraft> more) {
        LeadDraft d = newDraft(name, teamId);
        more.accept(d);
        return leads.create(d);
    }

    protected LeadDetails create(String name, long teamId) {
        return create(name, teamId, d -> {
        });
    }

    /** Creates a lead as the manager, whoever the test signed in as. */
    protected LeadDetails createAsManager(String name, long teamId, Consumer<LeadDraft> more) {
        return as(DemoUsers.MANAGER, () -> create(name, teamId, more));
    }

    protected static List<Long> ids(List<LeadRow> rows) {
        return rows.stream().map(LeadRow::id).toList();
    }

    protected static List<Long> cardIds(List<LeadCard> cards) {
        return cards.stream().map(LeadCard::id).toList();
    }

    protected static List<String> eventKeys(List<ChatterItem> timeline) {
        return timeline.stream().map(ChatterItem::text).toList();
    }

    protected int leadsNamed(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE name = ?", Integer.class, name);
    }

    protected int chatterEntriesOf(long leadId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM chatter_entry WHERE target_type = 'LEAD' AND target_id = ?",
                Integer.class, leadId);
    }

    protected long versionOf(long leadId) {
        return jdbc.queryForObject("SELECT version FROM crm_lead WHERE id = ?", Long.class, leadId);
    }

    protected static void assertRefused(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }
}
