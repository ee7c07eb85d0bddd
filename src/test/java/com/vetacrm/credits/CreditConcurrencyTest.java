package com.vetacrm.credits;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.MiningRequestRows;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.Refusals;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Never overdraw, never charge twice (DESIGN §6, issue 5): many real transactions at once, each signed in as
 * a manager on its own thread, against one account. The ledger's invariants are checked after each test.
 */
@WithUserDetails(DemoUsers.ADMIN)
class CreditConcurrencyTest extends ServiceTest {

    private static final int THREADS = 10;

    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    private ExecutorService pool;
    /** Makes this test's references its own, whatever ran before in the class. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
        MiningRequestRows.ensure(jdbc, java.util.stream.LongStream.concat(java.util.stream.LongStream.of(501, 502),
                java.util.stream.LongStream.range(600, 640)).toArray());
    }

    @AfterEach
    void stopPoolAndCheckTheLedger() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        CreditInvariants.check(jdbc);
    }

    /** Makes exactly {@code credits} available, with an administrator's adjustment. */
    private void makeAvailable(long wanted) {
        long available = credits.available();
        if (available != wanted) {
            credits.adjust(wanted - available, "Test set-up: " + wanted + " available");
        }
        assertThat(credits.available()).isEqualTo(wanted);
    }

    /** Runs the tasks on the pool, all released at the same moment, each signed in as the manager. */
    private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return SignIns.as(users, DemoUsers.MANAGER, () -> {
                    try {
                        return task.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(2, TimeUnit.MINUTES));
        }
        return results;
    }

    @Test
    void fiftyConcurrentHoldsAcceptExactlyThoseThatFitAndNeverOverdraw() throws Exception {
        makeAvailable(100);
        long balance = credits.balance().balance();
        long heldBefore = credits.balance().held();
        int amount = 7;
        long firstEntry = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM credit_entry", Long.class);

        // a watcher reads the committed account row over and over while the holds run
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
        AtomicLong reads = new AtomicLong();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                Long available = jdbc.queryForObject("SELECT balance - held FROM credit_account", Long.class);
                lowestAvailable.accumulateAndGet(available, Math::min);
                reads.incrementAndGet();
            }
        });

        List<Callable<String>> holds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String reference = run + "-concurrent-" + i;
            holds.add(() -> {
                try {
                    credits.hold(amount, reference, null);
                    return "accepted";
                } catch (InsufficientCreditsException refused) {
                    assertThat(refused.available()).isLessThan(amount);
                    return "refused";
                }
            });
        }
        List<String> outcomes = runTogether(holds);
        running.set(false);
        watcher.join();

        long fit = 100 / amount;
        assertThat(outcomes.stream().filter("accepted"::equals).count()).isEqualTo(fit);
        assertThat(outcomes.stream().filter("refused"::equals).count()).isEqualTo(50 - fit);
        assertThat(credits.balance().balance()).isEqualTo(balance);
        assertThat(credits.balance().held()).isEqualTo(heldBefore + fit * amount);
        assertThat(credits.available()).isEqualTo(100 - fit * amount).isLessThan(amount);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_hold WHERE reference LIKE ? AND state = 'OPEN'",
                Long.class, run + "-concurrent-%")).isEqualTo(fit);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE id > ? AND kind = 'HOLD'", Long.class,
                firstEntry)).isEqualTo(fit);
        // every state the account went through is in the ledger: none had less than zero available
        assertThat(jdbc.queryForObject("SELECT MIN(balance_after - held_after) FROM credit_entry WHERE id > ?", Long.class,
                firstEntry)).isEqualTo(100 - fit * amount);
        assertThat(reads.get()).isPositive();
        assertThat(lowestAvailable.get()).isNotNegative();

        for (long holdId : jdbc.queryForList("SELECT id FROM credit_hold WHERE reference LIKE ? AND state = 'OPEN'", Long.class,
                run + "-concurrent-%")) {
            credits.release(holdId);
        }
    }

    @Test
    void concurrentHoldsWithOneReferenceMakeOneHold() throws Exception {
        makeAvailable(100);

        List<Callable<Long>> holds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            holds.add(() -> credits.hold(30, run + "-one-request", 501L).id());
        }
        List<Long> ids = runTogether(holds);

        assertThat(Set.copyOf(ids)).hasSize(1);
        assertThat(credits.available()).isEqualTo(70);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE reference = ?", Long.class, run + "-one-request"))
                .isEqualTo(1);
        credits.release(ids.getFirst());
    }

    @Test
    void aHoldCapturedFromTenThreadsAtOnceIsChargedOnce() throws Exception {
        makeAvailable(100);
        long balance = credits.balance().balance();
        CreditHold hold = credits.hold(40, run + "-charge-once", 502L);

        List<Callable<String>> captures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            captures.add(() -> {
                try {
                    credits.capture(hold.id(), 25);
                    return "charged";
                } catch (BusinessRuleException refused) {
                    return Refusals.messageKey(refused);
                }
            });
        }
        List<String> outcomes = runTogether(captures);

        assertThat(outcomes.stream().filter("charged"::equals).count()).isEqualTo(1);
        assertThat(outcomes.stream().filter("credits.hold.settled"::equals).count()).isEqualTo(THREADS - 1);
        assertThat(credits.balance().balance()).isEqualTo(balance - 25);
        assertThat(jdbc.queryForObject("SELECT -SUM(amount) FROM credit_entry WHERE kind = 'CAPTURE' AND hold_id = ?",
                Long.class, hold.id())).isEqualTo(25);
        assertThat(credits.available()).isEqualTo(75);
    }

    @Test
    void holdsAndCapturesInterleavedFromTenThreadsKeepTheLedgerExact() throws Exception {
        makeAvailable(300);
        long balance = credits.balance().balance();

        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            work.add(() -> {
                try {
                    CreditHold hold = credits.hold(10, run + "-cycle-" + n, 600L + n);
                    long charge = n % 11;  // 0 (a release) to 10 (everything)
                    credits.capture(hold.id(), charge);
                    return charge;
                } catch (InsufficientCreditsException refused) {
                    return 0L;
                }
            });
        }
        long charged = runTogether(work).stream().mapToLong(Long::longValue).sum();

        assertThat(credits.balance().balance()).isEqualTo(balance - charged);
        assertThat(credits.balance().held()).isZero();
        assertThat(credits.entries(new LedgerFilter(Set.of(CreditEntryKind.CAPTURE), null, null),
                PageRequest.of(0, 500)).stream().filter(e -> e.reference().startsWith(run + "-cycle-"))
                .mapToLong(CreditEntryRow::amount).sum()).isEqualTo(-charged);
    }

    @Test
    void twoAdministratorsApprovingOnePurchaseAtOnceCreditItOnce() throws Exception {
        long balance = credits.balance().balance();
        CreditPurchase requested = credits.requestPurchase(CreditPack.PACK_500);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> approvals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            approvals.add(pool.submit(() -> {
                start.await();
                return SignIns.as(users, DemoUsers.ADMIN, () -> {
                    try {
                        credits.approvePurchase(requested.id());
                        return "approved";
                    } catch (BusinessRuleException refused) {
                        return Refusals.messageKey(refused);
                    }
                });
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : approvals) {
            outcomes.add(f.get(2, TimeUnit.MINUTES));
        }

        assertThat(outcomes).containsOnlyOnce("approved");
        assertThat(outcomes.stream().filter("credits.purchase.decided"::equals).count()).isEqualTo(3);
        assertThat(credits.balance().balance()).isEqualTo(balance + 500);
    }
}
