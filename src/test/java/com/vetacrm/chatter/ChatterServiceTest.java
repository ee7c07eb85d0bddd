package com.vetacrm.chatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.admin.StageService;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadService;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Notes and events in a record's timeline, on the real database; through the lead service as users do. */
@WithUserDetails(DemoUsers.SALES)
class ChatterServiceTest extends ServiceTest {

    /** Targets of this class's own timelines, so no test sees another's entries. */
    private static final AtomicLong NEXT_TARGET = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    ChatterService chatter;
    @Autowired
    LeadService leads;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    StageService stages;

    private static ChatterTarget newTarget() {
        return new ChatterTarget("TEST", NEXT_TARGET.incrementAndGet());
    }

    private VetaPrincipal principal(String username) {
        return (VetaPrincipal) userDetails.loadUserByUsername(username);
    }

    private void as(String username, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        VetaPrincipal p = principal(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private long ownLead() {
        VetaPrincipal sales = principal(DemoUsers.SALES);
        LeadDraft d = new LeadDraft();
        d.setName("Chatter " + UUID.randomUUID());
        d.setStageId(stages.findAllInOrder().stream().filter(s -> !s.won()).findFirst().orElseThrow().id());
        LeadDetails lead = leads.create(d); // a salesperson's new lead goes to their own team
        assertThat(lead.draft().getSalespersonId()).isEqualTo(sales.id());
        return lead.id();
    }

    private int notesOf(long leadId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM chatter_entry WHERE target_type = 'LEAD' AND target_id = ? AND kind = 'NOTE'",
                Integer.class, leadId);
    }

    @Test
    void noteIsStoredAsTypedWithLineBreaksAndMarkupAsText() {
        long lead = ownLead();
        String note = "Called Ana.\nShe wants a demo <script>alert('x')</script> & a quote\n\n  — indented line";

        leads.logNote(lead, note);

        ChatterItem item = leads.timeline(lead, 0, 1).getFirst();
        assertThat(item.kind()).isEqualTo(ChatterKind.NOTE);
        assertThat(item.text()).isEqualTo(note);
        assertThat(item.args()).isEmpty();
        assertThat(item.payload()).isNull();
        assertThat(item.authorId()).isEqualTo(principal(DemoUsers.SALES).id());
        assertThat(item.authorName()).isEqualTo(principal(DemoUsers.SALES).displayName());
        assertThat(jdbc.queryForObject("SELECT body FROM chatter_entry WHERE target_type = 'LEAD' AND target_id = ?"
                + " AND kind = 'NOTE'", String.class, lead)).isEqualTo(note);
    }

    @Test
    void noteIsStrippedOfSurroundingBlanksOnly() {
        long lead = ownLead();

        leads.logNote(lead, "\n   Follow up on Monday.\n  ");

        assertThat(leads.timeline(lead, 0, 1).getFirst().text()).isEqualTo("Follow up on Monday.");
    }

    @Test
    void unicodeBeyondTheBasicPlaneIsKept() {
        long lead = ownLead();
        String note = "Deal closed 🎉 — ¡Olé! 日本語 " + "😀".repeat(2_000);

        leads.logNote(lead, note);

        assertThat(leads.timeline(lead, 0, 1).getFirst().text()).isEqualTo(note);
    }

    @Test
    void blankNoteIsRefusedAndNothingIsStored() {
        long lead = ownLead();

        for (String blank : new String[] {"", "   ", "\n\t\n", null}) {
            assertThatThrownBy(() -> leads.logNote(lead, blank)).isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("chatter.note.empty"));
        }
        assertThat(notesOf(lead)).isZero();
    }

