package com.vetacrm.lead;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.lead.DemoLeads.Company;
import com.vetacrm.lead.DemoLeads.Member;
import com.vetacrm.lead.LeadRows.NewEntry;
import com.vetacrm.lead.LeadRows.NewLead;
import com.vetacrm.lead.LeadRows.NewTag;
import com.vetacrm.lead.DemoLeads.Outcome;
import com.vetacrm.lead.DemoLeads.Person;
import com.vetacrm.lead.DemoLeads.Profiles;
import com.vetacrm.lead.DemoLeads.Setup;
import com.vetacrm.lead.DemoLeads.StageInfo;
import com.vetacrm.lead.DemoLeads.StagePlan;
import com.vetacrm.lead.DemoLeads.Team;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code crm_lead} up to {@code veta.seed.leads} rows for benchmarks and load tests; off by
 * default (0). For example:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--veta.seed.leads=1000000}.
 * <p>
 * The records are spread over every active team and its members, every stage (fewer won and folded),
 * two years of creation dates (oldest first, so ids grow with time as they would in use), 26 countries,
 * with 0-2 tags each (the first tag on about 15 % of the records) and one chatter event ("created in
 * stage …") each, so every timeline opens. The first active team (lowest id,
 * "Direct Sales" in the demo set-up) is filled to exactly {@value #BIG_TEAM_OPPORTUNITIES} active
 * opportunities: the "big team" of the pipeline benchmark.
 * <p>
 * Deterministic for a given starting row count and set-up; restartable: it commits every
 * {@value #CHUNK} records and simply continues up to the target on the next start. Written with JDBC
 * batches (MariaDB Connector/J sends them in bulk), ids from {@code crm_lead_seq} in Hibernate's
 * blocks. Runs after the demo leads, so a demo installation keeps its 400 hand-made-looking records.
 */
@Component
@Order(LeadSeeder.ORDER)
class LeadSeeder implements ApplicationRunner {

    static final int ORDER = DemoLeads.ORDER + 10;
    static final int BIG_TEAM_OPPORTUNITIES = 100_000;
    static final long SEED = 7_340_033L;
    static final Duration SPREAD = Duration.ofDays(730);
    static final int CHUNK = 5_000;
    private static final long PROGRESS_EVERY = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LeadSeeder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long target;
    private final Clock clock = Clock.systemUTC();

    LeadSeeder(JdbcTemplate jdbc, TransactionTemplate tx, @Value("${veta.seed.leads:0}") long target) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.target = target;
    }

    /** What a seeding run did. */
    record Result(long before, long after, Duration took) {
        long added() {
            return after - before;
        }

        double perSecond() {
            return added() / Math.max(0.001, took.toNanos() / 1e9);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (target > 0) {
            seed(target);
        }
    }

    Result seed(long wanted) {
        long started = System.nanoTime();
        long existing = count("SELECT COUNT(*) FROM crm_lead");
        if (existing >= wanted) {
            log.info("Lead seeding: crm_lead already has {} rows (veta.seed.leads={}), nothing to add", existing, wanted);
            return new Result(existing, existing, Duration.ZERO);
        }
        Setup setup = Setup.read(jdbc);
        if (!setup.usable()) {
            log.warn("Lead seeding skipped: stages or active sales teams with members are missing");
            return new Result(existing, existing, Duration.ZERO);
        }
        Team big = setup.teams().getFirst();
        List<Team> others = setup.teams().size() > 1 ? setup.teams().subList(1, setup.teams().size()) : List.of(big);
        long toAdd = wanted - existing;
        long bigHas = count("SELECT COUNT(*) FROM crm_lead WHERE team_id = " + big.id()
                + " AND type = 'OPPORTUNITY' AND active = 1");
        long bigLeft = Math.clamp(BIG_TEAM_OPPORTUNITIES - bigHas, 0, toAdd);
        log.info("Lead seeding: crm_lead has {} rows, adding {} (team '{}' gets {} more opportunities)", existing,
                toAdd, big.name(), bigLeft);

        Generator g = new Generator(setup, new StagePlan(setup.stages()), big, others,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), toAdd, bigLeft, new Random(SEED ^ existing));
        long added = 0;
        long lastReport = 0;
        while (added < toAdd) {
            int n = (int) Math.min(CHUNK, toAdd - added);
            tx.executeWithoutResult(status -> {
                long[] ids = SequenceIds.reserve(jdbc, "crm_lead_seq", n);
                List<NewLead> leads = new ArrayList<>(n);
                List<NewTag> tags = new ArrayList<>(n);
                for (long id : ids) {
                    leads.add(g.next(id, tags));
                }
                LeadRows.insertLeads(jdbc, leads);
                LeadRows.insertTags(jdbc, tags);
                // each record's timeline starts with its creation, as for a record created in the app
                LeadRows.insertEntries(jdbc, leads.stream().map(l -> new NewEntry(l.id(), l.createdBy(), "EVENT",
                        "lead.event.created", g.createdIn(l.stageId()), l.createdAt())).toList());
            });
            added += n;
            if (added - lastReport >= PROGRESS_EVERY || added == toAdd) {
                lastReport = added;
                double seconds = (System.nanoTime() - started) / 1e9;
                log.info("Lead seeding: {} / {} added ({} rows/s)", added, toAdd, Math.round(added / seconds));
            }
        }
        Result result = new Result(existing, existing + added, Duration.ofNanos(System.nanoTime() - started));
        log.info("Lead seeding done: {} leads added in {} s ({} rows/s); crm_lead has {} rows", result.added(),
                result.took().toMillis() / 1000.0, Math.round(result.perSecond()), result.after());
        return result;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** The records, one after the other, oldest first. */
    private static final class Generator {
        private final Setup setup;
        private final StagePlan plan;
        private final Team big;
        private final List<Team> others;
        private final Instant now;
        private final long total;
        private final Random r;
        private final Profiles profiles = new Profiles(true);
        private final int[] tagWeights;
        private final Map<Long, String> createdIn = new HashMap<>();
        private long made;
        private long bigLeft;

        Generator(Setup setup, StagePlan plan, Team big, List<Team> others, Instant now, long total, long bigLeft,
                Random r) {
            this.setup = setup;
            this.plan = plan;
            this.big = big;
            this.others = others;
            this.now = now;
            this.total = total;
            this.bigLeft = bigLeft;
            this.r = r;
            // tag i drawn with weight 1/sqrt(i+1): with 10 tags the first is on about 15 % of the records
            setup.stages().forEach(st -> createdIn.put(st.id(), DemoLeads.json(st.name())));
            this.tagWeights = new int[setup.tags().size()];
            for (int i = 0; i < tagWeights.length; i++) {
                tagWeights[i] = (int) Math.round(1000 / Math.sqrt(i + 1));
            }
        }

        /** The arguments of a "created in stage …" event: records are created in the stage they are in. */
        String createdIn(long stageId) {
            return createdIn.get(stageId);
        }

        NewLead next(long id, List<NewTag> tags) {
            // selection sampling: exactly bigLeft of the remaining records go to the big team
            boolean inBig = bigLeft > 0 && r.nextLong(total - made) < bigLeft;
            if (inBig) {
                bigLeft--;
            }
            // creation dates rise with the ids over the last two years
            long span = SPREAD.toSeconds();
            Instant created = now.minusSeconds(span).plusSeconds((long) ((made + r.nextDouble()) * span / total));
            made++;
            Team team = inBig ? big : others.get(r.nextInt(others.size()));
            Member salesperson = team.pickMember(r);
            Outcome outcome = inBig ? Outcome.OPEN : Outcome.pick(r);
            StageInfo stage = outcome == Outcome.OPEN ? plan.pick(r) : plan.pickOpenOrFolded(r);
            LeadType type = inBig ? LeadType.OPPORTUNITY : plan.type(stage, r);
            Company company = profiles.company(r);
            Person contact = profiles.person(r, company.country(), company.domain(), false);
            BigDecimal revenue = DemoLeads.revenue(r);
            Instant closed = created.plusSeconds(3600 + r.nextLong(Duration.ofDays(90).toSeconds()));
            if (closed.isAfter(now)) {
                closed = now;
            }
            Instant wonAt = stage.won() ? closed : null;
            Instant lostAt = outcome == Outcome.LOST ? closed : null;
            String lostReason = lostAt == null ? null : DemoLeads.Texts.LOST.get(r.nextInt(DemoLeads.Texts.LOST.size()))[0];
            BigDecimal probability = outcome == Outcome.LOST ? BigDecimal.ZERO : plan.probability(stage, r);
            String topic = DemoLeads.Texts.pick(DemoLeads.Texts.TOPICS, r)
                    .replace("{n}", String.valueOf(5 + 5 * r.nextInt(20))).replace("{city}", company.city());
            int priority = DemoLeads.pickWeighted(r, 52, 30, 13, 5);
            int tagCount = setup.tags().isEmpty() ? 0 : DemoLeads.pickWeighted(r, 45, 35, 20);
            long first = -1;
            for (int i = 0; i < tagCount; i++) {
                long tag = setup.tags().get(DemoLeads.pickWeighted(r, tagWeights)).id();
                if (tag != first) {
                    tags.add(new NewTag(id, tag));
                    first = tag;
                }
            }
            Instant updated = wonAt != null ? wonAt : lostAt != null ? lostAt : created;
            // the domain is already normalised (lower case, no www.): no need to parse it again per row
            return new NewLead(id, type, company.shortName() + ": " + topic, company.name(), contact.fullName(),
                    contact.title(), contact.email(), company.domain(), company.phone(), company.website(),
                    company.domain(), company.street(), company.city(), company.zip(), company.country().code(),
                    company.state(), stage.id(), team.id(), salesperson.id(), priority, revenue, probability, null,
                    lostReason, outcome == Outcome.OPEN, wonAt, lostAt, created, salesperson.id(), updated,
                    salesperson.id());
        }
    }
}
