package com.vetacrm.directory;

import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.Exclusions;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.leadsource.SourceCriteria;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of lead mining over the directory (DESIGN §5.5, §5.8), shaped for 1,000,000 companies.
 * <p>
 * The states rule makes the filtered set a union of <em>branches</em>: one per chosen country without a
 * chosen state ({@code country_code = ?}) and one per chosen state ({@code state_code = ?}; a state code
 * names its country). Branches are disjoint, so counts are sums of per-branch counts, each a range read
 * of an index led by the branch column and the industry. The selection walks, per branch and industry,
 * the {@code (…, industry_code, rank, employees, ref, domain)} indexes of changes 0018 and 0023 in rank order,
 * size and "not known" checked on the way, each walk from its mark (change 0024: below it the CRM knows every
 * company) and for about its share of the answer, and merges the walks by rank. That never sorts the whole
 * matching set (the first plan seen sorted 7,700 rows). Asking the exclusions about a batch of candidates
 * instead (set questions, as for a source outside the database) was slower: 8.2 ms against 5.5 ms for the walk of
 * a 200-company job on the benchmark, the domain lookup alone 3.4 ms.
 */
@Component
class DirectoryMiningQueries {

    /** Beyond this many branch × industry walks one statement with a sort is cheaper than a long UNION. */
    static final int MAX_WALKS = 64;

    private final JdbcClient jdbc;
    private volatile Map<String, TechnologyName> technologyNames;
    /** Runs half of a mining selection's walks on a connection of its own while the caller runs the other half. */
    private final ExecutorService secondReads;

    DirectoryMiningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        AtomicInteger n = new AtomicInteger();
        // two: the mining jobs of one node run two at a time at most
        this.secondReads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "directory-reads-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        secondReads.shutdownNow();
    }

    /** One part of the states rule: every company of a country, or of one state. */
    record Branch(String column, String code) {
    }

    static List<Branch> branches(SourceCriteria c) {
        List<Branch> branches = new ArrayList<>();
        c.countriesWithoutStates().forEach(code ->
                branches.add(new Branch("country_code", code)));
        c.stateCodes().forEach(code ->
                branches.add(new Branch("state_code", code)));
        return branches;
    }

    /** Companies of the chosen countries, from the per country/state/industry counts (change 0020). */
    long countCountries(SourceCriteria c) {
        return jdbc.sql("SELECT COALESCE(SUM(companies), 0) FROM directory_count WHERE country_code IN (:countries)")
                .param("countries", c.countryCodes())
                .query(Long.class).single();
    }

    /** Companies the states rule keeps, optionally of the chosen industries only: sums of per-branch counts. */
    long countBranches(SourceCriteria c, boolean ofIndustries) {
        long sum = 0;
        for (Branch b : branches(c)) {
            var spec = jdbc.sql("SELECT COALESCE(SUM(companies), 0) FROM directory_count WHERE " + b.column() + " = :code"
                            + (ofIndustries ? " AND industry_code IN (:industries)" : ""))
                    .param("code", b.code());
            if (ofIndustries) {
                spec = spec.param("industries", c.industryCodes());
            }
            sum += spec.query(Long.class).single();
        }
        return sum;
    }

    /** Companies within the size range: a range read of each branch's (…, industry, employees) index. */
    long countSize(SourceCriteria c) {
        long sum = 0;
        for (Branch b : branches(c)) {
            Map<String, Object> params = new HashMap<>();
            sum += jdbc.sql("SELECT COUNT(*) FROM directory_company c WHERE " + branchWhere(c, b, "", params))
                    .params(params).query(Long.class).single();
        }
        return sum;
    }

    /** Matching companies the CRM does not know, with the exclusion evaluated in the database. */
    long countNotKnown(SourceCriteria c, Exclusions.SqlAntiJoins excluded) {
        Exclusions.AntiJoin notKnown = excluded.companyNotKnown("c.ref", "c.domain");
        long sum = 0;
        for (Branch b : branches(c)) {
            Map<String, Object> params = new HashMap<>();
            String where = branchWhere(c, b, "", params) + " AND " + notKnown.none();
            sum += jdbc.sql("SELECT COUNT(*) FROM directory_company c" + notKnown.joins() + " WHERE " + where)
                    .params(params).query(Long.class).single();
        }
        return sum;
    }

    /** How many of these companies the CRM does not know. */
    long countNotKnown(List<Long> ids, Exclusions.SqlAntiJoins excluded) {
        Exclusions.AntiJoin notKnown = excluded.companyNotKnown("c.ref", "c.domain");
        return jdbc.sql("SELECT COUNT(*) FROM directory_company c" + notKnown.joins() + " WHERE c.id IN (:ids) AND "
                        + notKnown.none())
                .param("ids", ids).query(Long.class).single();
    }

    /** Up to {@code limit} matching companies after {@code afterRank} in rank order, known or not. */
    List<Candidate> candidates(SourceCriteria c, long afterRank, int limit) {
        return select(c, Optional.empty(), afterRank, limit).kept();
    }

    /**
     * The first {@code limit} matching companies the CRM does not know, in rank order, and what moving the walks'
     * marks needs once they are delivered ({@link #advanceMarks(Walked, Set, Exclusions.SqlAntiJoins)}).
     */
    Walked notKnown(SourceCriteria c, Exclusions.SqlAntiJoins excluded, int limit) {
        return select(c, Optional.of(excluded), Long.MIN_VALUE, limit);
    }

    private Walked select(SourceCriteria c, Optional<Exclusions.SqlAntiJoins> excluded, long afterRank, int limit) {
        List<Branch> branches = branches(c);
        if (branches.size() * c.industryCodes().size() <= MAX_WALKS) {
            return walked(c, excluded, afterRank, limit);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterRank);
        params.put("limit", limit);
        Exclusions.AntiJoin notKnown = excluded.map(x -> x.companyNotKnown("c.ref", "c.domain"))
                .orElse(Exclusions.AntiJoin.KEEP_ALL);
        String branchOr = orOfBranches(branches, params);
        params.put("industries", c.industryCodes());
        String sql = "SELECT c.id, c.ref, c.domain, c.rank FROM directory_company c" + notKnown.joins() + " WHERE ("
                + branchOr + ") AND c.industry_code IN (:industries)" + sizeWhere(c, params) + " AND c.rank > :after AND "
                + notKnown.none() + " ORDER BY c.rank LIMIT :limit";
        return Walked.sorted(jdbc.sql(sql).params(params)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }

    record Candidate(long id, String ref, String domain, long rank) {
    }

    /**
     * What a selection found: the candidates kept, in rank order, and, when they came from walks, each walk's
     * candidates, whether it ran out, and the segments' versions and the marks it started from.
     */
    record Walked(List<Candidate> kept, SourceCriteria criteria, List<Walk> walks, Map<Walk, long[]> segments,
            Map<Walk, Long> marks, List<List<Candidate>> perWalk, boolean[] exhausted) {

        /** Candidates of one statement with a sort: no walks, so no marks to move. */
        static Walked sorted(List<Candidate> kept) {
            return new Walked(kept, null, List.of(), Map.of(), Map.of(), List.of(), new boolean[0]);
        }
    }

    /**
     * The walks, one per branch and industry, each in rank order from its mark (when the exclusions apply) and
     * merged by rank. Ranks are random, so each walk's share of the first {@code limit} is about its share of the
     * companies: it is asked for that share and some more, not for {@code limit} (four walks used to read 800
     * candidates, with their probes, to keep 200). A walk that returned all it was asked for and whose last
     * candidate ranks before the merge's last kept one may hold more that belong in the answer: it is asked again,
     * after its last candidate, until none is in that case.
     */
    private Walked walked(SourceCriteria c, Optional<Exclusions.SqlAntiJoins> excluded, long afterRank, int limit) {
        List<Walk> walks = walks(c);
        Segments read = segments(c, excluded.isPresent());
        Map<Walk, long[]> segments = read.counts();
        Map<Walk, Long> marks = read.validMarks();
        long total = segments.values().stream().mapToLong(v -> v[0]).sum();
        Exclusions.AntiJoin notKnown = excluded.map(x -> x.companyNotKnown("c.ref", "c.domain"))
                .orElse(Exclusions.AntiJoin.KEEP_ALL);
        int n = walks.size();
        long[] after = new long[n];
        int[] ask = new int[n];
        boolean[] more = new boolean[n];
        boolean[] exhausted = new boolean[n];
        List<List<Candidate>> got = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            after[w] = afterRank;
            long share = total == 0 ? limit : (long) Math.ceil(limit * 1.25 * segments.get(walks.get(w))[0] / total) + 8;
            ask[w] = (int) Math.min(limit, share);
            more[w] = true;
            got.add(new ArrayList<>());
        }
        while (true) {
            Map<String, Object> params = new HashMap<>();
            List<String> selects = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                if (!more[w]) {
                    continue;
                }
                Walk walk = walks.get(w);
                String p = "w" + w;
                params.put(p + "code", walk.code());
                params.put(p + "industry", walk.industry());
                params.put(p + "after", after[w]);
                params.put(p + "limit", ask[w]);
                String from = "";
                Long mark = marks.get(walk);
                if (mark != null) {
                    // below a valid mark the CRM knows every company: with the exclusions applied, start there
                    params.put(p + "from", mark);
                    from = " AND c.rank >= :" + p + "from";
                }
                selects.add("(SELECT " + w + " AS walk, c.id, c.ref, c.domain, c.rank FROM directory_company c FORCE INDEX ("
                        + walk.index() + ")" + notKnown.joins() + " WHERE c." + walk.branch() + " = :" + p
                        + "code AND c.industry_code = :" + p + "industry" + sizeWhere(c, params) + " AND c.rank > :" + p
                        + "after" + from + " AND " + notKnown.none() + " ORDER BY c.rank LIMIT :" + p + "limit)");
            }
            int[] returned = new int[n];
            for (WalkRow row : excluded.isPresent() ? walkRowsSplit(selects, params)
                    : walkRows(String.join(" UNION ALL ", selects), params)) {
                returned[row.walk()]++;
                got.get(row.walk()).add(row.candidate());
            }
            List<Candidate> all = new ArrayList<>();
            got.forEach(all::addAll);
            all.sort(java.util.Comparator.comparingLong(Candidate::rank));
            List<Candidate> merged = all.size() > limit ? all.subList(0, limit) : all;
            long cutoff = merged.size() == limit ? merged.getLast().rank() : Long.MAX_VALUE;
            boolean again = false;
            for (int w = 0; w < n; w++) {
                if (more[w]) {
                    List<Candidate> mine = got.get(w);
                    exhausted[w] = returned[w] < ask[w];
                    more[w] = !exhausted[w] && !mine.isEmpty() && mine.getLast().rank() < cutoff;
                    if (more[w]) {
                        after[w] = mine.getLast().rank();
                        ask[w] = Math.min(limit, ask[w] * 2);
                        again = true;
                    }
                }
            }
            if (!again) {
                return new Walked(List.copyOf(merged), c, walks, segments, marks, got, exhausted);
            }
        }
    }

    private record WalkRow(int walk, Candidate candidate) {
    }

    /**
     * The rows of these walks' statements, for a mining selection: the first half of them run on a second connection
     * while this one runs the rest, so MariaDB reads two walks at a time on two cores (a four-walk selection of 200
     * companies: 3.8 ms of a mining job's statements). In jobs that alternated the two ways in one run, split walks
     * made the job 0.3, 1.7 and 1.8 ms faster (medians of 20 to 30 jobs each way). The second connection is outside
     * the caller's transaction, so it sees what is committed when its statement starts: what a mining job's own
     * statements see (READ COMMITTED), and the job has written nothing yet when it selects.
     * <p>
     * Whoever starts the first half first runs it: when both threads are busy (a third job at once) the caller runs
     * it after its own, and never waits for a half that has not started. Only mining jobs split, so at most one
     * second connection per job is taken from the pool while the job holds its own (docs/operations.md).
     */
    private List<WalkRow> walkRowsSplit(List<String> selects, Map<String, Object> params) {
        String first = String.join(" UNION ALL ", selects.subList(0, selects.size() / 2));
        String rest = String.join(" UNION ALL ", selects.subList(selects.size() / 2, selects.size()));
        if (first.isEmpty()) {
            return walkRows(rest, params);
        }
        AtomicBoolean firstTaken = new AtomicBoolean();
        CompletableFuture<List<WalkRow>> firstRows = inParallel(
                () -> firstTaken.compareAndSet(false, true) ? walkRows(first, params) : List.of());
        List<WalkRow> rows;
        try {
            rows = new ArrayList<>(walkRows(rest, params));
        } catch (RuntimeException e) {
            firstTaken.set(true);  // a half that has not started need not run
            throw e;
        }
        rows.addAll(firstTaken.compareAndSet(false, true) ? walkRows(first, params) : await(firstRows));
        return rows;
    }

    private List<WalkRow> walkRows(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query((rs, i) -> new WalkRow(rs.getInt(1),
                new Candidate(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))).list();
    }

    /** A read started on a thread of its own; done on this one when those are stopping. */
    private <T> CompletableFuture<T> inParallel(java.util.function.Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read, secondReads);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(read.get());
        }
    }

    /** The read's result, or its failure as it was thrown (a DataAccessException stays one). */
    private static <T> T await(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One rank walk: a branch (country or state) and an industry; the key of its mark. */
    record Walk(String branch, String code, String industry) {
        /** The walk's index (change 0018, covering since 0023): led by the branch column, the industry, the rank. */
        String index() {
            return branch.equals("country_code") ? "ix_directory_company_country_rank" : "ix_directory_company_state_rank";
        }
    }

    private static List<Walk> walks(SourceCriteria c) {
        List<Walk> walks = new ArrayList<>();
        for (Branch b : branches(c)) {
            c.industryCodes().forEach(industry -> walks.add(new Walk(b.column(), b.code(), industry)));
        }
        return walks;
    }

    /** Per walk, its segment's companies and version, and the walk's mark if it is still valid. */
    private record Segments(Map<Walk, long[]> counts, Map<Walk, Long> validMarks) {
    }

    /**
     * Per walk, its segment's companies and version (change 0024) from directory_count: the version is the largest
     * of the segment's rows, drawn from a sequence by every change that could make one of its companies unknown
     * again. A segment without companies has 0 of both. With {@code withMarks}, the same statement reads the walks'
     * marks (one round trip of a mining job instead of two); a mark is valid while its segment's version is the one
     * it was set at.
     */
    private Segments segments(SourceCriteria c, boolean withMarks) {
        Map<Walk, long[]> segments = new HashMap<>();
        List<Walk> walks = walks(c);
        walks.forEach(w -> segments.put(w, new long[2]));
        List<String> countries = c.countriesWithoutStates().stream().toList();
        List<String> states = c.stateCodes().stream().toList();
        List<String> parts = new ArrayList<>();
        if (!countries.isEmpty()) {
            parts.add("SELECT 'segment', 'country_code', country_code, industry_code, SUM(companies), MAX(version)"
                    + " FROM directory_count WHERE country_code IN (:countries) AND industry_code IN (:industries)"
                    + " GROUP BY country_code, industry_code");
        }
        if (!states.isEmpty()) {
            parts.add("SELECT 'segment', 'state_code', state_code, industry_code, SUM(companies), MAX(version)"
                    + " FROM directory_count WHERE state_code IN (:states) AND industry_code IN (:industries)"
                    + " GROUP BY state_code, industry_code");
        }
        if (parts.isEmpty() || c.industryCodes().isEmpty()) {
            return new Segments(segments, Map.of());
        }
        if (withMarks) {
            parts.add("SELECT 'mark', branch, code, industry_code, known_below, segment_version FROM directory_walk_mark"
                    + " WHERE code IN (:codes) AND industry_code IN (:industries)");
        }
        var spec = jdbc.sql(String.join(" UNION ALL ", parts)).param("industries", c.industryCodes());
        if (!countries.isEmpty()) {
            spec = spec.param("countries", countries);
        }
        if (!states.isEmpty()) {
            spec = spec.param("states", states);
        }
        if (withMarks) {
            spec = spec.param("codes", walks.stream().map(Walk::code).distinct().toList());
        }
        Map<Walk, long[]> marks = new HashMap<>();
        spec.query((ResultSet rs) -> {
            Walk w = new Walk(rs.getString(2), rs.getString(3), rs.getString(4));
            (rs.getString(1).equals("mark") ? marks : segments).put(w, new long[] {rs.getLong(5), rs.getLong(6)});
        });
        Map<Walk, Long> valid = new HashMap<>();
        marks.forEach((w, mark) -> {
            if (segments.containsKey(w) && segments.get(w)[1] == mark[1]) {
                valid.put(w, mark[0]);
            }
        });
        return new Segments(segments, valid);
    }

    /** The marks of these walks that nothing has invalidated since they were set: walk to its first rank. */
    Map<Walk, Long> validMarks(SourceCriteria c) {
        return segments(c, true).validMarks();
    }

    /**
     * After a job's leads are written (its transaction, which sees them): moves each walk's mark to the first
     * company the CRM does not know, so the next job starts there instead of passing every company mined before.
     * Without a size filter the walks tell where that is: the first candidate of each walk that was not delivered;
     * if there is none, past the walk's last candidate, or its end when it ran out. Every unknown company up to
     * there was a candidate, and delivered. With a size filter the walks did not see the unknown companies of other
     * sizes, so a statement looks for the first one. The versions are those read before the walks: a change
     * committed since leaves another version behind, and the mark is ignored until a job sets it again.
     */
    void advanceMarks(Walked walked, Set<String> deliveredRefs, Exclusions.SqlAntiJoins excluded) {
        List<Walk> walks = walked.walks();
        if (walks.isEmpty()) {
            return;
        }
        long[] first;
        if (walked.criteria().filtersOnSize()) {
            first = firstNotKnown(walks, walked.marks(), excluded);
        } else {
            first = new long[walks.size()];
            for (int w = 0; w < walks.size(); w++) {
                List<Candidate> mine = walked.perWalk().get(w);
                Candidate left = mine.stream().filter(k -> !deliveredRefs.contains(k.ref())).findFirst().orElse(null);
                if (left != null) {
                    first[w] = left.rank();
                } else if (walked.exhausted()[w] || mine.isEmpty()) {
                    first[w] = Long.MAX_VALUE;  // none unknown: the whole walk is known
                } else {
                    long last = mine.getLast().rank();
                    first[w] = last == Long.MAX_VALUE ? last : last + 1;
                }
            }
        }
        writeMarks(walks, first, walked.segments());
    }

    /**
     * The marks for these criteria moved to each walk's first unknown company, looked for from its mark (what a
     * size-filtered delivery does) without a selection first: tests compare it with the marks a selection leaves.
     */
    void advanceMarks(SourceCriteria c, Exclusions.SqlAntiJoins excluded) {
        if (branches(c).size() * c.industryCodes().size() > MAX_WALKS || walks(c).isEmpty()) {
            return;
        }
        Segments segments = segments(c, true);
        writeMarks(walks(c), firstNotKnown(walks(c), segments.validMarks(), excluded), segments.counts());
    }

    /** The rank of the first company of every walk that the CRM does not know, from its mark; in one statement. */
    private long[] firstNotKnown(List<Walk> walks, Map<Walk, Long> marks, Exclusions.SqlAntiJoins excluded) {
        Exclusions.AntiJoin notKnown = excluded.companyNotKnown("c.ref", "c.domain");
        Map<String, Object> params = new HashMap<>();
        List<String> firsts = new ArrayList<>();
        for (int w = 0; w < walks.size(); w++) {
            Walk walk = walks.get(w);
            String p = "f" + w;
            params.put(p + "code", walk.code());
            params.put(p + "industry", walk.industry());
            params.put(p + "from", marks.getOrDefault(walk, Long.MIN_VALUE));
            firsts.add("(SELECT " + w + " AS walk, c.rank FROM directory_company c FORCE INDEX (" + walk.index() + ")"
                    + notKnown.joins() + " WHERE c." + walk.branch() + " = :" + p + "code AND c.industry_code = :" + p
                    + "industry AND c.rank >= :" + p + "from AND " + notKnown.none() + " ORDER BY c.rank LIMIT 1)");
        }
        long[] first = new long[walks.size()];
        java.util.Arrays.fill(first, Long.MAX_VALUE);  // none unknown: the whole walk is known
        jdbc.sql(String.join(" UNION ALL ", firsts)).params(params)
                .query((ResultSet rs) -> {
                    first[rs.getInt(1)] = rs.getLong(2);
                });
        return first;
    }

    private void writeMarks(List<Walk> walks, long[] first, Map<Walk, long[]> segments) {
        List<String> rows = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int w = 0; w < walks.size(); w++) {
            Walk walk = walks.get(w);
            String p = "m" + w;
            rows.add("(:" + p + "b, :" + p + "c, :" + p + "i, :" + p + "k, :" + p + "v)");
            params.put(p + "b", walk.branch());
            params.put(p + "c", walk.code());
            params.put(p + "i", walk.industry());
            params.put(p + "k", first[w]);
            params.put(p + "v", segments.get(walk)[1]);
        }
        jdbc.sql("INSERT INTO directory_walk_mark (branch, code, industry_code, known_below, segment_version) VALUES "
                        + String.join(", ", rows) + " ON DUPLICATE KEY UPDATE known_below = VALUES(known_below),"
                        + " segment_version = VALUES(segment_version)")
                .params(params).update();
    }

    private static String branchWhere(SourceCriteria c, Branch b, String suffix, Map<String, Object> params) {
        params.put("code" + suffix, b.code());
        params.put("industries", c.industryCodes());
        return "c." + b.column() + " = :code" + suffix + " AND c.industry_code IN (:industries)" + sizeWhere(c, params);
    }

    private static String orOfBranches(List<Branch> branches, Map<String, Object> params) {
        List<String> countries = new ArrayList<>();
        List<String> states = new ArrayList<>();
        branches.forEach(b -> (b.column().equals("country_code") ? countries : states).add(b.code()));
        List<String> or = new ArrayList<>();
        if (!countries.isEmpty()) {
            params.put("countries", countries);
            or.add("c.country_code IN (:countries)");
        }
        if (!states.isEmpty()) {
            params.put("states", states);
            or.add("c.state_code IN (:states)");
        }
        return String.join(" OR ", or);
    }

    private static String sizeWhere(SourceCriteria c, Map<String, Object> params) {
        if (!c.filtersOnSize()) {
            return "";
        }
        params.put("min", c.sizeMin());
        params.put("max", c.sizeMax());
        return " AND c.employees BETWEEN :min AND :max";
    }

    /**
     * The chosen companies with their technologies and the contacts the criteria pick (DESIGN §5.7: at most the
     * number asked per company, suppressed e-mails left out), in the order of {@code ids}. The suppression is an
     * anti-join when the exclusions share the database, else one set question for all the contacts' e-mails.
     * <p>
     * Both statements on the caller's connection, one after the other. Reading the contacts on a second connection
     * at the same time as the companies gained nothing: in jobs that alternated the two ways in one run, the
     * parallel read was as fast or slower (33.8 against 33.8 ms, 36.8 against 34.2, 38.0 against 37.8).
     */
    List<SourceCompany> companies(List<Long> ids, ContactCriteria contactCriteria, Exclusions exclusions) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SourceCompany> byId = companyRows(ids);
        Map<Long, List<SourceContact>> contacts = Map.of();
        if (contactCriteria != null) {
            Optional<Exclusions.SqlAntiJoins> sql = exclusions.sameDatabase();
            contacts = pick(contactCandidates(ids, contactCriteria, sql), contactCriteria,
                    sql.isPresent() ? null : exclusions);
        }
        List<SourceCompany> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            SourceCompany c = byId.get(id);
            if (c != null) {
                out.add(contacts.isEmpty() ? c : new SourceCompany(c.ref(), c.name(), c.legalName(), c.domain(),
                        c.description(), c.industryCode(), c.employees(), c.annualRevenue(), c.foundedYear(), c.phone(),
                        c.mobilePhone(), c.email(), c.street(), c.city(), c.zip(), c.countryCode(), c.stateCode(),
                        c.timeZone(), c.linkedinUrl(), c.twitterUrl(), c.facebookUrl(), c.companyType(),
                        c.technologies(), contacts.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    /**
     * The companies without contacts, by id. One statement: each company's technology codes come with its row (the
     * copy of change 0028, decision 116), named and ordered (category, name) from the reference list in memory.
     * Joining technology cost 3 ms of a 45 ms mining job, reading the codes as rows of their own 1 ms more, and a
     * subquery per company on directory_company_technology 0.6 ms more than the copy.
     */
    private Map<Long, SourceCompany> companyRows(List<Long> ids) {
        Map<String, TechnologyName> names = technologyNames();
        Map<Long, SourceCompany> byId = new HashMap<>();
        // the columns in the order company(rs) reads them, by position
        jdbc.sql("SELECT c.id, c.ref, c.name, c.legal_name, c.domain, c.description, c.industry_code, c.employees,"
                        + " c.annual_revenue, c.founded_year, c.phone, c.mobile_phone, c.generic_email, c.street, c.city,"
                        + " c.zip, c.country_code, c.state_code, c.time_zone, c.linkedin_url, c.twitter_url, c.facebook_url,"
                        + " c.company_type, c.technology_codes FROM directory_company c WHERE c.id IN (:ids)")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    byId.put(rs.getLong(1), company(rs, technologies(rs.getString(24), names)));
                });
        return byId;
    }

    private static List<String> technologies(String codes, Map<String, TechnologyName> names) {
        if (codes == null) {
            return List.of();
        }
        List<TechnologyName> used = new ArrayList<>();
        for (String code : TechnologyCodes.split(codes)) {
            TechnologyName t = names.get(code);
            if (t != null) {
                used.add(t);
            }
        }
        used.sort(java.util.Comparator.comparingInt(TechnologyName::position));
        return used.stream().map(TechnologyName::name).toList();
    }

    /** A technology's display name and its place in the (category, name) order. */
    private record TechnologyName(String name, int position) {
    }

    /**
     * The technology reference list (change 0012, changed only by migrations, which run before Veta serves), read
     * once: code to name and place in the (category, name) order.
     */
    private Map<String, TechnologyName> technologyNames() {
        Map<String, TechnologyName> names = technologyNames;
        if (names == null) {
            Map<String, TechnologyName> read = new HashMap<>();
            int[] position = {0};
            jdbc.sql("SELECT code, name FROM technology ORDER BY category, name").query((ResultSet rs) -> {
                read.put(rs.getString(1), new TechnologyName(rs.getString(2), position[0]++));
            });
            names = Map.copyOf(read);
            technologyNames = names;
        }
        return names;
    }

    /**
     * Every contact of these companies the criteria may pick, suppressed e-mails left out when {@code sql} can
     * tell (the exclusions share the database), by company.
     */
    private Map<Long, List<Candidacy>> contactCandidates(List<Long> ids, ContactCriteria cc,
            Optional<Exclusions.SqlAntiJoins> sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        String filter;
        if (cc.byRole()) {
            List<String> roles = new ArrayList<>();
            roles.add(cc.preferredRole());
            roles.addAll(cc.otherRoles());
            params.put("roles", roles);
            filter = "d.role_code IN (:roles)";
        } else {
            params.put("seniority", cc.seniority());
            filter = "d.seniority_code = :seniority";
        }
        Exclusions.AntiJoin notSuppressed = sql.map(x -> x.emailNotSuppressed("d.email"))
                .orElse(Exclusions.AntiJoin.KEEP_ALL);
        Map<Long, List<Candidacy>> byCompany = new HashMap<>();
        // The primary key, (company_id, position) since change 0027: each company's contacts are one range of the rows.
        // The role and seniority indexes would read every contact of that role.
        jdbc.sql("SELECT d.company_id, d.position, d.full_name, d.title, d.role_code, d.seniority_code, d.email, d.phone"
                        + " FROM directory_contact d FORCE INDEX (PRIMARY)"
                        + notSuppressed.joins() + " WHERE d.company_id IN (:ids) AND " + filter + " AND "
                        + notSuppressed.none())
                .params(params)
                .query((ResultSet rs) -> {
                    SourceContact contact = new SourceContact(rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8));
                    boolean preferred = cc.byRole() && cc.preferredRole().equals(contact.roleCode());
                    byCompany.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Candidacy(preferred ? 0 : 1, rs.getInt(2), contact));
                });
        return byCompany;
    }

    /**
     * The contacts the criteria pick for each company, in the order DESIGN §5.7 wants: the preferred role, then the
     * other roles, each by position; or the seniority by position; suppressed e-mails left out ({@code outside}
     * asked about them when it is not null), then cut to the number per company. Ordered here rather than by the
     * statement: a company has a handful of contacts, and sorting 755 rows with their text in MariaDB cost 0.7 ms
     * of a mining job.
     */
    private static Map<Long, List<SourceContact>> pick(Map<Long, List<Candidacy>> byCompany, ContactCriteria cc,
            Exclusions outside) {
        Set<String> suppressed = outside == null ? Set.of()
                : outside.suppressedEmails(byCompany.values().stream().flatMap(List::stream)
                        .map(k -> k.contact().email()).filter(e -> e != null).collect(Collectors.toSet()));
        Map<Long, List<SourceContact>> picked = new HashMap<>();
        byCompany.forEach((company, candidates) -> picked.put(company, candidates.stream()
                .filter(k -> k.contact().email() == null || !suppressed.contains(k.contact().email()))
                .sorted(Candidacy.ORDER).limit(cc.perCompany()).map(Candidacy::contact).toList()));
        return picked;
    }

    /** A contact the criteria may pick, with what orders it: the preferred role first (0), then its position. */
    private record Candidacy(int group, int position, SourceContact contact) {
        static final java.util.Comparator<Candidacy> ORDER = java.util.Comparator.comparingInt(Candidacy::group)
                .thenComparingInt(Candidacy::position);
    }

    /**
     * A company from the columns of {@link #companies}' statement, by position: 200 rows of 24 columns a job, and
     * a column found by its label costs a lookup each time.
     */
    private static SourceCompany company(ResultSet rs, List<String> technologies) throws SQLException {
        int founded = rs.getInt(10);
        Integer foundedYear = rs.wasNull() ? null : founded;
        return new SourceCompany(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getBigDecimal(9), foundedYear, rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22),
                rs.getString(23), technologies, List.of());
    }
}
