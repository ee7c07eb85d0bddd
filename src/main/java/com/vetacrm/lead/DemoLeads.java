package com.vetacrm.lead;

import com.vetacrm.lead.LeadRows.NewContact;
import com.vetacrm.lead.LeadRows.NewEntry;
import com.vetacrm.lead.LeadRows.NewLead;
import com.vetacrm.lead.LeadRows.NewTag;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.vetacrm.database.SequenceIds;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo leads and opportunities for a fresh demo installation: about 400 records over every stage,
 * team and salesperson, from companies in 26 countries, with contacts, tags and a believable chatter
 * history (created, assigned, stage changes, notes, won / lost / archived).
 * <p>
 * Runs after the admin module's initial data (stages, tags, teams and users must exist), only when
 * demo data is on — the same rule as {@code InitialData}: {@code veta.demo.enabled} (env
 * {@code VETA_DEMO}) when set, otherwise on for the embedded database — and only while
 * {@code crm_lead} is empty, so it never adds to a database people have used.
 * <p>
 * The content is a pure function of {@link #SEED} and the set-up rows: the same installation always
 * gets the same companies, people, stages and texts. Only the timestamps move with the day it runs
 * (spread over the 180 days before the start). Rows are written with JDBC batches in one
 * transaction; ids come from the entities' sequences (see {@link SequenceIds}), so they never
 * collide with ids Hibernate hands out later.
 */
@Component
@Order(DemoLeads.ORDER)
class DemoLeads implements ApplicationRunner {

    /** After {@code InitialData} ({@code HIGHEST_PRECEDENCE}), before the benchmark seeder. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final long SEED = 20_261_126L;
    static final int COUNT = 400;
    static final Duration SPREAD = Duration.ofDays(180);
    /** The newest demo record is a few hours old, so its history fits before the start. */
    private static final long MIN_AGE = 6 * 3600;

    private static final Logger log = LoggerFactory.getLogger(DemoLeads.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final boolean demo;
    private final Clock clock = Clock.systemUTC();

    DemoLeads(JdbcTemplate jdbc, TransactionTemplate tx,
            @Value("${veta.demo.enabled:}") String demoSetting,
            @Value("${spring.datasource.url:}") String externalDatabaseUrl) {
        this.jdbc = jdbc;
        this.tx = tx;
        // the same rule as InitialData: the setting when given, else on for the embedded database only
        this.demo = demoSetting.isBlank() ? externalDatabaseUrl.isBlank() : Boolean.parseBoolean(demoSetting.trim());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            load();
        }
    }

    /** Writes the demo leads when {@code crm_lead} is empty; returns how many were written. */
    int load() {
        Integer written = tx.execute(status -> {
            if (jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM crm_lead)", Boolean.class)) {
                return 0;
            }
            Setup setup = Setup.read(jdbc);
            if (!setup.usable()) {
                log.warn("No demo leads: stages or active sales teams with members are missing");
                return 0;
            }
            long started = System.nanoTime();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Demo d = generate(setup, now, SequenceIds.reserve(jdbc, "crm_lead_seq", COUNT));
            write(jdbc, d);
            log.info("Demo leads created: {} leads, {} contacts, {} chatter entries ({} ms)", d.leads().size(),
                    d.contacts().size(), d.entries().size(), (System.nanoTime() - started) / 1_000_000);
            return d.leads().size();
        });
        return written == null ? 0 : written;
    }

    // ------------------------------------------------------------------------------------------------
    // generation

    record Demo(List<NewLead> leads, List<NewTag> tags, List<NewContact> contacts, List<NewEntry> entries) {
    }

    /** Everything the demo writes, from the seed, the set-up and the start time only. */
    static Demo generate(Setup setup, Instant now, long[] ids) {
        Random r = new Random(SEED);
        Profiles profiles = new Profiles(false);
        StagePlan plan = new StagePlan(setup.stages());
        List<NewLead> leads = new ArrayList<>();
        List<NewTag> tags = new ArrayList<>();
        List<NewContact> contacts = new ArrayList<>();
        List<NewEntry> entries = new ArrayList<>();
        Set<String> usedCompanies = new HashSet<>();
        for (int index = 0; index < ids.length; index++) {
            long id = index; // provisional: the real ids are given in creation order below
            Company company = profiles.company(r);
            for (int retry = 0; retry < 20 && !usedCompanies.add(company.name()); retry++) {
                company = profiles.company(r);
            }
            Team team = setup.teams().get(r.nextInt(setup.teams().size()));
            Outcome outcome = Outcome.pick(r);
            StageInfo stage = outcome == Outcome.OPEN ? plan.pick(r) : plan.pickOpenOrFolded(r);
            LeadType type = plan.type(stage, r);
            Member salesperson = type == LeadType.LEAD && plan.isFirst(stage) && r.nextInt(100) < 8
                    ? null : team.pickMember(r);
            Member actor = salesperson != null ? salesperson : team.leaderOrFirst();
            Person contact = profiles.person(r, company.country(), company.domain(), false);
            Instant created = workingHours(now.minusSeconds(MIN_AGE + (long) (r.nextDouble()
                    * (SPREAD.toSeconds() - MIN_AGE))), now.minusSeconds(MIN_AGE), r);
            BigDecimal revenue = revenue(r);

            // the timeline: created, assigned, the stage path with notes in between, then the outcome
            List<Step> steps = new ArrayList<>();
            List<StageInfo> path = plan.path(stage, r);
            boolean createdAsLead = type == LeadType.LEAD || path.size() > 1 && r.nextBoolean();
            for (int i = 1; i < path.size(); i++) {
                steps.add(Step.stage(path.get(i - 1), path.get(i)));
                if (i == 1 && createdAsLead && type == LeadType.OPPORTUNITY) {
                    steps.add(Step.event("lead.event.converted"));
                }
            }
            int notes = pickWeighted(r, 15, 40, 30, 15);
            for (int i = 0; i < notes; i++) {
                steps.add(r.nextInt(steps.size() + 1), Step.note(Texts.pick(Texts.NOTES, r)));
            }
            String lostReason = null;
            if (stage.won()) {
                steps.add(Step.event("lead.event.won"));
                steps.add(Step.note(Texts.pick(Texts.WON_NOTES, r)));
            } else if (outcome == Outcome.LOST) {
                int reason = r.nextInt(Texts.LOST.size());
                lostReason = Texts.LOST.get(reason)[0];
                steps.add(Step.note(Texts.LOST.get(reason)[1]));
                steps.add(Step.event("lead.event.lost", lostReason));
            } else if (outcome == Outcome.ARCHIVED) {
                steps.add(Step.note(Texts.pick(Texts.ARCHIVE_NOTES, r)));
                steps.add(Step.event("lead.event.archived"));
            }

            Map<String, String> vars = Map.of("{contact}", contact.firstName(), "{company}", company.shortName(),
                    "{n}", String.valueOf(5 + 5 * r.nextInt(20)), "{city}", company.city());
            entries.add(new NewEntry(id, actor.id(), "EVENT", "lead.event.created", json(path.getFirst().name()), created));
            Instant t = created.plusSeconds(60 + r.nextInt(1200));
            if (salesperson != null) {
                Member by = team.leaderOrFirst();
                entries.add(new NewEntry(id, by.id(), "EVENT", "lead.event.assigned", json(salesperson.name()), t));
            }
            Instant end = created.plusSeconds((long) (Duration.between(created, now).toSeconds() * (0.3 + 0.68 * r.nextDouble())));
            Instant[] times = times(r, t.plusSeconds(1800), end, now.minusSeconds(60), steps.size());
            Instant wonAt = null;
            Instant lostAt = null;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Instant at = times[i];
                switch (s.kind()) {
                    case STAGE -> {
                        entries.add(new NewEntry(id, actor.id(), "EVENT", "lead.event.stageChanged",
                                json(s.from().name(), s.to().name(), actor.name()), at));
                        if (s.to().won()) {
                            wonAt = at;
                        }
                    }
                    case EVENT -> {
                        entries.add(new NewEntry(id, actor.id(), "EVENT", s.text(),
                                s.arg() == null ? json() : json(s.arg()), at));
                        if (s.text().equals("lead.event.lost")) {
                            lostAt = at;
                        } else if (s.text().equals("lead.event.won") && wonAt == null) {
                            wonAt = at; // created straight in the won stage
                        }
                    }
                    case NOTE -> entries.add(new NewEntry(id, actor.id(), "NOTE", fill(s.text(), vars), null, at));
                }
            }
            Instant updated = steps.isEmpty() ? (salesperson != null ? t : created) : times[times.length - 1];

            String name = company.shortName() + ": " + fill(Texts.pick(Texts.TOPICS, r), vars);
            BigDecimal probability = outcome == Outcome.LOST ? BigDecimal.ZERO : plan.probability(stage, r);
            String description = r.nextInt(100) < 35 ? Texts.pick(Texts.SOURCES, r) : null;
            leads.add(new NewLead(id, type, name, company.name(), contact.fullName(), contact.title(), contact.email(),
                    WebAddresses.emailDomain(contact.email()).orElse(null), company.phone(), company.website(),
                    WebAddresses.websiteDomain(company.website()).orElse(null), company.street(), company.city(),
                    company.zip(), company.country().code(), company.state(), stage.id(), team.id(),
                    salesperson == null ? null : salesperson.id(), pickWeighted(r, 52, 30, 13, 5), revenue,
                    probability, description, lostReason, outcome == Outcome.OPEN, wonAt, lostAt, created, actor.id(),
                    updated, actor.id()));
            for (long tag : pickTags(setup.tags(), pickWeighted(r, 30, 40, 22, 8), r)) {
                tags.add(new NewTag(id, tag));
            }
            int people = pickWeighted(r, 30, 37, 22, 11);
            for (int p = 0; p < people; p++) {
                Person c = p == 0 ? contact : profiles.person(r, company.country(), company.domain(), true);
                contacts.add(new NewContact(id, p, c.fullName(), c.title(), c.role(), c.seniority(), c.email(),
                        p == 0 && r.nextBoolean() ? company.phone() : c.phone()));
            }
        }
        return inCreationOrder(new Demo(leads, tags, contacts, entries), ids);
    }

    /** Gives the ids in the order the records were created, as Hibernate would have given them. */
    private static Demo inCreationOrder(Demo d, long[] ids) {
        List<NewLead> byTime = new ArrayList<>(d.leads());
        byTime.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        Map<Long, Long> idOf = new HashMap<>();
        for (int rank = 0; rank < byTime.size(); rank++) {
            idOf.put(byTime.get(rank).id(), ids[rank]);
        }
        return new Demo(
                byTime.stream().map(l -> l.withId(idOf.get(l.id()))).toList(),
                d.tags().stream().map(t -> new NewTag(idOf.get(t.leadId()), t.tagId())).toList(),
                d.contacts().stream().map(c -> new NewContact(idOf.get(c.leadId()), c.position(), c.fullName(),
                        c.jobTitle(), c.role(), c.seniority(), c.email(), c.phone())).toList(),
                d.entries().stream().map(e -> new NewEntry(idOf.get(e.leadId()), e.authorId(), e.kind(), e.body(),
                        e.payload(), e.at())).toList());
    }

    enum Outcome {
        OPEN, LOST, ARCHIVED;

        static Outcome pick(Random r) {
            int x = r.nextInt(100);
            return x < 10 ? LOST : x < 15 ? ARCHIVED : OPEN;
        }
    }

    private enum StepKind { STAGE, EVENT, NOTE }

    private record Step(StepKind kind, StageInfo from, StageInfo to, String text, String arg) {
        static Step stage(StageInfo from, StageInfo to) {
            return new Step(StepKind.STAGE, from, to, null, null);
        }

        static Step event(String key) {
            return new Step(StepKind.EVENT, null, null, key, null);
        }

        static Step event(String key, String arg) {
            return new Step(StepKind.EVENT, null, null, key, arg);
        }

        static Step note(String text) {
            return new Step(StepKind.NOTE, null, null, text, null);
        }
    }

    /**
     * {@code n} ascending instants, mostly between {@code from} and {@code to}, at least a minute
     * apart and never after {@code latest} (a record created an hour ago squeezes its history).
     */
    private static Instant[] times(Random r, Instant from, Instant to, Instant latest, int n) {
        long span = Math.max(60L * n, Duration.between(from, to).toSeconds());
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = (long) (r.nextDouble() * span);
        }
        Arrays.sort(offsets);
        for (int i = 1; i < n; i++) {
            offsets[i] = Math.max(offsets[i], offsets[i - 1] + 60);
        }
        Instant[] result = new Instant[n];
        Instant cap = latest;
        for (int i = n - 1; i >= 0; i--) {
            Instant at = from.plusSeconds(offsets[i]);
            result[i] = at.isAfter(cap) ? cap : at;
            cap = result[i].minusSeconds(60);
        }
        return result;
    }

    /** Moves a time into a working day (07:00-18:59 UTC) of the same date, unless that is after {@code latest}. */
    static Instant workingHours(Instant t, Instant latest, Random r) {
        int hour = 7 + r.nextInt(12); // drawn whatever the time, so the content never depends on the clock
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (d.getHour() >= 7 && d.getHour() <= 18) {
            return t;
        }
        Instant moved = d.withHour(hour).toInstant(ZoneOffset.UTC);
        return moved.isAfter(latest) ? t : moved;
    }

    /** Long-tailed expected revenue between 1,000 and 500,000 (median about 12,000), in round amounts. */
    static BigDecimal revenue(Random r) {
        double v = Math.exp(Math.log(12_000) + 1.1 * r.nextGaussian());
        v = Math.clamp(v, 1_000, 500_000);
        long step = v < 10_000 ? 100 : v < 100_000 ? 500 : 5_000;
        return BigDecimal.valueOf(Math.max(1_000, Math.round(v / step) * step)).setScale(2);
    }

    /** An index 0..weights.length-1 with the given weights. */
    static int pickWeighted(Random r, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code n} different tags, never two of a contradictory pair (Hot/Cold, Enterprise/SMB) when they exist. */
    static List<Long> pickTags(List<TagInfo> all, int n, Random r) {
        List<Long> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int tries = 0; result.size() < Math.min(n, all.size()) && tries < 20; tries++) {
            TagInfo t = all.get(r.nextInt(all.size()));
            String other = Texts.EXCLUSIVE.get(t.name());
            if (!names.contains(t.name()) && (other == null || !names.contains(other))) {
                names.add(t.name());
                result.add(t.id());
            }
        }
        return result;
    }

    static String json(String... args) {
        // exactly what ChatterService.recordEvent stores: a JSON array of the sentence's arguments
        return JSON.writeValueAsString(Arrays.asList(args));
    }

    private static String fill(String template, Map<String, String> vars) {
        String s = template;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------
    // writing

    private static void write(JdbcTemplate jdbc, Demo d) {
        LeadRows.insertLeads(jdbc, d.leads());
        LeadRows.insertTags(jdbc, d.tags());
        LeadRows.insertContacts(jdbc, d.contacts());
        List<NewEntry> entries = new ArrayList<>(d.entries());
        // ids in time order, as entries written one by one would have them
        entries.sort((a, b) -> a.at().compareTo(b.at()));
        LeadRows.insertEntries(jdbc, entries);
    }

    // ------------------------------------------------------------------------------------------------
    // the installation's set-up, read from the admin module's tables

    record StageInfo(long id, String name, boolean fold, boolean won) {
    }

    record TagInfo(long id, String name) {
    }

    record Member(long id, String name, boolean salesperson) {
    }

    record Team(long id, String name, Long leaderId, List<Member> members) {

        /** A member, salespeople three times as likely as their managers. */
        Member pickMember(Random r) {
            int total = members.stream().mapToInt(m -> m.salesperson() ? 3 : 1).sum();
            int x = r.nextInt(total);
            for (Member m : members) {
                x -= m.salesperson() ? 3 : 1;
                if (x < 0) {
                    return m;
                }
            }
            return members.getLast();
        }

        Member leaderOrFirst() {
            return members.stream().filter(m -> leaderId != null && m.id() == leaderId).findFirst()
                    .orElse(members.getFirst());
        }
    }

    record Setup(List<StageInfo> stages, List<Team> teams, List<TagInfo> tags) {

        boolean usable() {
            return !stages.isEmpty() && !teams.isEmpty();
        }

        /** Stages in order, active teams (by id) with their active members, tags by id. */
        static Setup read(JdbcTemplate jdbc) {
            List<StageInfo> stages = jdbc.query("SELECT id, name, fold, is_won FROM stage ORDER BY sequence, id",
                    (rs, n) -> new StageInfo(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            Map<Long, List<Member>> members = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT m.team_id, u.id, u.display_name, u.role FROM sales_team_member m
                    JOIN app_user u ON u.id = m.user_id WHERE u.active ORDER BY m.team_id, u.id""", rs -> {
                members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Member(rs.getLong(2), rs.getString(3), "SALESPERSON".equals(rs.getString(4))));
            });
            List<Team> teams = jdbc.query("SELECT id, name, leader_id FROM sales_team WHERE active ORDER BY id",
                    (rs, n) -> {
                        long leader = rs.getLong(3);
                        return new Team(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : leader,
                                members.getOrDefault(rs.getLong(1), List.of()));
                    }).stream().filter(t -> !t.members().isEmpty()).toList();
            List<TagInfo> tags = jdbc.query("SELECT id, name FROM tag ORDER BY id",
                    (rs, n) -> new TagInfo(rs.getLong(1), rs.getString(2)));
            return new Setup(stages, teams, tags);
        }
    }

    /**
     * Where records sit in the pipeline: most in the early open stages, fewer further on, about 5 %
     * in folded stages (On Hold) and 10 % won; probability grows with the stage.
     */
    static final class StagePlan {
        private final List<StageInfo> open = new ArrayList<>();
        private final List<StageInfo> folded = new ArrayList<>();
        private final List<StageInfo> won = new ArrayList<>();
        private final StageInfo first;

        StagePlan(List<StageInfo> stages) {
            for (StageInfo s : stages) {
                (s.won() ? won : s.fold() ? folded : open).add(s);
            }
            first = open.isEmpty() ? stages.getFirst() : open.getFirst();
        }

        boolean isFirst(StageInfo s) {
            return s.id() == first.id();
        }

        /** Any stage: open ones weighted towards the start, about 5 % folded, 10 % won. */
        StageInfo pick(Random r) {
            int x = r.nextInt(100);
            if (x < 10 && !won.isEmpty()) {
                return won.get(r.nextInt(won.size()));
            }
            if (x < 15 && !folded.isEmpty()) {
                return folded.get(r.nextInt(folded.size()));
            }
            return pickOpen(r);
        }

        /** A stage of a lost or archived record: not a won one. */
        StageInfo pickOpenOrFolded(Random r) {
            if (r.nextInt(100) < 6 && !folded.isEmpty()) {
                return folded.get(r.nextInt(folded.size()));
            }
            return pickOpen(r);
        }

        private StageInfo pickOpen(Random r) {
            if (open.isEmpty()) {
                return first;
            }
            int k = open.size();
            int[] weights = new int[k];
            for (int i = 0; i < k; i++) {
                weights[i] = k - i + 1;
            }
            return open.get(pickWeighted(r, weights));
        }

        /** The stages a record went through to reach {@code target}, starting where it was created. */
        List<StageInfo> path(StageInfo target, Random r) {
            int reach = target.won() || target.fold() ? open.size() - 1 - (target.fold() ? r.nextInt(Math.max(1, open.size())) : 0)
                    : open.indexOf(target);
            List<StageInfo> path = new ArrayList<>();
            // one in six records was created straight in a later column (quick create)
            int start = reach > 0 && r.nextInt(6) == 0 ? reach : 0;
            for (int i = Math.max(0, start); i <= reach; i++) {
                if (i == start || i == reach || r.nextInt(100) < 75) {
                    path.add(open.get(i));
                }
            }
            if (target.won() || target.fold() || path.isEmpty()) {
                path.add(target);
            }
            return path;
        }

        LeadType type(StageInfo stage, Random r) {
            int index = open.indexOf(stage);
            if (index == 0) {
                return r.nextInt(100) < 60 ? LeadType.LEAD : LeadType.OPPORTUNITY;
            }
            if (index == 1) {
                return r.nextInt(100) < 20 ? LeadType.LEAD : LeadType.OPPORTUNITY;
            }
            return LeadType.OPPORTUNITY;
        }

        BigDecimal probability(StageInfo stage, Random r) {
            if (stage.won()) {
                return BigDecimal.valueOf(100).setScale(2);
            }
            if (stage.fold()) {
                return BigDecimal.valueOf(10 + r.nextInt(21)).setScale(2);
            }
            int i = Math.max(0, open.indexOf(stage));
            int base = open.size() <= 1 ? 20 : 10 + i * 70 / (open.size() - 1);
            return BigDecimal.valueOf(Math.clamp(base - 5 + r.nextInt(11), 1, 95)).setScale(2);
        }

        List<StageInfo> open() {
            return open;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // companies and people

    record Country(String code, String lang, String names, String tld, List<String> suffixes, List<City> cities,
            List<String> streets, String address, List<String> places, int mobileShare, int weight) {
    }

    record City(String name, String zip, String state, String district) {
    }

    record Title(String role, String seniority, int weight, Map<String, String> forms) {

        String in(String lang, boolean female) {
            String form = forms.getOrDefault(lang, forms.get("en"));
            int bar = form.indexOf('|');
            return bar < 0 ? form : female ? form.substring(bar + 1) : form.substring(0, bar);
        }
    }

    record Company(Country country, String name, String shortName, String domain, String website, String street,
            String city, String zip, String state, String phone) {
    }

    record Person(String firstName, String fullName, String title, String role, String seniority, String email,
            String phone) {
    }

    /** Makes companies and people that look like those of each country; phones are valid E.164 numbers. */
    static final class Profiles {

        private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
        private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
        private static final Pattern MARKS = Pattern.compile("\\p{M}+");

        private final boolean pooledPhones;
        private final Map<String, String[]> phonePools = new HashMap<>();
        private final int[] countryWeights;

        /** @param pooledPhones reuse 200 numbers per country and kind (fast, for millions of rows) */
        Profiles(boolean pooledPhones) {
            this.pooledPhones = pooledPhones;
            this.countryWeights = Vocabulary.COUNTRIES.stream().mapToInt(Country::weight).toArray();
        }

        Company company(Random r) {
            Country c = Vocabulary.COUNTRIES.get(pickWeighted(r, countryWeights));
            List<String> patterns = Vocabulary.PATTERNS.get(c.lang());
            List<String> industries = Vocabulary.INDUSTRIES.get(c.lang());
            Vocabulary.Names names = Vocabulary.NAMES.get(c.names());
            String pattern = patterns.get(r.nextInt(patterns.size()));
            String s1 = names.last().get(r.nextInt(names.last().size()));
            String s2 = names.last().get(r.nextInt(names.last().size()));
            if (s2.equals(s1)) {
                s2 = names.last().get((names.last().indexOf(s1) + 1) % names.last().size());
            }
            String industry = industries.get(r.nextInt(industries.size()));
            String shortName = capitalise(pattern.replace("{S}", s1).replace("{S2}", s2)
                    .replace("{P}", c.places().get(r.nextInt(c.places().size()))).replace("{I}", industry));
            String name = shortName + " " + c.suffixes().get(r.nextInt(c.suffixes().size()));
            String domain = slug(shortName, c.lang(), "-") + "." + c.tld();
            City city = c.cities().get(r.nextInt(c.cities().size()));
            String street = address(c, city, r);
            boolean mobile = r.nextInt(100) < c.mobileShare();
            return new Company(c, name, shortName, domain, "https://" + domain, street, city.name(), city.zip(),
                    city.state(), phone(c.code(), mobile, r));
        }

        Person person(Random r, Country c, String domain, boolean mobile) {
            Vocabulary.Names names = Vocabulary.NAMES.get(c.names());
            boolean female = r.nextInt(100) < 45;
            List<String> firsts = female ? names.female() : names.male();
            String first = firsts.get(r.nextInt(firsts.size()));
            String last = names.last().get(r.nextInt(names.last().size()));
            if (female && c.names().equals("pl")) {
                last = last.replaceAll("(sk|ck|dzk)i$", "$1a");
            }
            Title title = Vocabulary.TITLES.get(pickWeighted(r, Vocabulary.TITLE_WEIGHTS));
            String email = slug(first, c.lang(), "") + "." + slug(last, c.lang(), "") + "@" + domain;
            return new Person(first, first + " " + last, title.in(c.lang(), female), title.role(), title.seniority(),
                    email, phone(c.code(), mobile || r.nextInt(100) < c.mobileShare(), r));
        }

        private static String address(Country c, City city, Random r) {
            String street = city.district() != null ? city.district() : c.streets().get(r.nextInt(c.streets().size()));
            return c.address().replace("{s}", street)
                    .replace("{n}", String.valueOf(c.code().equals("JP") ? 1 + r.nextInt(5) : 1 + r.nextInt(220)))
                    .replace("{k}", String.valueOf(1 + r.nextInt(30)))
                    .replace("{m}", String.valueOf(1 + r.nextInt(18)));
        }

        /** A valid number of the region in E.164: the library's example number with other last digits. */
        String phone(String region, boolean mobile, Random r) {
            if (!pooledPhones) {
                return freshPhone(region, mobile, r);
            }
            String[] pool = phonePools.computeIfAbsent(region + mobile, k -> {
                Random own = new Random(SEED ^ k.hashCode());
                String[] numbers = new String[200];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = freshPhone(region, mobile, own);
                }
                return numbers;
            });
            return pool[r.nextInt(pool.length)];
        }

        static String freshPhone(String region, boolean mobile, Random r) {
            PhoneNumber example = PHONES.getExampleNumberForType(region, mobile ? PhoneNumberType.MOBILE
                    : PhoneNumberType.FIXED_LINE);
            if (example == null) {
                example = PHONES.getExampleNumber(region);
            }
            String national = PHONES.getNationalSignificantNumber(example);
            int vary = Math.min(4, national.length() - 3);
            for (int attempt = 0; attempt < 40; attempt++) {
                StringBuilder digits = new StringBuilder(national.substring(0, national.length() - vary));
                for (int i = 0; i < vary; i++) {
                    digits.append(r.nextInt(10));
                }
                try {
                    PhoneNumber candidate = PHONES.parse("+" + example.getCountryCode() + digits, "ZZ");
                    if (PHONES.isValidNumberForRegion(candidate, region)) {
                        return PHONES.format(candidate, PhoneNumberFormat.E164);
                    }
                } catch (NumberParseException e) {
                    // try other digits
                }
            }
            return PHONES.format(example, PhoneNumberFormat.E164);
        }

        /** Lower-case ASCII for email local parts and domains: "Müller" → "mueller", "Łukasz" → "lukasz". */
        static String slug(String text, String lang, String separator) {
            String s = text.toLowerCase(Locale.ROOT);
            if (lang.equals("de")) {
                s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
            }
            s = s.replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("&", " ");
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
            s = s.replace("'", "");
            String joined = NOT_ALNUM.matcher(s.strip()).replaceAll(separator.isEmpty() ? "" : "-");
            if (!separator.isEmpty()) {
                joined = joined.replaceAll("^-+|-+$", "");
            }
            return joined;
        }

        private static String capitalise(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** Fixed lists: countries, names, company words, job titles. Fictional companies, real-looking. */
    static final class Vocabulary {

        record Names(List<String> male, List<String> female, List<String> last) {
        }

        private static List<City> cities(String... specs) {
            return Arrays.stream(specs).map(s -> {
                String[] p = s.split("\\|", -1);
                return new City(p[0], p[1], p[2].isEmpty() ? null : p[2], p.length > 3 ? p[3] : null);
            }).toList();
        }

        private static List<String> l(String csv) {
            return Arrays.stream(csv.split(",")).map(String::strip).toList();
        }

        static final List<Country> COUNTRIES = List.of(
                new Country("US", "en", "en", "com", l("Inc., LLC, Corp., Inc."),
                        cities("New York|10017|US-NY", "Chicago|60606|US-IL", "Austin|78701|US-TX",
                                "San Francisco|94105|US-CA", "Boston|02110|US-MA", "Denver|80202|US-CO",
                                "Seattle|98101|US-WA", "Atlanta|30303|US-GA", "Minneapolis|55402|US-MN"),
                        l("Main Street, Market Street, Park Avenue, Commerce Drive, Oak Avenue, Washington Street, Lakeview Drive, Industrial Parkway"),
                        "{n} {s}", l("Bluewater, Summit, Keystone, Pinecrest, Redwood, Lakeshore, Granite, Prairie, Ridgeline, Harborview"), 10, 40),
                new Country("GB", "en", "en", "co.uk", l("Ltd, Ltd, Ltd, PLC"),
                        cities("London|EC2A 4NE|GB-LND", "Manchester|M1 3BE|GB-MAN", "Birmingham|B3 2PP|GB-BIR",
                                "Leeds|LS1 4AP|GB-LDS", "Bristol|BS1 6HU|GB-BST", "Edinburgh|EH2 2ER|GB-EDH",
                                "Glasgow|G2 1DY|GB-GLG"),
                        l("High Street, Station Road, Church Road, Victoria Street, King Street, Mill Lane, Queen's Road"),
                        "{n} {s}", l("Thames, Pennine, Kingsbridge, Albion, Highgate, Hartwell, Cotswold, Northgate"), 15, 22),
                new Country("CA", "en", "en", "ca", l("Inc., Ltd., Inc."),
                        cities("Toronto|M5H 2N2|CA-ON", "Vancouver|V6C 3E8|CA-BC", "Montréal|H3B 4W8|CA-QC",
                                "Calgary|T2P 1J9|CA-AB", "Ottawa|K1P 5J2|CA-ON"),
                        l("Main Street, Queen Street, King Street, Wellington Street, Front Street, Church Street"),
                        "{n} {s}", l("Northshore, Laurentian, Cascadia, Frontenac, Muskoka, Fraser"), 10, 10),
                new Country("AU", "en", "en", "com.au", l("Pty Ltd"),
                        cities("Sydney|2000|AU-NSW", "Melbourne|3000|AU-VIC", "Brisbane|4000|AU-QLD", "Perth|6000|AU-WA",
                                "Adelaide|5000|AU-SA"),
                        l("George Street, Queen Street, King Street, Elizabeth Street, Market Street"),
                        "{n} {s}", l("Southern Cross, Coral Coast, Ironbark, Banksia, Harbourside, Wattle"), 15, 10),
                new Country("IE", "en", "en", "ie", l("Ltd, DAC"),
                        cities("Dublin|D02 X285|IE-D", "Cork|T12 YX62|IE-CO", "Galway|H91 E2K3|", "Limerick|V94 T9PX|"),
                        l("Main Street, Church Street, Bridge Street, Mill Street, Patrick Street"),
                        "{n} {s}", l("Liffey, Shannon, Clarendon, Atlantic, Burren, Wicklow"), 20, 5),
                new Country("NZ", "en", "en", "co.nz", l("Limited, Ltd"),
                        cities("Auckland|1010|NZ-AUK", "Wellington|6011|NZ-WGN", "Christchurch|8011|NZ-CAN"),
                        l("Queen Street, Victoria Street, High Street, Princes Street, Main Street"),
                        "{n} {s}", l("Kauri, Tasman, Rimu, Waitemata, Kowhai, Pohutukawa"), 20, 3),
                new Country("ZA", "en", "za", "co.za", l("(Pty) Ltd"),
                        cities("Johannesburg|2196|ZA-GP", "Cape Town|8001|ZA-WC", "Durban|4001|ZA-KZN", "Pretoria|0002|ZA-GP"),
                        l("Church Street, Main Road, Long Street, Voortrekker Road, Oxford Road"),
                        "{n} {s}", l("Table Bay, Highveld, Karoo, Protea, Drakensberg, Umhlanga"), 30, 4),
                new Country("SG", "en", "sg", "com.sg", l("Pte. Ltd."),
                        cities("Singapore|018956|", "Singapore|049315|", "Singapore|238859|", "Singapore|068898|"),
                        l("Robinson Road, Cecil Street, Orchard Road, Anson Road, Shenton Way"),
                        "{n} {s}", l("Straits, Marina, Orchid, Lion City, Kallang, Tanjong"), 30, 4),
                new Country("IN", "en", "in", "in", l("Pvt. Ltd., Pvt. Ltd., Ltd."),
                        cities("Mumbai|400001|IN-MH", "Bengaluru|560001|IN-KA", "Pune|411001|IN-MH",
                                "Hyderabad|500081|IN-TG"),
                        l("MG Road, Station Road, Park Street, Residency Road, Nehru Road"),
                        "{n} {s}", l("Sahyadri, Deccan, Kaveri, Vindhya, Ganga, Lotus"), 40, 8),
                new Country("DE", "de", "de", "de", l("GmbH, GmbH, GmbH, AG, GmbH & Co. KG"),
                        cities("Berlin|10115|DE-BE", "München|80331|DE-BY", "Hamburg|20095|DE-HH", "Stuttgart|70173|DE-BW",
                                "Köln|50667|DE-NW", "Frankfurt am Main|60311|DE-HE", "Leipzig|04109|DE-SN",
                                "Düsseldorf|40213|DE-NW"),
                        l("Hauptstraße, Bahnhofstraße, Industriestraße, Schillerstraße, Gartenstraße, Lindenallee, Kaiserstraße, Goethestraße"),
                        "{s} {n}", l("Nordlicht, Rheintal, Spree, Elbe, Isar, Schwarzwald, Taunus, Weser"), 10, 22),
                new Country("AT", "de", "de", "at", l("GmbH, GmbH, AG"),
                        cities("Wien|1010|AT-9", "Graz|8010|AT-6", "Linz|4020|AT-4", "Salzburg|5020|AT-5",
                                "Innsbruck|6020|AT-7"),
                        l("Hauptplatz, Bahnhofstraße, Hauptstraße, Landstraße, Kirchengasse"),
                        "{s} {n}", l("Alpenblick, Donau, Wienerwald, Tauern, Salzach"), 15, 6),
                new Country("CH", "de", "de", "ch", l("AG, GmbH, AG"),
                        cities("Zürich|8001|CH-ZH", "Basel|4051|CH-BS", "Bern|3011|CH-BE", "Luzern|6003|CH-LU",
                                "St. Gallen|9000|CH-SG"),
                        l("Bahnhofstrasse, Seestrasse, Hauptstrasse, Industriestrasse, Dorfstrasse"),
                        "{s} {n}", l("Alpstein, Limmat, Rigi, Säntis, Aare"), 15, 6),
                new Country("FR", "fr", "fr", "fr", l("SAS, SAS, SARL, SA"),
                        cities("Paris|75008|FR-75", "Lyon|69002|FR-69", "Toulouse|31000|FR-31", "Nantes|44000|FR-44",
                                "Lille|59000|FR-59", "Bordeaux|33000|FR-33", "Marseille|13001|FR-13",
                                "Strasbourg|67000|FR-67"),
                        l("rue de la République, avenue Jean Jaurès, rue Victor Hugo, rue Nationale, avenue de la Gare, rue du Commerce"),
                        "{n} {s}", l("Atlantique, Provence, Garonne, Armor, Seine, Vosges"), 15, 16),
                new Country("BE", "fr", "fr", "be", l("SA, SRL"),
                        cities("Bruxelles|1000|BE-BRU", "Liège|4000|BE-WLG", "Namur|5000|BE-WNA", "Charleroi|6000|BE-WHT"),
                        l("rue de la Station, rue Haute, rue de l'Église, rue du Marché, chaussée de Namur"),
                        "{s} {n}", l("Meuse, Ardenne, Sambre, Brabant, Escaut"), 15, 6),
                new Country("ES", "es", "es", "es", l("S.L., S.L., S.A."),
                        cities("Madrid|28001|ES-MD", "Barcelona|08001|ES-CT", "Valencia|46002|ES-VC", "Sevilla|41001|ES-AN",
                                "Bilbao|48001|ES-PV", "Zaragoza|50001|ES-AR", "Málaga|29001|ES-AN"),
                        l("Calle Mayor, Calle Real, Avenida de la Constitución, Calle Nueva, Calle del Carmen, Plaza de España"),
                        "{s} {n}", l("Levante, Cantábrico, Ibérica, Mediterránea, Guadalquivir, Moncayo, Gredos"), 45, 20),
                new Country("MX", "es", "es", "com.mx", l("S.A. de C.V."),
                        cities("Ciudad de México|06600|MX-CMX", "Guadalajara|44100|MX-JAL", "Monterrey|64000|MX-NLE",
                                "Puebla|72000|MX-PUE", "Querétaro|76000|MX-QUE", "Tijuana|22000|MX-BCN"),
                        l("Avenida Juárez, Calle Morelos, Calle Hidalgo, Avenida Revolución, Calle Madero, Avenida Constitución"),
                        "{s} {n}", l("Bajío, Sierra Madre, Anáhuac, Pacífico, Golfo, Huasteca"), 50, 16),
                new Country("AR", "es", "es", "com.ar", l("S.A., S.R.L."),
                        cities("Buenos Aires|C1001|AR-C", "Córdoba|X5000|AR-X", "Rosario|S2000|AR-S", "Mendoza|M5500|AR-M"),
                        l("Avenida San Martín, Calle Belgrano, Avenida Rivadavia, Calle Sarmiento, Calle Mitre"),
                        "{s} {n}", l("Pampa, Río de la Plata, Patagonia, Andes, Paraná, Cuyo"), 50, 8),
                new Country("CO", "es", "es", "com.co", l("S.A.S."),
                        cities("Bogotá|110111|CO-DC", "Medellín|050001|CO-ANT", "Cali|760001|CO-VAC",
                                "Barranquilla|080001|CO-ATL"),
                        l("Carrera 7, Calle 10, Carrera 43, Calle 50, Carrera 15"),
                        "{s} # {n}-{k}", l("Andina, Caribe, Magdalena, Sabana, Orinoco"), 50, 6),
                new Country("CL", "es", "es", "cl", l("SpA, Ltda., S.A."),
                        cities("Santiago|8320000|CL-RM", "Valparaíso|2340000|CL-VS", "Concepción|4030000|CL-BI",
                                "Antofagasta|1240000|CL-AN"),
                        l("Calle Arturo Prat, Avenida Bernardo O'Higgins, Calle Freire, Calle Colón, Calle Serrano"),
                        "{s} {n}", l("Austral, Pacífico, Cordillera, Atacama, Biobío, Maipo"), 50, 6),
                new Country("PT", "pt", "pt", "pt", l("Lda., Lda., S.A."),
                        cities("Lisboa|1100-148|PT-11", "Porto|4000-322|PT-13", "Braga|4700-035|PT-03",
                                "Coimbra|3000-141|PT-06"),
                        l("Rua Direita, Avenida da República, Rua do Comércio, Rua da Liberdade, Avenida Central"),
                        "{s}, {n}", l("Atlântico, Tejo, Douro, Minho, Algarve"), 40, 6),
                new Country("BR", "pt", "pt", "com.br", l("Ltda., Ltda., S.A."),
                        cities("São Paulo|01310-100|BR-SP", "Rio de Janeiro|20040-002|BR-RJ",
                                "Belo Horizonte|30130-010|BR-MG", "Curitiba|80010-000|BR-PR",
                                "Porto Alegre|90010-150|BR-RS", "Campinas|13015-904|BR-SP"),
                        l("Rua XV de Novembro, Avenida Brasil, Rua Sete de Setembro, Avenida Getúlio Vargas, Rua Tiradentes"),
                        "{s}, {n}", l("Paulista, Guanabara, Cerrado, Atlântica, Serra Verde, Ipê"), 55, 12),
                new Country("IT", "it", "it", "it", l("S.r.l., S.r.l., S.p.A."),
                        cities("Milano|20121|IT-MI", "Roma|00184|IT-RM", "Torino|10121|IT-TO", "Bologna|40121|IT-BO",
                                "Verona|37121|IT-VR", "Firenze|50123|IT-FI"),
                        l("Via Roma, Corso Italia, Via Garibaldi, Via Mazzini, Corso Vittorio Emanuele II, Via Dante"),
                        "{s} {n}", l("Adriatica, Tirreno, Dolomiti, Appennino, Padana, Laguna"), 45, 12),
                new Country("NL", "nl", "nl", "nl", l("B.V."),
                        cities("Amsterdam|1017 CE|NL-NH", "Rotterdam|3011 AD|NL-ZH", "Utrecht|3511 AX|NL-UT",
                                "Eindhoven|5611 AZ|NL-NB", "Den Haag|2511 BT|NL-ZH"),
                        l("Kerkstraat, Hoofdstraat, Stationsweg, Industrieweg, Dorpsstraat, Molenstraat"),
                        "{s} {n}", l("Noordzee, Delta, Polder, IJssel, Randstad, Zuiderzee"), 20, 10),
                new Country("SE", "sv", "sv", "se", l("AB"),
                        cities("Stockholm|111 52|SE-AB", "Göteborg|411 06|SE-O", "Malmö|211 20|SE-M", "Uppsala|753 20|SE-C"),
                        l("Storgatan, Kungsgatan, Drottninggatan, Industrivägen, Järnvägsgatan"),
                        "{s} {n}", l("Nordic, Mälar, Fjäll, Kattegatt, Norrland, Vättern"), 25, 6),
                new Country("PL", "pl", "pl", "pl", l("Sp. z o.o., Sp. z o.o., S.A."),
                        cities("Warszawa|00-001|PL-14", "Kraków|31-001|PL-12", "Wrocław|50-001|PL-02", "Poznań|61-001|PL-30",
                                "Gdańsk|80-001|PL-22"),
                        l("Długa, Polna, Kościuszki, Mickiewicza, Słowackiego, Piłsudskiego"),
                        "ul. {s} {n}", l("Wisła, Mazowsze, Bałtyk, Tatra, Warta, Odra"), 30, 6),
                new Country("JP", "ja", "ja", "co.jp", l("Co., Ltd."),
                        cities("Tokyo|100-0005|JP-13|Marunouchi", "Osaka|530-0001|JP-27|Umeda",
                                "Yokohama|220-0012|JP-14|Minatomirai", "Nagoya|450-0002|JP-23|Meieki",
                                "Fukuoka|810-0001|JP-40|Tenjin"),
                        l("Marunouchi"), "{n}-{m}-{k} {s}", l("Fuji, Sakura, Kanto, Setouchi, Hokuto, Mizuho"), 20, 6));

        static final Map<String, Names> NAMES = Map.ofEntries(
                Map.entry("en", new Names(
                        l("James, Michael, David, Daniel, Matthew, Andrew, Thomas, Christopher, Ryan, Benjamin, Samuel, Nathan, Oliver, Jack, Ethan, Luke, Aaron, Patrick, Kevin, Brian"),
                        l("Sarah, Emily, Jessica, Laura, Rachel, Hannah, Megan, Olivia, Sophie, Charlotte, Emma, Grace, Rebecca, Amy, Chloe, Lucy, Natalie, Victoria, Claire, Jennifer"),
                        l("Smith, Johnson, Williams, Brown, Taylor, Walker, Harris, Clarke, Wright, Mitchell, Turner, Collins, Murphy, Bennett, Hughes, Reed, Foster, Campbell, Parker, Morgan, Cooper, Hayes, Russell, Fletcher, Sullivan, Graham, Porter, Ellis, Barnes, Hamilton"))),
                Map.entry("za", new Names(
                        l("Thabo, Sipho, Pieter, Johan, Andile, Themba, Ryan, Michael, Kagiso, Dewald"),
                        l("Nomvula, Lerato, Anke, Elize, Zanele, Thandiwe, Lauren, Megan, Naledi, Karin"),
                        l("Nkosi, Dlamini, van der Merwe, Botha, Naidoo, Mokoena, Pretorius, Khumalo, Smith, Venter, Ndlovu, du Plessis"))),
                Map.entry("sg", new Names(
                        l("Wei Jie, Jun Hao, Marcus, Daniel, Ravi, Hafiz, Kelvin, Jonathan"),
                        l("Hui Min, Xin Yi, Rachel, Nurul, Priya, Jasmine, Michelle, Grace"),
                        l("Tan, Lim, Lee, Ng, Wong, Goh, Chua, Teo, Koh, Rahman, Pillai, Ong"))),
                Map.entry("in", new Names(
                        l("Rahul, Amit, Vikram, Arjun, Sanjay, Rohan, Anil, Karthik, Suresh, Pradeep, Nikhil, Rajesh"),
                        l("Priya, Ananya, Neha, Kavya, Deepa, Shreya, Meera, Pooja, Divya, Lakshmi, Sunita, Aishwarya"),
                        l("Sharma, Patel, Iyer, Reddy, Nair, Gupta, Mehta, Rao, Kulkarni, Joshi, Menon, Chatterjee, Desai, Kapoor, Bhat, Agarwal"))),
                Map.entry("de", new Names(
                        l("Thomas, Michael, Andreas, Stefan, Markus, Tobias, Florian, Jan, Lukas, Matthias, Christian, Alexander, Felix, Jonas, Sebastian, Daniel"),
                        l("Julia, Anna, Katharina, Laura, Sabine, Claudia, Nicole, Lena, Sarah, Stefanie, Christina, Miriam, Johanna, Sandra, Lisa, Franziska"),
                        l("Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schulz, Koch, Richter, Wolf, Bauer, Krüger, Hartmann, Lange, Brandt, Keller, Vogel, Huber, Gruber, Steiner, Moser"))),
                Map.entry("fr", new Names(
                        l("Julien, Nicolas, Thomas, Antoine, Maxime, Pierre, Guillaume, Romain, Alexandre, Mathieu, Sébastien, Olivier, Hugo, Louis"),
                        l("Camille, Julie, Marie, Sophie, Claire, Émilie, Céline, Aurélie, Manon, Chloé, Léa, Pauline, Isabelle, Nathalie"),
                        l("Martin, Bernard, Dubois, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel, Girard, Roux, Fournier, Morel, Lambert, Fontaine, Rousseau, Chevalier, Dupont, Lemaire, Renard"))),
                Map.entry("es", new Names(
                        l("Javier, Carlos, Alejandro, Miguel, Pablo, Sergio, Diego, Andrés, Juan, Luis, Fernando, Jorge, Raúl, Manuel, Santiago, Mateo"),
                        l("Lucía, María, Laura, Carmen, Ana, Paula, Elena, Marta, Sofía, Valentina, Isabel, Cristina, Gabriela, Daniela, Camila, Patricia"),
                        l("García, Martínez, López, Sánchez, Pérez, Gómez, Fernández, Rodríguez, Díaz, Moreno, Romero, Navarro, Torres, Ramírez, Flores, Herrera, Castillo, Vargas, Morales, Ortega, Rojas, Mendoza, Aguilar, Ibarra, Fuentes, Salazar"))),
                Map.entry("pt", new Names(
                        l("João, Pedro, Tiago, Rafael, Lucas, Gabriel, Bruno, Rodrigo, Miguel, André, Gustavo, Felipe, Ricardo, Diogo"),
                        l("Ana, Beatriz, Mariana, Inês, Juliana, Camila, Fernanda, Larissa, Carolina, Sofia, Patrícia, Rita, Letícia, Renata"),
                        l("Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Rodrigues, Almeida, Carvalho, Gomes, Martins, Ribeiro, Lima, Araújo, Barbosa, Cardoso, Teixeira, Moreira, Rocha"))),
                Map.entry("it", new Names(
                        l("Marco, Luca, Alessandro, Andrea, Matteo, Francesco, Davide, Simone, Lorenzo, Giovanni, Stefano, Riccardo"),
                        l("Giulia, Francesca, Chiara, Sara, Valentina, Elena, Martina, Federica, Alessia, Silvia, Laura, Paola"),
                        l("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Costa, Giordano, Mancini, Rizzo, Lombardi, Moretti"))),
                Map.entry("nl", new Names(
                        l("Jan, Pieter, Daan, Bas, Sander, Thijs, Joost, Ruben, Maarten, Wouter, Jeroen, Lars"),
                        l("Sanne, Anouk, Lotte, Femke, Eva, Lieke, Marieke, Iris, Esther, Nienke, Fleur, Linda"),
                        l("de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker"))),
                Map.entry("sv", new Names(
                        l("Erik, Lars, Anders, Johan, Magnus, Per, Oskar, Gustav, Henrik, Fredrik, Niklas, Mattias"),
                        l("Anna, Maria, Karin, Sara, Emma, Elin, Johanna, Linnea, Ida, Maja, Sofia, Frida"),
                        l("Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Lindqvist, Berg, Lindberg, Holm, Sjöberg, Ek, Forsberg"))),
                Map.entry("pl", new Names(
                        l("Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Jakub, Łukasz, Adam, Kamil, Mateusz, Grzegorz"),
                        l("Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Aleksandra, Monika, Natalia, Karolina, Ewa, Marta, Zuzanna"),
                        l("Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Mazur, Krawczyk"))),
                Map.entry("ja", new Names(
                        l("Hiroshi, Takashi, Kenji, Daisuke, Satoshi, Kazuki, Ryo, Shota, Haruto, Naoki, Tetsuya, Yusuke"),
                        l("Yuko, Akiko, Naomi, Haruka, Emi, Ayaka, Mai, Sakura, Yui, Kaori, Megumi, Rina"),
                        l("Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Matsumoto, Inoue, Kimura, Hayashi"))));

        static final Map<String, List<String>> INDUSTRIES = Map.ofEntries(
                Map.entry("en", l("Logistics, Analytics, Engineering, Manufacturing, Software, Foods, Healthcare, Construction, Consulting, Packaging, Energy, Systems, Labs, Interiors, Freight, Components, Solutions, Pharma, Textiles, Media")),
                Map.entry("de", l("Logistik, Maschinenbau, Antriebstechnik, Elektrotechnik, Software, Medizintechnik, Bau, Verpackung, Feinmechanik, Energietechnik, Beratung, Lebensmittel, Metallbau, Druck, Systemhaus, Kunststofftechnik")),
                Map.entry("es", l("Logística, Ingeniería, Construcciones, Alimentos, Distribuciones, Consultores, Tecnología, Energía, Transportes, Envases, Soluciones, Inmobiliaria, Laboratorios, Textil, Automatización")),
                Map.entry("fr", l("Transports, Ingénierie, Conseil, Bâtiment, Emballages, Informatique, Énergie, Distribution, Logistique, Industries, Agroalimentaire, Mécanique, Électricité, Systèmes, Menuiserie, Imprimerie")),
                Map.entry("pt", l("Engenharia, Logística, Alimentos, Construtora, Tecnologia, Transportes, Consultoria, Energia, Embalagens, Distribuidora, Metalúrgica, Sistemas, Têxtil, Soluções")),
                Map.entry("it", l("Meccanica, Logistica, Costruzioni, Alimentari, Tecnologie, Impianti, Trasporti, Consulting, Imballaggi, Elettronica, Arredamenti, Energia, Automazione, Ceramiche, Tessile")),
                Map.entry("nl", l("Logistiek, Techniek, Bouw, Installatietechniek, Software, Verpakkingen, Advies, Transport, Metaal, Voeding, Energie, Automatisering")),
                Map.entry("sv", l("Bygg, Logistik, Teknik, Mekaniska, Konsult, Data, Energi, Transport, Förpackningar, Elektronik, Industri, Livsmedel")),
                Map.entry("pl", l("Transport, Budownictwo, Logistyka, Technologie, Systemy, Energia, Opakowania, Inżynieria, Dystrybucja, Meble, Elektronika, Automatyka")),
                Map.entry("ja", l("Seiki, Kogyo, Shoji, Denki, Kensetsu, Butsuryu, Sangyo, Seisakusho, Systems, Foods, Engineering, Trading")));

        /** {S} a surname, {S2} another one, {P} a place or brand word of the country, {I} an industry. */
        static final Map<String, List<String>> PATTERNS = Map.ofEntries(
                Map.entry("en", l("{S} {I}, {P} {I}, {S} & {S2}, {P} {I}")),
                Map.entry("de", l("{S} {I}, {P} {I}, {S} & {S2}, {S} {I}")),
                Map.entry("es", l("{I} {S}, {P} {I}, Grupo {P}, {S} y {S2}")),
                Map.entry("fr", l("{I} {S}, {P} {I}, {S} & {S2}, {S} {I}")),
                Map.entry("pt", l("{S} {I}, {P} {I}, {S} & {S2}, {I} {P}")),
                Map.entry("it", l("{I} {S}, {P} {I}, {S} & {S2}, {S} {I}")),
                Map.entry("nl", l("{S} {I}, {P} {I}, {S} & {S2}")),
                Map.entry("sv", l("{S} {I}, {P} {I}, {S}s {I}")),
                Map.entry("pl", l("{P} {I}, {S} {I}, {I} {P}")),
                Map.entry("ja", l("{S} {I}, {P} {I}")));

        private static Title t(String role, String seniority, int weight, String en, String es, String de, String fr,
                String pt, String it) {
            return new Title(role, seniority, weight, Map.of("en", en, "es", es, "de", de, "fr", fr, "pt", pt, "it", it));
        }

        /** Buyer-side job titles: English, Spanish, German, French, Portuguese, Italian ("male|female"). */
        static final List<Title> TITLES = List.of(
                t("ceo", "executive", 8, "Chief Executive Officer", "Director General|Directora General",
                        "Geschäftsführer|Geschäftsführerin", "Directeur général|Directrice générale",
                        "Diretor-Geral|Diretora-Geral", "Amministratore Delegato|Amministratrice Delegata"),
                t("founder", "executive", 3, "Founder", "Fundador|Fundadora", "Gründer|Gründerin",
                        "Fondateur|Fondatrice", "Fundador|Fundadora", "Fondatore|Fondatrice"),
                t("finance", "executive", 5, "Chief Financial Officer", "Director Financiero|Directora Financiera",
                        "Kaufmännischer Leiter|Kaufmännische Leiterin", "Directeur financier|Directrice financière",
                        "Diretor Financeiro|Diretora Financeira", "Direttore Finanziario|Direttrice Finanziaria"),
                t("operations", "executive", 4, "Chief Operating Officer", "Director de Operaciones|Directora de Operaciones",
                        "Betriebsleiter|Betriebsleiterin", "Directeur des opérations|Directrice des opérations",
                        "Diretor de Operações|Diretora de Operações", "Direttore Operativo|Direttrice Operativa"),
                t("information_technology", "director", 6, "IT Director", "Director de Sistemas|Directora de Sistemas",
                        "IT-Leiter|IT-Leiterin", "Directeur des systèmes d'information|Directrice des systèmes d'information",
                        "Diretor de TI|Diretora de TI", "Responsabile IT"),
                t("sale", "director", 8, "Head of Sales", "Director Comercial|Directora Comercial",
                        "Vertriebsleiter|Vertriebsleiterin", "Directeur commercial|Directrice commerciale",
                        "Diretor Comercial|Diretora Comercial", "Direttore Commerciale|Direttrice Commerciale"),
                t("marketing", "manager", 8, "Marketing Manager", "Responsable de Marketing",
                        "Marketingleiter|Marketingleiterin", "Responsable marketing", "Gerente de Marketing",
                        "Responsabile Marketing"),
                t("operations", "manager", 9, "Purchasing Manager", "Jefe de Compras|Jefa de Compras",
                        "Einkaufsleiter|Einkaufsleiterin", "Responsable des achats", "Gerente de Compras",
                        "Responsabile Acquisti"),
                t("human_resources", "manager", 5, "HR Manager", "Jefe de RR. HH.|Jefa de RR. HH.",
                        "Personalleiter|Personalleiterin", "Responsable RH", "Gerente de RH",
                        "Responsabile Risorse Umane"),
                t("information_technology", "manager", 8, "IT Manager", "Jefe de Sistemas|Jefa de Sistemas",
                        "IT-Manager|IT-Managerin", "Responsable informatique", "Gerente de TI", "IT Manager"),
                t("operations", "manager", 8, "Operations Manager", "Gerente de Operaciones",
                        "Leiter Logistik|Leiterin Logistik", "Responsable logistique", "Gerente de Operações",
                        "Responsabile Logistica"),
                t("finance", "manager", 5, "Financial Controller", "Jefe de Contabilidad|Jefa de Contabilidad",
                        "Controller|Controllerin", "Contrôleur de gestion|Contrôleuse de gestion", "Controller",
                        "Controller"),
                t("operations", "manager", 5, "Office Manager", "Responsable de Administración", "Office Manager|Office Managerin",
                        "Responsable administratif|Responsable administrative",
                        "Gerente Administrativo|Gerente Administrativa",
                        "Responsabile Amministrativo|Responsabile Amministrativa"),
                t("owner", "executive", 4, "Owner", "Propietario|Propietaria", "Inhaber|Inhaberin", "Gérant|Gérante",
                        "Sócio-Proprietário|Sócia-Proprietária", "Titolare"),
                t("customer_service", "manager", 4, "Customer Service Manager",
                        "Responsable de Atención al Cliente", "Leiter Kundenservice|Leiterin Kundenservice",
                        "Responsable service client", "Gerente de Atendimento", "Responsabile Servizio Clienti"),
                t("engineering", "director", 5, "Head of Engineering", "Director de Ingeniería|Directora de Ingeniería",
                        "Leiter Entwicklung|Leiterin Entwicklung", "Directeur technique|Directrice technique",
                        "Diretor de Engenharia|Diretora de Engenharia", "Direttore Tecnico|Direttrice Tecnica"));

        static final int[] TITLE_WEIGHTS = TITLES.stream().mapToInt(Title::weight).toArray();

        private Vocabulary() {
        }
    }

    /** Texts a sales team writes: deal names, notes, lost reasons. English, as the demo users write them. */
    static final class Texts {

        static final List<String> TOPICS = List.of(
                "{n} user licences", "annual support contract", "pilot project", "website relaunch",
                "ERP integration", "framework agreement", "fleet upgrade", "training programme",
                "expansion to {city}", "contract renewal", "cloud migration", "consulting package",
                "maintenance contract", "onboarding package", "{n} additional seats", "new warehouse equipment",
                "managed services", "data platform", "upgrade to premium plan", "second site roll-out");

        static final List<String> SOURCES = List.of(
                "Inbound request from the website contact form.", "Referral from an existing customer.",
                "Met at a trade show.", "Outbound campaign: target list of the quarter.",
                "Referred by a partner.", "Downloaded the product brochure and asked for a call.",
                "Former customer, came back after their contract elsewhere ended.",
                "Asked for a quote by email.");

        static final List<String> NOTES = List.of(
                "Call with {contact}: they are comparing three vendors and want a proposal by the end of the month.",
                "{contact} asked for references from customers in the same industry. Sent two case studies.",
                "Budget confirmed for next quarter. The decision is taken by {contact} together with their CFO.",
                "Demo went well. Main concern is the data migration from their current system.",
                "Left a voicemail for {contact}, will try again on Thursday.",
                "Sent pricing for {n} users with the annual-payment discount.",
                "Their legal team has to review the contract; expect two to three weeks.",
                "Met {contact} at the trade show. Interested in a pilot for one department first.",
                "Follow-up email sent with the meeting notes and next steps.",
                "A competitor offered a lower price, but {contact} values our support and onboarding.",
                "{contact} asked for a 10% discount. Agreed with my manager: at most 5% for a two-year term.",
                "Technical questions answered by pre-sales; waiting for their IT security review.",
                "Procurement needs our vendor registration form. Filled in and sent back.",
                "{contact} is on holiday until next week; call moved.",
                "NDA signed. Workshop on their requirements scheduled for next week.",
                "Visited their office in {city}. Good meeting with {contact} and two people from operations.",
                "They want to start with {n} users and grow after six months.",
                "Quote updated: added installation and training days.",
                "{contact} forwarded our proposal to the board. Decision expected at their next meeting.",
                "No answer to the last two emails. Sent a short check-in.");

        static final List<String> WON_NOTES = List.of(
                "Contract signed! Kick-off meeting booked with {contact}.",
                "Purchase order received. Handing over to onboarding.",
                "Signed for {n} users. {contact} already asked about the next phase.");

        static final List<String> ARCHIVE_NOTES = List.of(
                "Duplicate of another record for the same company; archiving this one.",
                "{contact} left the company and nobody took over the project.",
                "Company was acquired; the new owner buys centrally.");

        /** A lost reason and the note explaining it. */
        static final List<String[]> LOST = List.of(
                new String[] {"Too expensive", "{contact} says our offer is above their budget, even with the discount."},
                new String[] {"Chose a competitor", "They went with a competitor that already integrates with their ERP."},
                new String[] {"No budget this year", "Budget for the project was cut. {contact} suggests we talk again next year."},
                new String[] {"Project cancelled", "The project was cancelled after a reorganisation."},
                new String[] {"No response", "No reply after several follow-ups over six weeks."},
                new String[] {"Not the right fit", "Their requirements turned out to need heavy customisation; not a good fit."},
                new String[] {"Went with an in-house solution", "Their IT team decided to build it themselves."},
                new String[] {"Timing: revisit next year", "{contact} wants to wait until their current contract ends."});

        /** Tags that contradict each other, by name, both ways. */
        static final Map<String, String> EXCLUSIVE = Map.of("Hot", "Cold", "Cold", "Hot", "Enterprise", "SMB",
                "SMB", "Enterprise");

        static String pick(List<String> list, Random r) {
            return list.get(r.nextInt(list.size()));
        }

        private Texts() {
        }
    }
}
