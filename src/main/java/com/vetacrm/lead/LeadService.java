package com.vetacrm.lead;

import com.vetacrm.admin.StageService;
import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ChatterService;
import com.vetacrm.chatter.ChatterTarget;
import com.vetacrm.database.SequenceIds;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.shared.WebAddresses;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads and opportunities: the one entry point views (and later mining) use to read and change them.
 * <p>
 * Access (DESIGN §1): every method works inside the caller's {@link LeadScope}. A salesperson reads
 * and changes only the leads of their own teams; another team's lead is "not found", whatever id
 * they try. Every change writes its chatter event in the same transaction, so the timeline never
 * tells something that did not happen. Every input is checked again here with {@link LeadRules},
 * whatever the form already checked.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
public class LeadService {

    /** The chatter's name for a lead's timeline. */
    public static final String CHATTER_TYPE = "LEAD";
    /** Most records one bulk action may change: a confirmation dialog, not a migration tool. */
    public static final int MAX_BULK = 5_000;
    public static final int MAX_LOST_REASON = 255;

    private final LeadRepository leads;
    private final LeadQueries queries;
    private final StageService stages;
    private final TeamService teams;
    private final TagService tags;
    private final UserService users;
    private final ChatterService chatter;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final SettingsService settings;
    private final AuditService audit;
    private final Clock clock = Clock.systemUTC();

