package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.DemoUsers;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * DESIGN §1: a salesperson sees and changes the leads of their own teams only, whatever id they try;
 * managers see every team. Enforced by the service, not by the views.
 */
class LeadAccessTest extends LeadServiceTestBase {

    /** Something a salesperson may try on a lead id. */
    @FunctionalInterface
    interface LeadOperation {
        void apply(LeadAccessTest test, long leadId);
    }

    /** A lead of the salesperson's team and one of a team they do not belong to, created by the manager. */
    private record TwoLeads(String word, long own, long foreign, long foreignTeam) {
    }

    private TwoLeads twoLeads() {
        String w = unique();
        long foreignTeam = otherTeam();
        long own = createAsManager(w + " own", salesTeam(), d -> d.setExpectedRevenue(new BigDecimal("10"))).id();
        long foreign = createAsManager(w + " foreign", foreignTeam, d -> {
            d.setExpectedRevenue(new BigDecimal("1000"));
            d.setSalespersonId(userId(DemoUsers.MANAGER));
        }).id();
        return new TwoLeads(w, own, foreign, foreignTeam);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aSalespersonCannotBeGivenALeadOfATeamTheyAreNotIn() {
        long foreignTeam = otherTeam();
        assertRefused(() -> create(unique(), foreignTeam, d -> d.setSalespersonId(userId(DemoUsers.SALES))),
                "lead.error.salespersonNotInTeam");
        long id = create(unique(), foreignTeam).id();
        assertRefused(() -> leads.bulk(java.util.List.of(id), new com.vetacrm.lead.BulkAction.AssignSalesperson(
                userId(DemoUsers.SALES))), "lead.error.salespersonNotInTeam");
        assertThat(leads.get(id).draft().getSalespersonId()).isEqualTo(userId(DemoUsers.MANAGER));
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonSeesOnlyTheirTeamsLeadsInGridPipelineAndForm() {
        TwoLeads t = twoLeads();
        LeadQuery q = LeadQuery.all().withText(t.word());

        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 50)))).containsExactly(t.own());
        // even when asking for the other team, or for the leads assigned to them there
        assertThat(leads.findLeads(q.withTeam(t.foreignTeam()), PageRequest.of(0, 50))).isEmpty();
        assertThat(leads.findLeads(q.withMine(true), PageRequest.of(0, 50))).isEmpty();

        long firstStage = firstStage().id();
        assertThat(cardIds(leads.pipelineCards(q, firstStage, 0, 50))).containsExactly(t.own());
        assertThat(leads.pipelineColumns(q)).filteredOn(c -> c.stage().id() == firstStage).singleElement()
                .satisfies(c -> {
                    assertThat(c.count()).isEqualTo(1);
                    assertThat(c.expectedRevenue()).isEqualByComparingTo("10");
                });
        assertThat(leads.pipelineColumns(q).stream().mapToLong(PipelineColumn::count).sum()).isEqualTo(1);

        assertThat(leads.get(t.own()).draft().getName()).isEqualTo(t.word() + " own");
        assertThat(leads.findCard(t.own())).isPresent();
        assertThat(leads.findCard(t.foreign())).isEmpty();
        assertRefused(() -> leads.get(t.foreign()), "lead.error.notFound");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void managerSeesEveryTeam() {
        TwoLeads t = twoLeads();
        LeadQuery q = LeadQuery.all().withText(t.word());

        assertThat(ids(leads.findLeads(q, PageRequest.of(0, 50)))).containsExactlyInAnyOrder(t.own(), t.foreign());
        assertThat(leads.pipelineColumns(q).stream().mapToLong(PipelineColumn::count).sum()).isEqualTo(2);
        assertThat(leads.get(t.foreign()).draft().getTeamId()).isEqualTo(t.foreignTeam());
        leads.moveToStage(t.foreign(), secondStage().id());
        assertThat(leads.get(t.foreign()).draft().getStageId()).isEqualTo(secondStage().id());
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void adminSeesEveryTeam() {
        TwoLeads t = twoLeads();

        assertThat(ids(leads.findLeads(LeadQuery.all().withText(t.word()), PageRequest.of(0, 50))))
                .containsExactlyInAnyOrder(t.own(), t.foreign());
        assertThat(leads.timeline(t.foreign(), 0, 10)).isNotEmpty();
    }

    static Stream<Named<LeadOperation>> operationsOnALead() {
        return Stream.of(
                Named.of("get", (t, id) -> t.leads.get(id)),
                Named.of("update", (t, id) -> {
                    LeadDraft d = draft("Taken over", t.salesTeam());
                    t.leads.update(id, d);
                }),
                Named.of("moveToStage", (t, id) -> t.leads.moveToStage(id, t.secondStage().id())),
                Named.of("setPriority", (t, id) -> t.leads.setPriority(id, 3)),
                Named.of("logNote", (t, id) -> t.leads.logNote(id, "I was here")),
                Named.of("timeline", (t, id) -> t.leads.timeline(id, 0, 10)),
                Named.of("convertToOpportunity", (t, id) -> t.leads.convertToOpportunity(id)),
                Named.of("markWon", (t, id) -> t.leads.markWon(id)),
                Named.of("markLost", (t, id) -> t.leads.markLost(id, "Mine now")),
                Named.of("archive", (t, id) -> t.leads.archive(id)),
                Named.of("restore", (t, id) -> t.leads.restore(id)),
                Named.of("addContact", (t, id) -> {
                    ContactDraft c = new ContactDraft();
                    c.setFullName("Eve");
                    t.leads.addContact(id, c);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnALead")
    @WithUserDetails(DemoUsers.SALES)
    void anotherTeamsLeadIsNotFoundAndStaysAsItWas(LeadOperation operation) {
        TwoLeads t = twoLeads();
        LeadDetails before = as(DemoUsers.MANAGER, () -> leads.get(t.foreign()));
        int entries = chatterEntriesOf(t.foreign());

        assertRefused(() -> operation.apply(this, t.foreign()), "lead.error.notFound");

        LeadDetails after = as(DemoUsers.MANAGER, () -> leads.get(t.foreign()));
        assertThat(after.draft().getVersion()).isEqualTo(before.draft().getVersion());
        assertThat(after.draft().getName()).isEqualTo(before.draft().getName());
        assertThat(after.status()).isEqualTo(LeadStatus.ACTIVE);
        assertThat(after.contacts()).isEmpty();
        assertThat(chatterEntriesOf(t.foreign())).isEqualTo(entries);
        // the same operation on their own team's lead is allowed
        operation.apply(this, t.own());
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void contactsOfAnotherTeamsLeadAreOutOfReach() {
        TwoLeads t = twoLeads();
        ContactDraft eve = new ContactDraft();
        eve.setFullName("Eve");
        LeadContactRow contact = as(DemoUsers.MANAGER, () -> leads.addContact(t.foreign(), eve));

        ContactDraft change = ContactDraft.of(contact);
        change.setFullName("Mallory");
        assertRefused(() -> leads.updateContact(t.foreign(), contact.id(), change), "lead.error.notFound");
        assertRefused(() -> leads.removeContact(t.foreign(), contact.id()), "lead.error.notFound");
        // nor through a lead of their own
        assertRefused(() -> leads.updateContact(t.own(), contact.id(), change), "lead.error.contactNotFound");
        assertRefused(() -> leads.removeContact(t.own(), contact.id()), "lead.error.contactNotFound");

        assertThat(as(DemoUsers.MANAGER, () -> leads.get(t.foreign()).contacts()))
                .singleElement().satisfies(c -> assertThat(c.fullName()).isEqualTo("Eve"));
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void bulkActionIncludingAnotherTeamsLeadChangesNothing() {
        TwoLeads t = twoLeads();
        int ownEntries = chatterEntriesOf(t.own());
        long ownVersion = versionOf(t.own());

        assertRefused(() -> leads.bulk(List.of(t.own(), t.foreign()), new BulkAction.Archive()),
                "lead.error.bulkNotFound");
        assertRefused(() -> leads.bulk(List.of(t.foreign()), new BulkAction.ConvertToOpportunity()),
                "lead.error.bulkNotFound");
        assertRefused(() -> leads.bulk(List.of(t.own(), Long.MAX_VALUE), new BulkAction.Archive()),
                "lead.error.bulkNotFound");

        assertThat(leads.get(t.own()).active()).isTrue();
        assertThat(versionOf(t.own())).isEqualTo(ownVersion);
        assertThat(chatterEntriesOf(t.own())).isEqualTo(ownEntries);
        assertThat(as(DemoUsers.MANAGER, () -> leads.get(t.foreign()).status())).isEqualTo(LeadStatus.ACTIVE);
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonCannotPutALeadIntoATeamThatIsNotTheirs() {
        TwoLeads t = twoLeads();
        String w = t.word();
        LeadDetails own = leads.get(t.own());
        long ownTeam = own.draft().getTeamId();
        long ownVersion = own.draft().getVersion();
        LeadDraft moved = leads.get(t.own()).draft();
        moved.setTeamId(t.foreignTeam());

        assertRefused(() -> leads.update(t.own(), moved), "lead.error.teamNotFound");
        assertRefused(() -> leads.bulk(List.of(t.own()), new BulkAction.AssignTeam(t.foreignTeam())),
                "lead.error.teamNotFound");
        assertRefused(() -> create(w + " new", t.foreignTeam()), "lead.error.teamNotFound");
        assertRefused(() -> leads.quickCreate(new QuickLead(firstStage().id(), w + " quick", null, null,
                t.foreignTeam())), "lead.error.teamNotFound");

        assertThat(leads.get(t.own()).draft().getTeamId()).isEqualTo(ownTeam);
        assertThat(versionOf(t.own())).isEqualTo(ownVersion);
        assertThat(leadsNamed(w + " new")).isZero();
        assertThat(leadsNamed(w + " quick")).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespersonMayNotLeaveALeadWithoutATeam() {
        TwoLeads t = twoLeads();
        LeadDraft d = leads.get(t.own()).draft();
        d.setTeamId(null);

        assertRefused(() -> leads.update(t.own(), d), "lead.error.teamRequired");
        assertThat(leads.get(t.own()).draft().getTeamId()).isEqualTo(salesTeam());
    }

    @Test
    void callerWhoIsNotSignedInIsRefused() {
        assertThatThrownBy(() -> leads.findLeads(LeadQuery.all(), PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> leads.pipelineColumns(LeadQuery.all()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> leads.get(1)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> leads.create(draft("Anonymous", 1)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> leads.exportCsv(LeadQuery.all(), new StringWriter()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(leadsNamed("Anonymous")).isZero();
    }
}
