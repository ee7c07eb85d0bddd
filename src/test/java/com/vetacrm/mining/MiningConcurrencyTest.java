package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vetacrm.credits.CreditService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Twenty managers submit one hundred mining requests at once against credits that cover about half of them
 * (reliability issue, item 3): the ledger invariants hold, no company is delivered twice, every request ends
 * DONE, NO_RESULT or ERROR/CREDITS, and the throughput is printed for docs/reliability.md.
 */
class MiningConcurrencyTest extends ServiceTest {

    private static final int MANAGERS = 20;
    private static final int REQUESTS = 100;
    private static final int LEADS_EACH = 5;
    private static final List<String> SIGNED_IN_AS = List.of(DemoUsers.MANAGER, "lucia", "olivia", DemoUsers.ADMIN);

    @Autowired
    MiningService mining;
    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void oneHundredRequestsFromTwentyManagersKeepTheLedgerExactAndNeverShareACompany() throws Exception {
        // 400 Belgian software companies: enough for every request that the credits cover
        jdbc.update("DELETE FROM directory_company");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(new Object[] {7_000_000L + i, "cc-" + i, "cc-" + i + ".example", 1_000L + (i * 7919L) % 400});
        }
        jdbc.batchUpdate("""
                INSERT INTO directory_company (id, ref, name, domain, industry_code, employees, country_code, rank,
                    created_at, updated_at)
                VALUES (?, ?, 'Concurrent company', ?, 'software_services', 20, 'BE', ?, NOW(), NOW())""", rows);
        // credits for half of the requests: 50 × 5
        long available = SignIns.as(users, DemoUsers.ADMIN, () -> credits.available());
        long target = (long) REQUESTS / 2 * LEADS_EACH;
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            credits.adjust(target - available, "concurrency test: credits for half of the requests");
            return null;
        });

        ExecutorService pool = Executors.newFixedThreadPool(MANAGERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String who = SIGNED_IN_AS.get(i % SIGNED_IN_AS.size());
                submitted.add(pool.submit(() -> {
                    start.await();
                    return SignIns.as(users, who, () -> {
                        MiningForm f = mining.newForm();
                        f.setLeadNumber(LEADS_EACH);
                        f.setCountries(Set.of("BE"));
                        f.setIndustries(Set.of("software_services"));
                        return mining.submit(f, null).id();
                    });
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : submitted) {
                ids.add(f.get());
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM mining_request WHERE state = 'QUEUED'", Long.class) == 0);
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("Mining concurrency: %d requests from %d threads finished in %.1f s: %.1f requests/s%n",
                    REQUESTS, MANAGERS, seconds, REQUESTS / seconds);

            Map<String, Long> outcomes = jdbc.queryForList("SELECT CONCAT(state, '/', COALESCE(error_type, '-')) AS o"
                            + " FROM mining_request WHERE id IN (" + ids.stream().map(String::valueOf)
                            .collect(Collectors.joining(",")) + ")", String.class).stream()
                    .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
            System.out.println("Mining concurrency outcomes: " + outcomes);
            assertThat(outcomes.keySet()).isSubsetOf("DONE/-", "NO_RESULT/-", "ERROR/CREDITS");
            assertThat(outcomes.get("DONE/-")).as("the credits cover exactly half").isEqualTo(REQUESTS / 2);

            List<String> delivered = jdbc.queryForList("SELECT directory_company_ref FROM crm_lead WHERE"
                    + " directory_company_ref LIKE 'cc-%'", String.class);
            assertThat(delivered).hasSize(REQUESTS / 2 * LEADS_EACH).doesNotHaveDuplicates();
            assertThat(SignIns.as(users, DemoUsers.ADMIN, () -> credits.balance()).available()).isZero();
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM credit_hold WHERE state = 'OPEN'",
                    Long.class)).isZero();
            for (long id : ids) {
                long charged = jdbc.queryForObject("SELECT credits_charged FROM mining_request WHERE id = ?", Long.class, id);
                assertThat(SignIns.as(users, DemoUsers.ADMIN, () -> credits.capturedFor(id))).isEqualTo(charged);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