    LeadService(LeadRepository leads, LeadQueries queries, StageService stages, TeamService teams, TagService tags,
            UserService users, ChatterService chatter, CurrentUser currentUser, JdbcTemplate jdbc,
            SettingsService settings, AuditService audit) {
        this.audit = audit;
        this.leads = leads;
        this.queries = queries;
        this.stages = stages;
        this.teams = teams;
        this.tags = tags;
        this.users = users;
        this.chatter = chatter;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- reading

    /** One page of the leads grid, sorted in SQL. No total is counted: the grid scrolls on demand. */
    public List<LeadRow> findLeads(LeadQuery query, Pageable page) {
        return queries.rows(query, scope(), page);
    }

    /** The pipeline's column headers: every stage in order, with the count and revenue matching the filters. */
    public List<PipelineColumn> pipelineColumns(LeadQuery query) {
        Map<Long, LeadQueries.PipelineColumnCount> counts = queries.columnCounts(query, scope(), null).stream()
                .collect(Collectors.toMap(LeadQueries.PipelineColumnCount::stageId, Function.identity()));
        return stageList().stream().map(s -> {
            LeadQueries.PipelineColumnCount c = counts.get(s.id());
            return c == null ? new PipelineColumn(s, 0, BigDecimal.ZERO) : new PipelineColumn(s, c.count(), c.revenue());
        }).toList();
    }

    /** The header of one column only: after a card moved, just the two columns involved are refreshed. */
    public PipelineColumn pipelineColumn(LeadQuery query, long stageId) {
        return pipelineColumn(query, stageId, List.of());
    }

    /** A page of a column's cards, highest priority and newest first. */
    public List<LeadCard> pipelineCards(LeadQuery query, long stageId, int offset, int limit) {
        return queries.cards(query, scope(), stageId, offset, limit);
    }

    /**
     * A page of a column's cards without the leads {@code excluding} names — the cards the board shows pinned
     * on top of the column (dropped or quick-created there), so that they do not come a second time. At most
     * 100 ids are taken into account.
     */
    public List<LeadCard> pipelineCards(LeadQuery query, long stageId, int offset, int limit,
            Collection<Long> excluding) {
        return queries.cards(query, scope(), stageId, offset, limit, firstIds(excluding));
    }

    /** The header figures of one column without the leads {@code excluding} names (at most 100 ids). */
    public PipelineColumn pipelineColumn(LeadQuery query, long stageId, Collection<Long> excluding) {
        StageSummary stage = stage(stageId);
        return queries.columnCounts(query, scope(), stageId, firstIds(excluding)).stream().findFirst()
                .map(c -> new PipelineColumn(stage, c.count(), c.revenue()))
                .orElse(new PipelineColumn(stage, 0, BigDecimal.ZERO));
    }

    private static List<Long> firstIds(Collection<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().limit(100).toList();
    }

    /** One card, e.g. to redraw it after a change; empty when the caller may not see it (any more). */
    public Optional<LeadCard> findCard(long id) {
        return leads.findById(id).filter(l -> l.isActive() && scope().covers(l.getTeamId())).map(l -> {
            List<TagSummary> t = queries.tagsOf(List.of(id)).getOrDefault(id, List.of());
            String salesperson = l.getSalespersonId() == null ? null
                    : users.findUser(l.getSalespersonId()).map(UserSummary::displayName).orElse(null);
            return new LeadCard(id, l.getType(), l.getName(), l.getPartnerName(), l.getExpectedRevenue(),
                    l.getPriority(), l.getSalespersonId(), salesperson, l.getStageId(), t);
        });
    }

    public LeadDetails get(long id) {
        return details(visible(id));
    }

    /** A page of the lead's timeline, newest first. */
    public List<ChatterItem> timeline(long leadId, int offset, int limit) {
        visible(leadId);
        return chatter.timeline(target(leadId), offset, limit);
    }

    /**
     * Writes every record matching the filters as CSV (UTF-8 with a byte-order mark so spreadsheet
     * programs read accents right, a header row, RFC 4180 quoting), streaming from the database so
     * memory does not grow with the number of rows.
     */
    public void exportCsv(LeadQuery query, Writer out) {
        try {
            out.write('\uFEFF');
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("id", "type", "name", "company", "contact", "email",
                    "phone", "country", "salesperson", "team", "stage", "tags", "expected_revenue", "created_at",
                    "status").get().print(out);
            queries.streamRows(query, scope(), Sort.unsorted(), row -> {
                try {
                    csv.printRecord(row.id(), row.type(), cell(row.name()), cell(row.partnerName()),
                            cell(row.contactName()), cell(row.email()), row.phone(), row.countryCode(),
                            cell(row.salespersonName()), cell(row.teamName()), cell(row.stageName()),
                            cell(row.tags().stream().map(TagSummary::name).collect(Collectors.joining(", "))),
                            row.expectedRevenue(), row.createdAt(), row.active() ? "ACTIVE" : query.status().name());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell that a spreadsheet will not run as a formula: names come from users, imports and
     * mining, and "=HYPERLINK(...)" in a company name must stay text (OWASP CSV injection).
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    // ---------------------------------------------------------------- creating and editing

    @Transactional
    public LeadDetails create(LeadDraft draft) {
        LeadScope scope = scope();
        if (draft.getStageId() == null) {
            draft.setStageId(firstStage().id());
        }
        Lead lead = new Lead(draft.getType() == null ? LeadType.LEAD : draft.getType(), draft.getName(),
                draft.getStageId());
        if (draft.getTeamId() == null) {
            draft.setTeamId(defaultTeam(scope, null));
        }
        if (draft.getSalespersonId() == null) {
            draft.setSalespersonId(scope.userId());
        }
        apply(lead, draft, scope);
        if (stage(lead.getStageId()).won()) {
            // created straight into a won stage (a quick-create in the Won column): a won deal
            lead.setWonAt(clock.instant());
            lead.setProbability(BigDecimal.valueOf(100));
        }
        lead.touch(scope.userId(), clock.instant());
        leads.save(lead);
        chatter.recordEvent(target(lead.getId()), "lead.event.created", stage(lead.getStageId()).name());
        return details(lead);
    }

    /**
     * A card typed into a pipeline column: name, company and expected revenue; the rest defaults. With the
     * Leads setting off the installation works with opportunities only, so the card is an opportunity.
     */
    @Transactional
    public LeadCard quickCreate(QuickLead quick) {
        LeadDraft draft = new LeadDraft();
        if (!settings.current().leadsEnabled()) {
            draft.setType(LeadType.OPPORTUNITY);
        }
        draft.setName(quick.name());
        draft.setPartnerName(quick.partnerName());
        draft.setExpectedRevenue(quick.expectedRevenue() == null ? BigDecimal.ZERO : quick.expectedRevenue());
        draft.setStageId(quick.stageId());
        draft.setTeamId(defaultTeam(scope(), quick.teamId()));
        long id = create(draft).id();
        return findCard(id).orElseThrow();
    }

    /**
     * Creates the records of a lead-mining request (DESIGN §5.6) in the caller's transaction: one lead or
     * opportunity per company in the first stage, all its delivered contacts, the request's tags, team and
     * salesperson, and its enrichment card in the chatter. Written in JDBC batches (a request is up to 200
     * companies and 1,000 contacts), so mining costs little more than the rows it writes. Returns the new ids
     * in the order of the companies. A company already carried by a lead violates the unique directory ref
     * and fails the whole batch: mining never delivers a company twice.
     */
    @Transactional
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Long> createMined(MinedLeads batch) {
        LeadScope scope = scope();
        long stageId = checkMined(batch, scope);
        if (batch.leads().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        int n = batch.leads().size();
        int contactCount = batch.leads().stream().mapToInt(l -> l.company().contacts().size()).sum();
        // the ids of all three kinds of rows in one round trip
        Map<String, long[]> reserved = SequenceIds.reserve(jdbc, Map.of(
                LeadRows.LEAD_SEQUENCE, n, LeadRows.CONTACT_SEQUENCE, contactCount, LeadRows.CHATTER_SEQUENCE, n));
        long[] ids = reserved.get(LeadRows.LEAD_SEQUENCE);
        List<LeadRows.NewLead> rows = new ArrayList<>(n);
        List<LeadRows.NewContact> contacts = new ArrayList<>();
        List<LeadRows.NewTag> tagRows = new ArrayList<>();
        List<LeadRows.NewEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MinedLeads.MinedLead mined = batch.leads().get(i);
            rows.add(MinedLeadRows.lead(ids[i], mined.company(), batch, stageId, scope.userId(), now));
            int position = 0;
            for (SourceContact c : mined.company().contacts()) {
                contacts.add(MinedLeadRows.contact(ids[i], position++, c));
            }
            for (Long tagId : batch.tagIds()) {
                tagRows.add(new LeadRows.NewTag(ids[i], tagId));
            }
            entries.add(new LeadRows.NewEntry(ids[i], scope.userId(), "ENRICHMENT", mined.enrichmentSummary(),
                    mined.enrichmentJson(), now));
        }
        LeadRows.insertLeads(jdbc, rows);
        LeadRows.insertContacts(jdbc, contacts, reserved.get(LeadRows.CONTACT_SEQUENCE));
        LeadRows.insertTags(jdbc, tagRows);
        LeadRows.insertEntries(jdbc, entries, reserved.get(LeadRows.CHATTER_SEQUENCE));
        return Arrays.stream(ids).boxed().toList();
    }

    /**
     * The checks of {@link #createMined} in one round trip (a mining job runs them once per request): the team
     * exists, is active and is the caller's; the salesperson, if any, exists, is active and, when a salesperson
     * by role, is a member or the leader of that (active) team; every tag exists. The same rules and messages as
     * {@code assignableTeam}, {@code activeUser}, {@code checkAssignee} and {@code tag}, checked in that order.
     * Returns the first stage ({@code firstStage}: the first not won one, else the first), or -1 if there is
     * none; refused with {@code lead.error.noStage} only when there are records to create.
     */
    private long checkMined(MinedLeads batch, LeadScope scope) {
        Long sp = batch.salespersonId();
        List<Long> tagIds = List.copyOf(batch.tagIds());
        String tagCount = tagIds.isEmpty() ? "0"
                : "(SELECT COUNT(*) FROM tag WHERE id IN (" + String.join(", ", Collections.nCopies(tagIds.size(), "?")) + "))";
        long user = sp == null ? -1L : sp;
        List<Object> args = new ArrayList<>(List.of(batch.teamId(), batch.teamId(), user, user));  // in the text's order
        args.addAll(tagIds);
        args.add(user);
        return jdbc.query("""
                SELECT (SELECT t.active FROM sales_team t WHERE t.id = ?) AS team_active,
                       u.active AS sp_active, u.role AS sp_role, u.display_name AS sp_name,
                       EXISTS (SELECT 1 FROM sales_team t WHERE t.id = ? AND t.active AND (t.leader_id = ?
                               OR EXISTS (SELECT 1 FROM sales_team_member m WHERE m.team_id = t.id AND m.user_id = ?)))
                           AS sp_in_team,
                       %s AS tags_found,
                       (SELECT s.id FROM stage s ORDER BY s.is_won, s.sequence, s.id LIMIT 1) AS first_stage
                FROM (SELECT 1) one LEFT JOIN app_user u ON u.id = ?""".formatted(tagCount),
                rs -> {
                    rs.next();
                    boolean teamActive = rs.getBoolean("team_active");
                    if (rs.wasNull() || !teamActive || !scope.covers(batch.teamId())) {
                        throw new BusinessRuleException("lead.error.teamNotFound");
                    }
                    if (sp != null) {
                        boolean spActive = rs.getBoolean("sp_active");
                        if (rs.wasNull() || !spActive) {
                            throw new BusinessRuleException("lead.error.salespersonNotFound");
                        }
                        if (Role.valueOf(rs.getString("sp_role")) == Role.SALESPERSON && !rs.getBoolean("sp_in_team")) {
                            throw new BusinessRuleException("lead.error.salespersonNotInTeam", rs.getString("sp_name"));
                        }
                    }
                    if (rs.getLong("tags_found") != tagIds.size()) {
                        throw new BusinessRuleException("lead.error.tagNotFound");
                    }
                    long stage = rs.getLong("first_stage");
                    boolean none = rs.wasNull();
                    if (none && !batch.leads().isEmpty()) {
                        throw new BusinessRuleException("lead.error.noStage");
                    }
                    return none ? -1L : stage;
                }, args.toArray());
    }

    /**
     * Saves the form. Refused with {@link ObjectOptimisticLockingFailureException} when someone else
     * saved the lead since {@code draft.getVersion()}: the caller keeps the user's input and asks them to reload.
     */
    @Transactional
    public LeadDetails update(long id, LeadDraft draft) {
        LeadScope scope = scope();
        Lead lead = visible(id, scope);
        if (lead.getVersion() != draft.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Lead.class, id);
        }
        long oldStage = lead.getStageId();
        Long oldSalesperson = lead.getSalespersonId();
        Long oldTeam = lead.getTeamId();
        LeadType oldType = lead.getType();
        if (draft.getStageId() == null) {
            draft.setStageId(oldStage);
        }
        lead.setType(draft.getType() == null ? oldType : draft.getType());
        lead.setStageId(draft.getStageId());
        apply(lead, draft, scope);
        if (oldStage != lead.getStageId()) {
            stageChanged(lead, oldStage, scope);
        }
        if (!Objects.equals(oldSalesperson, lead.getSalespersonId())) {
            assigned(List.of(lead));
        }
        if (!Objects.equals(oldTeam, lead.getTeamId()) && lead.getTeamId() != null) {
            chatter.recordEvent(target(id), "lead.event.teamChanged", team(lead.getTeamId()).name());
        }
        if (oldType == LeadType.LEAD && lead.getType() == LeadType.OPPORTUNITY) {
            chatter.recordEvent(target(id), "lead.event.converted");
        }
        lead.touch(scope.userId(), clock.instant());
        leads.flush();
        return details(lead);
    }

    /** A card dropped in another column. Moving into a won stage wins the deal; out of it, reopens it. */
    @Transactional
    public void moveToStage(long id, long stageId) {
        LeadScope scope = scope();
        Lead lead = visible(id, scope);
        if (!lead.isActive()) {
            throw new BusinessRuleException("lead.error.inactive");
        }
        stage(stageId);
        long oldStage = lead.getStageId();
        if (oldStage == stageId) {
            return;
        }
        lead.setStageId(stageId);
        stageChanged(lead, oldStage, scope);
        lead.touch(scope.userId(), clock.instant());
    }

    @Transactional
    public void setPriority(long id, int priority) {
        LeadRules.checkPriority(priority).ifPresent(LeadService::refuse);
        Lead lead = visible(id);
        lead.setPriority(priority);
        lead.touch(scope().userId(), clock.instant());
    }

    @Transactional
    public void convertToOpportunity(long id) {
        Lead lead = visible(id);
        if (lead.getType() == LeadType.OPPORTUNITY) {
            return;
        }
        lead.setType(LeadType.OPPORTUNITY);
        lead.touch(scope().userId(), clock.instant());
        chatter.recordEvent(target(id), "lead.event.converted");
    }

    /** Moves the lead to the (first) won stage: probability 100 %, won date set. */
    @Transactional
    public void markWon(long id) {
        LeadScope scope = scope();
        Lead lead = visible(id, scope);
        if (!lead.isActive()) {
            throw new BusinessRuleException("lead.error.inactive");
        }
        StageSummary won = stageList().stream().filter(StageSummary::won).findFirst()
                .orElseThrow(() -> new BusinessRuleException("lead.error.noWonStage"));
        long oldStage = lead.getStageId();
        if (oldStage != won.id()) {
            lead.setStageId(won.id());
            stageChanged(lead, oldStage, scope);
        } else if (lead.getWonAt() == null) {
            lead.setWonAt(clock.instant());
            lead.setProbability(BigDecimal.valueOf(100));
        }
        lead.setType(LeadType.OPPORTUNITY);
        lead.touch(scope.userId(), clock.instant());
        chatter.recordEvent(target(id), "lead.event.won");
    }

    /** Takes the lead out of the pipeline as lost, with the reason the user gave. */
    @Transactional
    public void markLost(long id, String reason) {
        String why = lostReason(reason);
        Lead lead = visible(id);
        if (!lead.isActive() && lead.getLostAt() != null) {
            return;
        }
        lead.markLost(why, clock.instant());
        lead.touch(scope().userId(), clock.instant());
        chatter.recordEvent(target(id), "lead.event.lost", why);
    }

    @Transactional
    public void archive(long id) {
        Lead lead = visible(id);
        if (!lead.isActive()) {
            return;
        }
        lead.archive();
        lead.touch(scope().userId(), clock.instant());
        chatter.recordEvent(target(id), "lead.event.archived");
    }

    /** Brings a lost or archived record back into the pipeline, in the stage it was in. */
    @Transactional
    public void restore(long id) {
        Lead lead = visible(id);
        if (lead.isActive()) {
            return;
        }
        lead.restore();
        lead.touch(scope().userId(), clock.instant());
        chatter.recordEvent(target(id), "lead.event.restored");
    }

    @Transactional
    public void logNote(long leadId, String text) {
        visible(leadId);
        chatter.addNote(target(leadId), text);
    }

    // ---------------------------------------------------------------- contacts

    @Transactional
    public LeadContactRow addContact(long leadId, ContactDraft draft) {
        Lead lead = visible(leadId);
        String phone = checkContact(draft, lead.getCountryCode());
        int position = lead.getContacts().stream().mapToInt(LeadContact::getPosition).max().orElse(-1) + 1;
        LeadContact contact = new LeadContact(lead, position);
        contact.apply(draft, phone);
        lead.getContacts().add(contact);
        lead.touch(scope().userId(), clock.instant());
        leads.flush();
        return contact.toRow();
    }

    @Transactional
    public LeadContactRow updateContact(long leadId, long contactId, ContactDraft draft) {
        Lead lead = visible(leadId);
        LeadContact contact = contact(lead, contactId);
        if (contact.getVersion() != draft.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(LeadContact.class, contactId);
        }
        contact.apply(draft, checkContact(draft, lead.getCountryCode()));
        lead.touch(scope().userId(), clock.instant());
        leads.flush();
        return contact.toRow();
    }

    @Transactional
    public void removeContact(long leadId, long contactId) {
        Lead lead = visible(leadId);
        lead.getContacts().remove(contact(lead, contactId));
        lead.touch(scope().userId(), clock.instant());
    }

    // ---------------------------------------------------------------- bulk actions

    /**
     * Applies one action to every selected record the caller may change, in one transaction: all of
     * them change or none does. Returns how many records were changed.
     */
    @Transactional
    public int bulk(Collection<Long> ids, BulkAction action) {
        Objects.requireNonNull(action);
        Set<Long> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            return 0;
        }
        if (unique.size() > MAX_BULK) {
            throw new BusinessRuleException("lead.error.bulkTooMany", MAX_BULK);
        }
        LeadScope scope = scope();
        List<Lead> selected = leads.findAllByIdIn(unique).stream().filter(l -> scope.covers(l.getTeamId())).toList();
        if (selected.size() != unique.size()) {
            // a record was removed or is out of the caller's reach: refuse the whole action rather than half of it
            throw new BusinessRuleException("lead.error.bulkNotFound");
        }
        Instant now = clock.instant();
        List<Lead> changed = new ArrayList<>();
        switch (action) {
            case BulkAction.AssignSalesperson a -> {
                UserSummary user = activeUser(a.userId());
                selected.forEach(l -> checkAssignee(user, l.getTeamId()));
                selected.stream().filter(l -> !Objects.equals(l.getSalespersonId(), a.userId())).forEach(l -> {
                    l.setSalespersonId(a.userId());
                    changed.add(l);
                });
                assigned(changed);
            }
            case BulkAction.AssignTeam a -> {
                TeamSummary team = assignableTeam(a.teamId(), scope);
                selected.stream().filter(l -> !Objects.equals(l.getTeamId(), a.teamId())).forEach(l -> {
                    l.setTeamId(a.teamId());
                    changed.add(l);
                });
                chatter.recordEvents(targets(changed), "lead.event.teamChanged", team.name());
            }
            case BulkAction.AddTag a -> {
                String name = tag(a.tagId()).name();
                selected.stream().filter(l -> l.getTagIds().add(a.tagId())).forEach(changed::add);
                chatter.recordEvents(targets(changed), "lead.event.tagAdded", name);
            }
            case BulkAction.RemoveTag a -> {
                String name = tag(a.tagId()).name();
                selected.stream().filter(l -> l.getTagIds().remove(a.tagId())).forEach(changed::add);
                chatter.recordEvents(targets(changed), "lead.event.tagRemoved", name);
            }
            case BulkAction.ConvertToOpportunity a -> {
                selected.stream().filter(l -> l.getType() == LeadType.LEAD).forEach(l -> {
                    l.setType(LeadType.OPPORTUNITY);
                    changed.add(l);
                });
                chatter.recordEvents(targets(changed), "lead.event.converted");
            }
            case BulkAction.MarkLost a -> {
                String why = lostReason(a.reason());
                selected.stream().filter(Lead::isActive).forEach(l -> {
                    l.markLost(why, now);
                    changed.add(l);
                });
                chatter.recordEvents(targets(changed), "lead.event.lost", why);
            }
            case BulkAction.Archive a -> {
                selected.stream().filter(Lead::isActive).forEach(l -> {
                    l.archive();
                    changed.add(l);
                });
                chatter.recordEvents(targets(changed), "lead.event.archived");
            }
        }
        changed.forEach(l -> l.touch(scope.userId(), now));
        return changed.size();
    }

    // ---------------------------------------------------------------- GDPR

    /** What stands in a note where an erased e-mail address was. */
    public static final String ERASED = "[erased]";
    /** The suppression list's reason for addresses erased on a lead. */
    public static final String ERASURE_REASON = "GDPR erasure";

    /**
     * Erases the personal data of a lead (GDPR): its contacts (the {@code lead_contact} rows), the person on the
     * lead itself (contact name, job title, e-mail, phone; the company's data stays), the contacts inside its
     * enrichment cards, and every erased e-mail typed into its notes. The SHA-256 of each erased e-mail goes to
     * the suppression list, so lead mining never delivers those people again, and the chatter records who erased
     * how many contacts, without any of the data. Returns the number of contacts erased.
     */
    @Transactional
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public int eraseContactData(long leadId) {
        LeadScope scope = scope();
        Lead lead = visible(leadId, scope);
        ChatterTarget target = target(leadId);
        Set<String> emails = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        for (LeadContact c : lead.getContacts()) {
            LeadContactRow row = c.toRow();
            addEmail(emails, row.email());
            people.add(row.email() != null ? Suppression.EMAIL.normalise(row.email()) : "#" + row.id());
        }
        if (lead.getEmail() != null || lead.getContactName() != null || lead.getPhone() != null
                || lead.getJobTitle() != null) {
            addEmail(emails, lead.getEmail());
            // the lead's own person is usually its first contact (mined leads); count them once
            people.add(lead.getEmail() != null ? Suppression.EMAIL.normalise(lead.getEmail()) : "#lead");
        }
        List<String> fromCards = new ArrayList<>();
        chatter.rewriteEnrichments(target, payload -> {
            fromCards.addAll(PersonalDataEraser.contactEmails(payload));
            return payload;
        });
        fromCards.forEach(e -> {
            addEmail(emails, e);
            people.add(Suppression.EMAIL.normalise(e));
        });

        lead.getContacts().clear();
        lead.erasePerson();
        if (lead.getDescription() != null) {
            lead.setDescription(redact(lead.getDescription(), emails));
        }
        chatter.rewriteEnrichments(target, payload -> PersonalDataEraser.erase(payload, emails));
        chatter.redactNotes(target, emails, ERASED);
        Instant now = clock.instant();
        for (String email : emails) {
            jdbc.update("INSERT IGNORE INTO suppression (kind, value_hash, reason, created_at, created_by)"
                    + " VALUES ('EMAIL', ?, ?, ?, ?)", Suppression.EMAIL.hash(email), ERASURE_REASON,
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC)),
                    scope.userId());
        }
        int erased = people.size();
        lead.touch(scope.userId(), now);
        chatter.recordEvent(target, "lead.event.contactDataErased", scope.userName(), String.valueOf(erased));
        audit.record(AuditAction.CONTACT_DATA_ERASED, "lead", leadId, erased + " contacts, " + emails.size()
                + " e-mail addresses added to the suppression list");
        return erased;
    }

    private static void addEmail(Set<String> emails, String email) {
        if (email != null && !email.isBlank()) {
            emails.add(Suppression.EMAIL.normalise(email));
        }
    }

    private static String redact(String text, Set<String> emails) {
        String result = text;
        for (String email : emails) {
            result = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(email),
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(result).replaceAll(ERASED);
        }
        return result;
    }

    // ---------------------------------------------------------------- internals

    /** The caller's reach, worked out once per call. */
    LeadScope scope() {
        VetaPrincipal me = currentUser.require();
        boolean all = me.role() == Role.SALES_MANAGER || me.role() == Role.ADMIN;
        return new LeadScope(me.id(), me.displayName(), all, all ? List.of() : teams.teamIdsOf(me.id()));
    }

    private Lead visible(long id) {
        return visible(id, scope());
    }

    private Lead visible(long id, LeadScope scope) {
        return leads.findById(id).filter(l -> scope.covers(l.getTeamId()))
                .orElseThrow(() -> new BusinessRuleException("lead.error.notFound", id));
    }

    /** Checks every field of the draft and copies it onto the lead; nothing is written if one is wrong. */
    private void apply(Lead lead, LeadDraft d, LeadScope scope) {
        String country = LeadRules.blankToNull(d.getCountryCode());
        Optional<String> problem = LeadRules.checkName(d.getName())
                .or(() -> LeadRules.checkLength(d.getPartnerName(), 255))
                .or(() -> LeadRules.checkLength(d.getContactName(), 255))
                .or(() -> LeadRules.checkLength(d.getJobTitle(), 255))
                .or(() -> LeadRules.checkLength(d.getStreet(), 255))
                .or(() -> LeadRules.checkLength(d.getCity(), 120))
                .or(() -> LeadRules.checkLength(d.getZip(), 20))
                .or(() -> LeadRules.checkLength(d.getDescription(), 20_000))
                .or(() -> LeadRules.checkEmail(d.getEmail()))
                .or(() -> LeadRules.checkCountry(country))
                .or(() -> LeadRules.checkState(d.getStateCode(), country))
                .or(() -> LeadRules.checkPhone(d.getPhone(), country))
                .or(() -> LeadRules.checkWebsite(d.getWebsite()))
                .or(() -> LeadRules.checkRevenue(d.getExpectedRevenue()))
                .or(() -> LeadRules.checkProbability(d.getProbability()))
                .or(() -> LeadRules.checkPriority(d.getPriority()));
        problem.ifPresent(LeadService::refuse);
        stage(d.getStageId());
        if (d.getTeamId() != null) {
            assignableTeam(d.getTeamId(), scope);
        } else if (!scope.allTeams()) {
            // a salesperson's record without a team would vanish from their own view
            throw new BusinessRuleException("lead.error.teamRequired");
        }
        if (d.getSalespersonId() != null && (!Objects.equals(d.getSalespersonId(), lead.getSalespersonId())
                || !Objects.equals(d.getTeamId(), lead.getTeamId()))) {
            checkAssignee(activeUser(d.getSalespersonId()), d.getTeamId());
        }
        Set<Long> known = tags.findAll().stream().map(TagSummary::id).collect(Collectors.toSet());
        if (!known.containsAll(d.getTagIds())) {
            throw new BusinessRuleException("lead.error.tagNotFound");
        }

        lead.setName(d.getName().strip());
        lead.setPartnerName(LeadRules.blankToNull(d.getPartnerName()));
        lead.setContactName(LeadRules.blankToNull(d.getContactName()));
        lead.setJobTitle(LeadRules.blankToNull(d.getJobTitle()));
        String email = LeadRules.blankToNull(d.getEmail());
        lead.setEmail(email, email == null ? null : WebAddresses.emailDomain(email).orElse(null));
        lead.setPhone(LeadRules.isBlank(d.getPhone()) ? null : PhoneNumbers.toE164(d.getPhone(), country).orElseThrow());
        String website = LeadRules.isBlank(d.getWebsite()) ? null : WebAddresses.normaliseWebsite(d.getWebsite()).orElseThrow();
        lead.setWebsite(website, website == null ? null : WebAddresses.websiteDomain(website).orElse(null));
        lead.setStreet(LeadRules.blankToNull(d.getStreet()));
        lead.setCity(LeadRules.blankToNull(d.getCity()));
        lead.setZip(LeadRules.blankToNull(d.getZip()));
        lead.setCountryCode(country);
        lead.setStateCode(LeadRules.blankToNull(d.getStateCode()));
        lead.setTeamId(d.getTeamId());
        lead.setSalespersonId(d.getSalespersonId());
        lead.setPriority(d.getPriority());
        lead.setExpectedRevenue(d.getExpectedRevenue() == null ? BigDecimal.ZERO
                : d.getExpectedRevenue().setScale(2, RoundingMode.HALF_UP));
        lead.setProbability(d.getProbability() == null ? BigDecimal.ZERO
                : d.getProbability().setScale(2, RoundingMode.HALF_UP));
        lead.setDescription(LeadRules.blankToNull(d.getDescription()));
        lead.getTagIds().retainAll(d.getTagIds());
        lead.getTagIds().addAll(d.getTagIds());
    }

    private String checkContact(ContactDraft d, String country) {
        LeadRules.checkContactName(d.getFullName())
                .or(() -> LeadRules.checkLength(d.getJobTitle(), 255))
                .or(() -> LeadRules.checkLength(d.getRole(), 40))
                .or(() -> LeadRules.checkLength(d.getSeniority(), 20))
                .or(() -> LeadRules.checkEmail(d.getEmail()))
                .or(() -> LeadRules.checkPhone(d.getPhone(), country))
                .ifPresent(LeadService::refuse);
        return LeadRules.isBlank(d.getPhone()) ? null : PhoneNumbers.toE164(d.getPhone(), country).orElseThrow();
    }

    private static void refuse(String messageKey) {
        throw new BusinessRuleException(messageKey);
    }

    private static String lostReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("lead.error.lostReasonRequired");
        }
        if (reason.strip().length() > MAX_LOST_REASON) {
            throw new BusinessRuleException("lead.error.tooLong");
        }
        return reason.strip();
    }

