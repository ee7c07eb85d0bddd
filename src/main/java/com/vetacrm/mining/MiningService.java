package com.vetacrm.mining;

import com.vetacrm.admin.TagService;
import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.credits.CreditBalance;
import com.vetacrm.credits.CreditHold;
import com.vetacrm.credits.CreditService;
import com.vetacrm.credits.InsufficientCreditsException;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.lead.LeadType;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lead mining for sales managers and administrators (DESIGN §5): the dialog's defaults, estimate and free
 * preview; submitting a request (validated again here, numbered, credits held) whose job then runs in the
 * background; the requests list, retry and the results a requester has not been told about yet.
 * <p>
 * Submit is two steps in their own transactions: the request with its hold, committed before its job may
 * start; or, when the credits do not cover the maximum cost, a request recorded as ERROR/CREDITS with
 * nothing held. A number is only taken by a request that is stored (Odoo burnt one on every failure).
 */
@Service
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
public class MiningService {

    /** Longest idempotency key a client may send (a UUID is 36). */
    public static final int MAX_KEY_LENGTH = 64;

    private final MiningRequests requests;
    private final MiningJobs jobs;
    private final LeadSource source;
    private final CrmExclusions exclusions;
    private final CreditService credits;
    private final SettingsService settings;
    private final ReferenceDataService reference;
    private final TeamService teams;
    private final UserService users;
    private final TagService tags;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    MiningService(MiningRequests requests, MiningJobs jobs, LeadSource source, CrmExclusions exclusions,
            CreditService credits, SettingsService settings, ReferenceDataService reference, TeamService teams,
            UserService users, TagService tags, CurrentUser currentUser, AuditService audit,
            PlatformTransactionManager transactions) {
        this.audit = audit;
        this.requests = requests;
        this.jobs = jobs;
        this.source = source;
        this.exclusions = exclusions;
        this.credits = credits;
        this.settings = settings;
        this.reference = reference;
        this.teams = teams;
        this.users = users;
        this.tags = tags;
        this.currentUser = currentUser;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- the dialog

    /** Whether Generate Leads is offered at all (the Lead Mining setting). */
    public boolean enabled() {
        return settings.current().leadMiningEnabled();
    }

    /** Whether the dialog shows Type: with the Leads setting off every mined record is an opportunity. */
    public boolean leadsEnabled() {
        return settings.current().leadsEnabled();
    }

    /**
     * A new dialog's values (DESIGN §5.1): the installation's country, the caller as salesperson in their first
     * team (else the first active team), Lead or Opportunity by the Leads setting.
     */
    @Transactional(readOnly = true)
    public MiningForm newForm() {
        MiningSettings s = settings.current();
        VetaPrincipal me = currentUser.require();
        MiningForm f = new MiningForm();
        if (s.installationCountry() != null) {
            f.getCountries().add(s.installationCountry());
        }
        f.setLeadType(s.leadsEnabled() ? LeadType.LEAD : LeadType.OPPORTUNITY);
        f.setSalespersonId(me.id());
        List<Long> mine = teams.teamIdsOf(me.id());
        f.setTeamId(mine.isEmpty() ? teams.findActive().stream().map(TeamSummary::id).findFirst().orElse(null)
                : mine.getFirst());
        return f;
    }

    /** The credit estimate and the balance it is compared with. */
    public MiningEstimate estimate(MiningForm form) {
        return MiningEstimate.of(form);
    }

    public CreditBalance balance() {
        return credits.balance();
    }

    /**
     * The free preview (DESIGN §5.1, §5.9): matches after each filter step and how many are not in the CRM yet.
     * Refused like a submit when the filters themselves are wrong; nothing is charged or stored.
     */
    @Transactional(readOnly = true)
    public SourcePreview preview(MiningForm form) {
        settings.requireLeadMiningEnabled();
        MiningForm f = normalised(form);
        List<MiningProblem> problems = new ArrayList<>();
        MiningRules.check(f).stream().filter(p -> isFilter(p.field())).forEach(problems::add);
        checkReferences(f, problems);
        if (!problems.isEmpty()) {
            throw new MiningRejectedException(problems);
        }
        return source.preview(MiningCriteria.companiesOf(f), exclusions);
    }

    private static boolean isFilter(String field) {
        return Set.of(MiningProblem.COUNTRIES, MiningProblem.STATES, MiningProblem.INDUSTRIES, MiningProblem.SIZE_MIN,
                MiningProblem.SIZE_MAX).contains(field);
    }

    /** The problems the server finds with a form (all of them, for the fields), or none. */
    @Transactional(readOnly = true)
    public List<MiningProblem> problems(MiningForm form) {
        MiningForm f = normalised(form);
        List<MiningProblem> problems = new ArrayList<>(MiningRules.check(f));
        checkReferences(f, problems);
        checkAssignment(f, problems);
        return problems;
    }

    /**
     * Submits a request (DESIGN §5.4 step 1). Returns it QUEUED with its credits held, its job about to run; or,
     * when the available credits do not cover its maximum cost, stored as ERROR/CREDITS with nothing held.
     * The same idempotency key again returns the first request, whatever the form says.
     *
     * @throws MiningRejectedException every problem of the form; nothing is stored
     */
    public MiningRequestRow submit(MiningForm form, String idempotencyKey) {
        settings.requireLeadMiningEnabled();
        VetaPrincipal me = currentUser.require();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw new BusinessRuleException("mining.error.idempotencyKey", MAX_KEY_LENGTH);
        }
        if (key != null) {
            Optional<Long> existing = requests.idByIdempotencyKey(key);
            if (existing.isPresent()) {
                return row(existing.get());
            }
        }
        MiningForm f = normalised(form);
        List<MiningProblem> problems = problems(f);
        if (!problems.isEmpty()) {
            throw new MiningRejectedException(problems);
        }
        long maxCost = MiningEstimate.of(f).maxCost();
        long id;
        try {
            id = tx.execute(status -> {
                int number = requests.nextNumber();
                long requestId = requests.insert(number, MiningState.QUEUED, null, null, f, source.id(), me.id(), key,
                        null, clock.instant());
                CreditHold hold = credits.hold(maxCost, MiningRequestRow.number(number), requestId);
                requests.setHold(requestId, hold.id(), maxCost);
                audit.record(AuditAction.MINING_REQUEST_SUBMITTED, "mining-request", requestId,
                        MiningRequestRow.number(number) + ": " + f.getLeadNumber() + " " + f.getSearchType() + ", "
                        + f.getCountries() + ", held " + maxCost + " credits");
                return requestId;
            });
        } catch (InsufficientCreditsException e) {
            id = tx.execute(status -> {
                int number = requests.nextNumber();
                long requestId = requests.insert(number, MiningState.ERROR, MiningErrorType.CREDITS,
                        "available " + e.available() + ", required " + e.required(), f, source.id(), me.id(), key, null,
                        clock.instant());
                audit.record(AuditAction.MINING_REQUEST_SUBMITTED, "mining-request", requestId,
                        MiningRequestRow.number(number) + ": not enough credits (available " + e.available()
                        + ", required " + e.required() + ")");
                return requestId;
            });
            return row(id);
        } catch (DuplicateKeyException e) {
            // the same key submitted twice at once: the other submit stored it
            return row(requests.idByIdempotencyKey(key).orElseThrow(() -> e));
        }
        jobs.start(id);
        return row(id);
    }

