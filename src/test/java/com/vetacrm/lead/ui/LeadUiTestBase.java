package com.vetacrm.lead.ui;

import com.vetacrm.testsupport.SignIns;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextFieldTester;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamEdit;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadService;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the lead view tests share. The demo data grows over time (hundreds of demo leads), so every
 * test creates its own leads through {@link LeadService}, marks them with a {@link #unique()} word and
 * filters the view on it; ids of users, teams, stages and tags are looked up, never assumed.
 */
abstract class LeadUiTestBase extends ViewTest {

    @Autowired
    protected LeadService leads;
    @Autowired
    protected StageService stageService;
    @Autowired
    protected TagService tagService;
    @Autowired
    protected TeamService teamService;
    @Autowired
    protected UserService userService;
    @Autowired
    protected UserDetailsService userDetails;

    /** A word no other test's data contains (letters and digits, lower case). */
    protected static String unique() {
        return "zv" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs {@code work} signed in as {@code username}, then puts the test's own sign-in back. */
    protected <T> T as(String username, Supplier<T> work) {
        return SignIns.as(userDetails, username, work);
    }

    protected VetaPrincipal principal(String username) {
        return (VetaPrincipal) userDetails.loadUserByUsername(username);
    }

    protected long userId(String username) {
        return principal(username).id();
    }

    protected List<StageSummary> stages() {
        return as(DemoUsers.ADMIN, () -> stageService.findAllInOrder());
    }

    /** The stages a card can be in without winning, unfolded (their cards load with the board). */
    protected List<StageSummary> openStages() {
        List<StageSummary> open = stages().stream().filter(s -> !s.won() && !s.fold()).toList();
        assertThat(open).as("open, unfolded stages").hasSizeGreaterThanOrEqualTo(2);
        return open;
    }

    protected List<TagSummary> tags() {
        List<TagSummary> all = as(DemoUsers.ADMIN, () -> tagService.findAll());
        assertThat(all).as("tags of a fresh installation").hasSizeGreaterThanOrEqualTo(2);
        return all;
    }

    /** The first team of the demo salesperson (the manager leads it too). */
    protected long salesTeam() {
        List<Long> mine = teamService.teamIdsOf(userId(DemoUsers.SALES));
        assertThat(mine).as("teams of the demo salesperson").isNotEmpty();
        return mine.getFirst();
    }

    /** An active team the demo salesperson is not in: a demo team, or a new empty one. */
    protected long teamWithoutSales() {
        List<Long> salesTeams = teamService.teamIdsOf(userId(DemoUsers.SALES));
        return as(DemoUsers.MANAGER, () -> teamService.findActive()).stream()
                .filter(t -> !salesTeams.contains(t.id())).findFirst()
                .map(TeamSummary::id)
                .orElseGet(() -> as(DemoUsers.ADMIN, () -> teamService.saveTeam(
                        new TeamEdit(null, 0, "Team " + unique(), null, Set.of(), true)).id()));
    }

    /**
     * Creates a lead as the signed-in user, in the first stage and the salesperson's team unless
     * {@code more} says otherwise.
     */
    protected LeadDetails create(String name, Consumer<LeadDraft> more) {
        LeadDraft d = new LeadDraft();
        d.setName(name);
        d.setStageId(openStages().getFirst().id());
        d.setTeamId(salesTeam());
        more.accept(d);
        return leads.create(d);
    }

    protected LeadDetails create(String name) {
        return create(name, d -> {
        });
    }

    protected static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    protected static TextFieldTester<BigDecimalField, BigDecimal> decimal(BigDecimalField field) {
        return new TextFieldTester<>(field);
    }

    /** Whether a component with this id is on screen (queries see visible components only). */
    protected boolean shown(Class<? extends Component> type, String id) {
        return $(type).withId(id).exists();
    }

    /** The field's error as the user sees it, or null when the field is valid. */
    protected static String errorOf(Component field) {
        HasValidation v = (HasValidation) field;
        return v.isInvalid() ? v.getErrorMessage() : null;
    }
}