    private void stageChanged(Lead lead, long oldStageId, LeadScope scope) {
        // both stages from one read of the (short) stage list: a drag is the board's most frequent write
        List<StageSummary> all = stageList();
        StageSummary to = stageIn(all, lead.getStageId());
        StageSummary from = stageIn(all, oldStageId);
        if (to.won()) {
            lead.setWonAt(clock.instant());
            lead.setProbability(BigDecimal.valueOf(100));
        } else if (lead.getWonAt() != null) {
            lead.setWonAt(null);
        }
        chatter.recordEvent(target(lead.getId()), "lead.event.stageChanged", from.name(), to.name(),
                scope.userName());
    }

    private void assigned(List<Lead> changed) {
        Map<Long, List<Lead>> bySalesperson = changed.stream().filter(l -> l.getSalespersonId() != null)
                .collect(Collectors.groupingBy(Lead::getSalespersonId));
        bySalesperson.forEach((userId, list) -> chatter.recordEvents(targets(list), "lead.event.assigned",
                users.findUser(userId).map(UserSummary::displayName).orElse("?")));
        List<Lead> unassigned = changed.stream().filter(l -> l.getSalespersonId() == null).toList();
        if (!unassigned.isEmpty()) {
            chatter.recordEvents(targets(unassigned), "lead.event.unassigned");
        }
    }