    /**
     * Runs a request that ended in ERROR or NO_RESULT again, keeping its number and criteria: credits are held
     * again (or it stays ERROR/CREDITS) and its job is queued.
     */
    public MiningRequestRow retry(long id) {
        settings.requireLeadMiningEnabled();
        MiningRequests.Stored r = requests.find(id).orElseThrow(() -> new BusinessRuleException("mining.error.notFound"));
        if (!r.state().retryable()) {
            throw new BusinessRuleException("mining.error.notRetryable", r.number());
        }
        List<MiningProblem> problems = problems(r.form());
        if (!problems.isEmpty()) {
            throw new MiningRejectedException(problems);
        }
        long maxCost = MiningEstimate.of(r.form()).maxCost();
        boolean queued;
        try {
            queued = Boolean.TRUE.equals(tx.execute(status -> {
                if (!requests.lockRetryable(id)) {
                    return false;  // another retry got there first
                }
                int attempt = r.attempts() + 1;
                CreditHold hold = credits.hold(maxCost, r.number() + "/" + attempt, id);
                requests.requeue(id, hold.id(), maxCost, attempt);
                audit.record(AuditAction.MINING_REQUEST_RETRIED, "mining-request", id,
                        r.number() + " attempt " + attempt + ", held " + maxCost + " credits");
                return true;
            }));
        } catch (InsufficientCreditsException e) {
            tx.executeWithoutResult(status -> requests.finish(id, MiningState.ERROR, MiningErrorType.CREDITS,
                    "available " + e.available() + ", required " + e.required(), 0, 0, 0, clock.instant()));
            return row(id);
        }
        if (queued) {
            jobs.start(id);
        }
        return row(id);
    }

    // ---------------------------------------------------------------- the requests

    @Transactional(readOnly = true)
    public List<MiningRequestRow> findRequests(MiningRequestQuery query, Pageable page) {
        return requests.rows(query == null ? MiningRequestQuery.all() : query, page);
    }

    @Transactional(readOnly = true)
    public Optional<MiningRequestRow> findRequest(long id) {
        return requests.row(id);
    }

    /** A request's criteria as a form: read-only in its detail, the start of Duplicate. */
    @Transactional(readOnly = true)
    public MiningForm formOf(long id) {
        return requests.find(id).map(r -> r.form().copy())
                .orElseThrow(() -> new BusinessRuleException("mining.error.notFound"));
    }