    @Test
    void noteOfMoreThan10000CharactersIsRefusedAndNothingIsStored() {
        long lead = ownLead();

        assertThatThrownBy(() -> leads.logNote(lead, "x".repeat(10_001)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chatter.note.tooLong"));
        assertThat(notesOf(lead)).isZero();

        leads.logNote(lead, "y".repeat(10_000));
        assertThat(leads.timeline(lead, 0, 1).getFirst().text()).hasSize(10_000);
    }

    @Test
    void timelineIsNewestFirstWithAuthorNamesAndPagesThrough() {
        long lead = ownLead();
        leads.logNote(lead, "first");
        as(DemoUsers.MANAGER, () -> leads.logNote(lead, "second"));
        leads.logNote(lead, "third");

        List<ChatterItem> timeline = leads.timeline(lead, 0, 10);

        assertThat(timeline).extracting(ChatterItem::text)
                .containsExactly("third", "second", "first", "lead.event.created");
        assertThat(timeline).extracting(ChatterItem::authorName).containsExactly(
                principal(DemoUsers.SALES).displayName(), principal(DemoUsers.MANAGER).displayName(),
                principal(DemoUsers.SALES).displayName(), principal(DemoUsers.SALES).displayName());
        assertThat(timeline).extracting(ChatterItem::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(leads.timeline(lead, 1, 2)).extracting(ChatterItem::text).containsExactly("second", "first");
        assertThat(leads.timeline(lead, 4, 10)).isEmpty();
    }

    @Test
    void eventsKeepTheirArgumentsAsTheyWereAndSystemEventsHaveNoAuthor() {
        ChatterTarget target = newTarget();
        tx.executeWithoutResult(s -> chatter.recordEvent(target, "lead.event.stageChanged", "New", "Won", "Sam"));
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            tx.executeWithoutResult(s -> chatter.recordEvent(target, "lead.event.created", "New"));
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }

        List<ChatterItem> timeline = tx.execute(s -> chatter.timeline(target, 0, 10));

        assertThat(timeline).hasSize(2);
        assertThat(timeline.getFirst()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ChatterKind.EVENT);
            assertThat(e.text()).isEqualTo("lead.event.created");
            assertThat(e.authorId()).isNull();
            assertThat(e.authorName()).isNull();
        });
        assertThat(timeline.get(1)).satisfies(e -> {
            assertThat(e.args()).containsExactly("New", "Won", "Sam");
            assertThat(e.authorName()).isEqualTo(principal(DemoUsers.SALES).displayName());
        });
    }

    @Test
    void eventsForManyRecordsAreWrittenTogether() {
        List<ChatterTarget> targets = List.of(newTarget(), newTarget(), newTarget());

        tx.executeWithoutResult(s -> chatter.recordEvents(targets, "lead.event.archived"));

        for (ChatterTarget t : targets) {
            assertThat(chatter.timeline(t, 0, 10)).singleElement()
                    .satisfies(e -> assertThat(e.text()).isEqualTo("lead.event.archived"));
        }
    }

    @Test
    void enrichmentCardKeepsItsStructuredData() {
        ChatterTarget target = newTarget();
        String payload = "{\"company\":\"Acme\",\"contacts\":[{\"name\":\"Ana\"}]}";

        tx.executeWithoutResult(s -> chatter.recordEnrichment(target, "Acme, 120 employees", payload));

        assertThat(chatter.timeline(target, 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ChatterKind.ENRICHMENT);
            assertThat(e.text()).isEqualTo("Acme, 120 employees");
            assertThat(e.payload()).isEqualTo(payload);
            assertThat(e.args()).isEmpty();
        });
    }

    @Test
    void timelinesOfDifferentRecordsAreSeparate() {
        ChatterTarget one = newTarget();
        ChatterTarget two = newTarget();
        ChatterTarget sameIdOtherType = new ChatterTarget("OTHER", one.id());

        tx.executeWithoutResult(s -> {
            chatter.addNote(one, "for one");
            chatter.addNote(two, "for two");
        });

        assertThat(chatter.timeline(one, 0, 10)).extracting(ChatterItem::text).containsExactly("for one");
        assertThat(chatter.timeline(two, 0, 10)).extracting(ChatterItem::text).containsExactly("for two");
        assertThat(chatter.timeline(sameIdOtherType, 0, 10)).isEmpty();
    }

    @Test
    void writesOnlyJoinTheCallersTransaction() {
        ChatterTarget target = newTarget();

        assertThatThrownBy(() -> chatter.addNote(target, "outside any transaction"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> chatter.recordEvent(target, "lead.event.created"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(chatter.timeline(target, 0, 10)).isEmpty();
    }

    @Test
    void eventIsRolledBackWithTheChangeItDescribes() {
        ChatterTarget target = newTarget();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            chatter.recordEvent(target, "lead.event.archived");
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(chatter.timeline(target, 0, 10)).isEmpty();
    }
}