    private List<StageSummary> stageList() {
        return stages.findAllInOrder();
    }

    private StageSummary firstStage() {
        return stageList().stream().filter(s -> !s.won()).findFirst()
                .or(() -> stageList().stream().findFirst())
                .orElseThrow(() -> new BusinessRuleException("lead.error.noStage"));
    }

    private StageSummary stage(Long id) {
        return stageIn(stageList(), id);
    }

    private static StageSummary stageIn(List<StageSummary> all, Long id) {
        return all.stream().filter(s -> id != null && s.id() == id).findFirst()
                .orElseThrow(() -> new BusinessRuleException("lead.error.stageNotFound"));
    }

    private TeamSummary team(long id) {
        return teams.findById(id).orElseThrow(() -> new BusinessRuleException("lead.error.teamNotFound"));
    }

    /** A team the caller may put records in: an active one, and for a salesperson one of their own. */
    private TeamSummary assignableTeam(long id, LeadScope scope) {
        TeamSummary team = team(id);
        if (!team.active() || !scope.covers(id)) {
            throw new BusinessRuleException("lead.error.teamNotFound");
        }
        return team;
    }

    /** The team a new record goes to: the one asked for, else the creator's first team. */
    private Long defaultTeam(LeadScope scope, Long requested) {
        if (requested != null) {
            return requested;
        }
        List<Long> mine = scope.allTeams() ? teams.teamIdsOf(scope.userId()) : scope.teamIds();
        if (mine.isEmpty() && !scope.allTeams()) {
            throw new BusinessRuleException("lead.error.teamRequired");
        }
        return mine.isEmpty() ? null : mine.getFirst();
    }