    /**
     * The caller's requests that finished since they were last told, marked as told: the shell shows each as a
     * notification on the next page view (DESIGN §5.4, a requester who left the page).
     */
    @Transactional
    public List<MiningRequestRow> takeUnseenResults() {
        long me = currentUser.require().id();
        List<MiningRequestRow> rows = new ArrayList<>();
        for (long id : requests.unseen(me)) {
            requests.markSeen(id, me);
            requests.row(id).ifPresent(rows::add);
        }
        return rows;
    }

    /** Marks one result as told (the dialog or a pushed notification showed it). */
    @Transactional
    public void markSeen(long id) {
        requests.markSeen(id, currentUser.require().id());
    }

    private MiningRequestRow row(long id) {
        return tx.execute(status -> requests.row(id)).orElseThrow();
    }

    // ---------------------------------------------------------------- checks against the installation's data

    /** Upper-cased codes, sets without blanks, Opportunity when the Leads setting is off. */
    private MiningForm normalised(MiningForm form) {
        MiningForm f = form.copy();
        f.setCountries(upper(f.getCountries()));
        f.setStates(upper(f.getStates()));
        f.setIndustries(trimmed(f.getIndustries()));
        f.setOtherRoles(trimmed(f.getOtherRoles()));
        if (!settings.current().leadsEnabled()) {
            f.setLeadType(LeadType.OPPORTUNITY);
        }
        return f;
    }

    private void checkReferences(MiningForm f, List<MiningProblem> problems) {
        Locale en = Locale.ENGLISH;
        Set<String> countries = reference.countries(en).stream().map(ReferenceDataService.Country::code)
                .collect(Collectors.toSet());
        f.getCountries().stream().filter(c -> !countries.contains(c)).findFirst().ifPresent(c ->
                problems.add(new MiningProblem(MiningProblem.COUNTRIES, "mining.error.unknownCountry", c)));
        for (String state : f.getStates()) {
            String country = MiningRules.countryOf(state);
            if (f.getCountries().contains(country) && countries.contains(country)
                    && reference.states(country, en).stream().noneMatch(s -> s.code().equals(state))) {
                problems.add(new MiningProblem(MiningProblem.STATES, "mining.error.unknownState", state));
            }
        }
        Set<String> industries = codes(reference.industries(en));
        f.getIndustries().stream().filter(i -> !industries.contains(i)).findFirst().ifPresent(i ->
                problems.add(new MiningProblem(MiningProblem.INDUSTRIES, "mining.error.unknownIndustry", i)));
        if (f.withContacts()) {
            Set<String> roles = codes(reference.contactRoles(en));
            if (f.getContactFilter() == ContactFilter.SENIORITY) {
                if (f.getSeniority() != null && !f.getSeniority().isBlank()
                        && !codes(reference.seniorities(en)).contains(f.getSeniority())) {
                    problems.add(new MiningProblem(MiningProblem.SENIORITY, "mining.error.unknownSeniority",
                            f.getSeniority()));
                }
            } else {
                if (f.getPreferredRole() != null && !f.getPreferredRole().isBlank()
                        && !roles.contains(f.getPreferredRole())) {
                    problems.add(new MiningProblem(MiningProblem.PREFERRED_ROLE, "mining.error.unknownRole",
                            f.getPreferredRole()));
                }
                f.getOtherRoles().stream().filter(r -> !roles.contains(r)).findFirst().ifPresent(r ->
                        problems.add(new MiningProblem(MiningProblem.OTHER_ROLES, "mining.error.unknownRole", r)));
            }
        }
    }

    private void checkAssignment(MiningForm f, List<MiningProblem> problems) {
        if (f.getTeamId() != null) {
            Optional<TeamSummary> team = teams.findById(f.getTeamId());
            if (team.isEmpty() || !team.get().active()) {
                problems.add(new MiningProblem(MiningProblem.TEAM, "mining.error.teamNotFound"));
            }
        }
        if (f.getSalespersonId() != null) {
            Optional<UserSummary> user = users.findUser(f.getSalespersonId()).filter(UserSummary::active);
            if (user.isEmpty()) {
                problems.add(new MiningProblem(MiningProblem.SALESPERSON, "mining.error.salespersonInactive"));
            } else if (user.get().role() == Role.SALESPERSON && f.getTeamId() != null
                    && !teams.teamIdsOf(user.get().id()).contains(f.getTeamId())) {
                problems.add(new MiningProblem(MiningProblem.SALESPERSON, "mining.error.salespersonNotInTeam",
                        user.get().displayName()));
            }
        }
        if (!f.getTagIds().isEmpty()) {
            Set<Long> known = tags.findAll().stream().map(TagSummary::id).collect(Collectors.toSet());
            if (!known.containsAll(f.getTagIds())) {
                problems.add(new MiningProblem(MiningProblem.TAGS, "mining.error.unknownTag"));
            }
        }
    }

    private static Set<String> codes(List<ReferenceDataService.Item> items) {
        return items.stream().map(ReferenceDataService.Item::code).collect(Collectors.toSet());
    }

    private static Set<String> upper(Set<String> codes) {
        return codes.stream().filter(c -> c != null && !c.isBlank()).map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> trimmed(Set<String> codes) {
        return codes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
