package com.vetacrm.mining;

import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.MinedLeads;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.security.VetaPrincipal;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs mining requests (DESIGN §5.4 steps 2–4). The QUEUED request row is the persistent job: a job locks it
 * ({@code FOR UPDATE SKIP LOCKED}) in the one transaction that selects the companies, creates the records,
 * captures the credits and marks the request DONE (or NO_RESULT, releasing the hold). Hence:
 * <ul>
 * <li>a crash or a lost connection rolls everything back and the request stays QUEUED with its hold; this
 * node's poller (or another node's) runs it again — no orphaned hold, no half-written request;</li>
 * <li>two nodes never run one request: the second skips the locked row, and finds it finished afterwards;</li>
 * <li>a failure is rolled back, then a second transaction releases the hold and marks the request
 * ERROR/FAILED with the reason;</li>
 * <li>jobs select companies one at a time (the selection lock), each seeing the previous one's leads, so two
 * requests never receive the same company.</li>
 * </ul>
 * A job acts as its requester (their role and name on the records), whatever thread runs it.
 */
@Component
class MiningJobs {

    private static final Logger log = LoggerFactory.getLogger(MiningJobs.class);
    private static final int POLL_BATCH = 20;

    private final MiningRequests requests;
    private final LeadSource source;
    private final CrmExclusions exclusions;
    private final LeadService leads;
    private final CreditService credits;
    private final UserDetailsService users;
    private final MiningFaults faults;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate jobTx;
    private final TransactionTemplate tx;
    private final ExecutorService executor;
    private final boolean worker;
    private final Clock clock = Clock.systemUTC();

    MiningJobs(MiningRequests requests, LeadSource source, CrmExclusions exclusions, LeadService leads,
            CreditService credits, UserDetailsService users, MiningFaults faults, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, @Value("${veta.mining.worker.enabled:true}") boolean worker) {
        this.worker = worker;
        this.requests = requests;
        this.source = source;
        this.exclusions = exclusions;
        this.leads = leads;
        this.credits = credits;
        this.users = users;
        this.faults = faults;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jobTx = new TransactionTemplate(transactions);
        // Each statement sees what committed before it: after the selection lock, the previous job's leads.
        this.jobTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mining-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (!worker) {
            log.info("Mining jobs do not run on this node (veta.mining.worker.enabled=false): worker nodes run them");
        }
    }

    /**
     * Runs the request's job soon, on a background thread; the poller is the safety net if this node stops. A node
     * that is no worker leaves it QUEUED for the pollers of the worker nodes.
     */
    void start(long id) {
        if (!worker) {
            return;
        }
        try {
            executor.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            log.info("Mining request {} left to the poller: the executor is shutting down", id);
        }
    }

    /** Every QUEUED request this node can lock: new ones another node queued, and any a crash left behind. */
    @Scheduled(initialDelayString = "${veta.mining.poll-initial-delay:PT10S}",
            fixedDelayString = "${veta.mining.poll-interval:PT10S}")
    void runQueued() {
        if (!worker) {
            return;
        }
        for (long id : requests.queued(POLL_BATCH)) {
            run(id);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Runs one request's job if it is still QUEUED and nobody else runs it; returns its state afterwards. */
    Optional<MiningState> run(long id) {
        // not the whole request (six statements): the job reads it again under its lock anyway
        Optional<MiningRequests.Requester> queued = requests.queuedRequester(id);
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            return runAsRequester(id, queued.get());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * The job, then its failure if it failed, each in its own transaction, which first signs the requester in:
     * their account is read in that transaction rather than in one of its own (0.5 ms of a job). The requester
     * stays signed in on this thread until {@link #run} returns, for those told that the request finished.
     */
    private Optional<MiningState> runAsRequester(long id, MiningRequests.Requester requester) {
        String number = requester.requestNumber();
        Optional<MiningState> result;
        try {
            result = Optional.ofNullable(jobTx.execute(status -> {
                actAs(requester.username());
                return job(id);
            }));
            // which node ran which job: operators (and the two-node test) read it in each node's log
            result.ifPresent(state -> log.info("Mining request {} ({}) ran on this node: {}", id, number, state));
        } catch (MiningFaults.SimulatedCrash crash) {
            log.warn("Mining request {}: {}", id, crash.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Mining request {} ({}) failed on this node and was rolled back", id, number, e);
            result = fail(id, requester.username(), e);
        }
        // the requester is known from the read before the job: no third read of the request to tell them
        result.ifPresent(state -> events.publishEvent(new MiningRequestFinished(id, requester.id())));
        return result;
    }

    /** The job's transaction: null when another job holds the request or it is no longer QUEUED. */
    private MiningState job(long id) {
        if (requests.lockQueued(id).isEmpty()) {
            return null;
        }
        requests.lockSelection();
        MiningRequests.Stored r = requests.find(id).orElseThrow();
        VetaPrincipal requester = (VetaPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (!requester.isEnabled()) {
            throw new IllegalStateException("The requester's account is no longer active");
        }
        Instant now = clock.instant();
        var criteria = MiningCriteria.of(r.form());
        LeadSource.Selection selection = source.select(criteria, exclusions, r.form().getLeadNumber());
        List<SourceCompany> companies = selection.companies();
        if (companies.isEmpty()) {
            credits.release(r.holdId());
            requests.finish(id, MiningState.NO_RESULT, null, null, 0, 0, 0, now);
            faults.beforeCommit(id, r.number());
            return MiningState.NO_RESULT;
        }
        String minedOn = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        List<MinedLeads.MinedLead> mined = companies.stream().map(c -> {
            // the source the request was submitted to, as stored with it: no call through the source's checks per card
            EnrichmentCard card = new EnrichmentCard(EnrichmentCard.VERSION, id, r.number(), r.sourceId(), minedOn, c);
            return new MinedLeads.MinedLead(c, card.summary(), card.toJson());
        }).toList();
        MiningForm f = r.form();
        leads.createMined(new MinedLeads(id, f.getLeadType(), f.getTeamId(), f.getSalespersonId(), f.getTagIds(),
                f.withContacts(), mined));
        selection.delivered();
        int contacts = companies.stream().mapToInt(c -> c.contacts().size()).sum();
        long charge = MiningEstimate.charge(companies.size(), contacts);
        credits.capture(r.holdId(), charge);
        requests.finish(id, MiningState.DONE, null, null, companies.size(), contacts, charge, now);
        faults.beforeCommit(id, r.number());
        return MiningState.DONE;
    }

    /** After a rolled-back job: release the hold and record why, unless someone else finished it meanwhile. */
    private Optional<MiningState> fail(long id, String requester, RuntimeException cause) {
        String reason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return Optional.ofNullable(tx.execute(status -> {
            actAs(requester);
            if (requests.lockQueued(id).isEmpty()) {
                return null;
            }
            MiningRequests.Stored r = requests.find(id).orElseThrow();
            if (r.holdId() != null) {
                credits.release(r.holdId());  // open: the job's capture or release was rolled back with it
            }
            requests.finish(id, MiningState.ERROR, MiningErrorType.FAILED, reason, 0, 0, 0, clock.instant());
            return MiningState.ERROR;
        }));
    }

    /** Signs the requester in on this thread: a job acts with their role and name, whatever thread runs it. */
    private void actAs(String username) {
        VetaPrincipal principal = (VetaPrincipal) users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