    private UserSummary activeUser(long id) {
        return users.findUser(id).filter(UserSummary::active)
                .orElseThrow(() -> new BusinessRuleException("lead.error.salespersonNotFound"));
    }

    /**
     * A salesperson only sees their own teams' leads, so a lead assigned to them must be in one of
     * them; otherwise they would own a lead they cannot open. Managers and admins see every team.
     */
    private void checkAssignee(UserSummary user, Long teamId) {
        if (user.role() == Role.SALESPERSON && (teamId == null || !teams.teamIdsOf(user.id()).contains(teamId))) {
            throw new BusinessRuleException("lead.error.salespersonNotInTeam", user.displayName());
        }
    }

    private TagSummary tag(long id) {
        return tags.findAll().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new BusinessRuleException("lead.error.tagNotFound"));
    }

    private static LeadContact contact(Lead lead, long contactId) {
        return lead.getContacts().stream().filter(c -> c.getId() == contactId).findFirst()
                .orElseThrow(() -> new BusinessRuleException("lead.error.contactNotFound"));
    }

    private static ChatterTarget target(long leadId) {
        return new ChatterTarget(CHATTER_TYPE, leadId);
    }

    private static List<ChatterTarget> targets(List<Lead> list) {
        return list.stream().map(l -> target(l.getId())).toList();
    }

    private LeadDetails details(Lead l) {
        LeadDraft d = new LeadDraft();
        d.setType(l.getType());
        d.setName(l.getName());
        d.setPartnerName(l.getPartnerName());
        d.setContactName(l.getContactName());
        d.setJobTitle(l.getJobTitle());
        d.setEmail(l.getEmail());
        d.setPhone(l.getPhone());
        d.setWebsite(l.getWebsite());
        d.setStreet(l.getStreet());
        d.setCity(l.getCity());
        d.setZip(l.getZip());
        d.setCountryCode(l.getCountryCode());
        d.setStateCode(l.getStateCode());
        d.setStageId(l.getStageId());
        d.setTeamId(l.getTeamId());
        d.setSalespersonId(l.getSalespersonId());
        d.setPriority(l.getPriority());
        d.setExpectedRevenue(l.getExpectedRevenue());
        d.setProbability(l.getProbability());
        d.setDescription(l.getDescription());
        d.setTagIds(l.getTagIds());
        d.setVersion(l.getVersion());
        String createdBy = l.getCreatedBy() == null ? null
                : users.findUser(l.getCreatedBy()).map(UserSummary::displayName).orElse(null);
        return new LeadDetails(l.getId(), d, l.isActive(), l.isActive() && stage(l.getStageId()).won(), l.getLostReason(),
                l.getWonAt(), l.getLostAt(), l.getMiningRequestId(), l.getCreatedAt(), createdBy, l.getUpdatedAt(),
                l.getContacts().stream().map(LeadContact::toRow).toList());
    }
}
