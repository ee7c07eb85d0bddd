package com.vetacrm.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.MiningRequestRows;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.Refusals;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** Every operation of the credit ledger and every refusal, on MariaDB; the invariants are checked after each test. */
@WithUserDetails(DemoUsers.MANAGER)
class CreditServiceTest extends ServiceTest {

    @Autowired
    CreditService credits;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void theMiningRequestsTheHoldsNameExist() {
        MiningRequestRows.ensure(jdbc, 1, 2, 7, 42, 43, 77, 1234, 7_001, 7_002);
    }

    @AfterEach
    void ledgerStaysConsistent() {
        CreditInvariants.check(jdbc);
    }

    private <T> T asAdmin(Supplier<T> work) {
        return SignIns.as(users, DemoUsers.ADMIN, work);
    }

    private void asAdmin(Runnable work) {
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            work.run();
            return null;
        });
    }

    private List<CreditEntryRow> entriesOfHold(long holdId) {
        return credits.entries(LedgerFilter.none(), PageRequest.of(0, 500)).stream()
                .filter(e -> Long.valueOf(holdId).equals(e.holdId())).toList().reversed();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    // ---------------------------------------------------------------- balance

    @Test
    void aFreshInstallationStartsWithTheTrialGrantOfTheSettings() {
        List<CreditEntryRow> oldestFirst = credits.entries(LedgerFilter.none(), PageRequest.of(0, 500)).reversed();
        CreditEntryRow first = oldestFirst.getFirst();

        assertThat(first.kind()).isEqualTo(CreditEntryKind.GRANT);
        assertThat(first.amount()).isEqualTo(200);
        assertThat(first.balanceAfter()).isEqualTo(200);
        assertThat(first.reference()).isEqualTo("trial");
        assertThat(first.userName()).isNull();
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE reference = 'trial'")).isEqualTo(1);
    }

    @Test
    void theBalanceShowsHeldAndAvailableCreditsAndTheThresholdOfTheSettings() {
        CreditBalance before = credits.balance();
        CreditHold hold = credits.hold(30, "balance-figures", null);

        CreditBalance after = credits.balance();

        assertThat(after.balance()).isEqualTo(before.balance());
        assertThat(after.held()).isEqualTo(before.held() + 30);
        assertThat(after.available()).isEqualTo(before.available() - 30).isEqualTo(credits.available());
        assertThat(after.lowBalanceThreshold()).isEqualTo(settings.current().lowBalanceThreshold());
        credits.release(hold.id());
    }

    @Test
    void theBalanceIsLowWhenAvailableCreditsFallBelowTheThreshold() {
        long threshold = settings.current().lowBalanceThreshold();
        long available = credits.available();
        CreditHold hold = credits.hold(available - threshold + 1, "low-balance", null);

        assertThat(credits.balance().available()).isEqualTo(threshold - 1);
        assertThat(credits.balance().low()).isTrue();

        credits.release(hold.id());
        assertThat(credits.balance().low()).isFalse();
    }

    @Test
    void theDatabaseItselfRefusesAnAccountThatWouldBeOverdrawn() {
        assertThatThrownBy(() -> jdbc.update("UPDATE credit_account SET held = balance + 1"))
                .hasStackTraceContaining("ck_credit_account_available");
        assertThatThrownBy(() -> jdbc.update("UPDATE credit_account SET held = -1"))
                .hasStackTraceContaining("ck_credit_account_held");
    }

    // ---------------------------------------------------------------- holds

    @Test
    void aHoldReservesCreditsAndWritesAHoldEntryWithWhoAndWhen() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        long balance = credits.balance().balance();

        CreditHold hold = credits.hold(40, " LMR-1 ", 1234L);

        assertThat(hold.amount()).isEqualTo(40);
        assertThat(hold.reference()).isEqualTo("LMR-1");
        assertThat(hold.miningRequestId()).isEqualTo(1234L);
        CreditEntryRow entry = entriesOfHold(hold.id()).getFirst();
        assertThat(entry.kind()).isEqualTo(CreditEntryKind.HOLD);
        assertThat(entry.amount()).isEqualTo(40);
        assertThat(entry.balanceAfter()).isEqualTo(balance);
        assertThat(entry.heldAfter()).isEqualTo(credits.balance().held());
        assertThat(entry.miningRequestId()).isEqualTo(1234L);
        assertThat(entry.userName()).isEqualTo("Marta Ruiz");
        assertThat(entry.createdAt()).isAfter(before);
        assertThat(credits.openHold("LMR-1")).contains(hold);
        credits.release(hold.id());
    }

    @Test
    void aHoldOfMoreThanIsAvailableIsRefusedAndWritesNothing() {
        long available = credits.available();
        long entries = count("SELECT COUNT(*) FROM credit_entry");

        assertThatThrownBy(() -> credits.hold(available + 1, "too-big", null))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.available()).isEqualTo(available);
                    assertThat(e.required()).isEqualTo(available + 1);
                });

        assertThat(count("SELECT COUNT(*) FROM credit_entry")).isEqualTo(entries);
        assertThat(count("SELECT COUNT(*) FROM credit_hold WHERE reference = 'too-big'")).isZero();
        assertThat(credits.openHold("too-big")).isEmpty();
    }

    @Test
    void holdingAgainWithTheSameReferenceReturnsTheSameHoldAndReservesNothingMore() {
        CreditHold first = credits.hold(25, "same-reference", 7L);
        long held = credits.balance().held();

        CreditHold second = credits.hold(25, "same-reference", 7L);

        assertThat(second).isEqualTo(first);
        assertThat(credits.balance().held()).isEqualTo(held);
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE reference = 'same-reference'")).isEqualTo(1);
        credits.capture(first.id(), 5);
        assertThat(credits.hold(25, "same-reference", 7L)).as("a settled hold is returned too").isEqualTo(first);
    }

    @Test
    void aReferenceCannotBeReusedForAnotherAmountOrRequest() {
        CreditHold hold = credits.hold(10, "reused", 1L);

        assertThatThrownBy(() -> credits.hold(11, "reused", 1L))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.referenceReused");
        assertThatThrownBy(() -> credits.hold(10, "reused", 2L))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.referenceReused");
        credits.release(hold.id());
    }

    @Test
    void holdAmountsAndReferencesAreChecked() {
        for (long bad : new long[] {0, -1, CreditService.MAX_AMOUNT + 1}) {
            assertThatThrownBy(() -> credits.hold(bad, "checked", null)).as("amount " + bad)
                    .extracting(Refusals::messageKey).isEqualTo("credits.error.amount");
        }
        for (String bad : new String[] {null, "", "   ", "x".repeat(101)}) {
            assertThatThrownBy(() -> credits.hold(1, bad, null)).as("reference " + bad)
                    .extracting(Refusals::messageKey).isEqualTo("credits.error.reference");
        }
    }

    @Test
    void aCaptureChargesWhatWasUsedAndReleasesTheRest() {
        CreditBalance before = credits.balance();
        CreditHold hold = credits.hold(30, "partial-capture", 42L);

        credits.capture(hold.id(), 12);

        CreditBalance after = credits.balance();
        assertThat(after.balance()).isEqualTo(before.balance() - 12);
        assertThat(after.held()).isEqualTo(before.held());
        List<CreditEntryRow> entries = entriesOfHold(hold.id());
        assertThat(entries).extracting(CreditEntryRow::kind)
                .containsExactly(CreditEntryKind.HOLD, CreditEntryKind.CAPTURE, CreditEntryKind.RELEASE);
        assertThat(entries).extracting(CreditEntryRow::amount).containsExactly(30L, -12L, -18L);
        assertThat(entries.get(1).balanceAfter()).isEqualTo(before.balance() - 12);
        assertThat(entries.get(2).balanceAfter()).isEqualTo(before.balance() - 12);
        assertThat(entries.get(2).heldAfter()).isEqualTo(before.held());
        assertThat(entries).allSatisfy(e -> assertThat(e.miningRequestId()).isEqualTo(42L));
        assertThat(credits.capturedFor(42L)).isEqualTo(12);
        assertThat(credits.openHold("partial-capture")).isEmpty();
    }

    @Test
    void capturingTheWholeHoldWritesNoRelease() {
        CreditHold hold = credits.hold(15, "full-capture", null);

        credits.capture(hold.id(), 15);

        assertThat(entriesOfHold(hold.id())).extracting(CreditEntryRow::kind)
                .containsExactly(CreditEntryKind.HOLD, CreditEntryKind.CAPTURE);
    }

    @Test
    void capturingZeroReleasesTheHoldAndChargesNothing() {
        long balance = credits.balance().balance();
        CreditHold hold = credits.hold(15, "zero-capture", 43L);

        credits.capture(hold.id(), 0);

        assertThat(credits.balance().balance()).isEqualTo(balance);
        assertThat(entriesOfHold(hold.id())).extracting(CreditEntryRow::kind)
                .containsExactly(CreditEntryKind.HOLD, CreditEntryKind.RELEASE);
        assertThat(credits.capturedFor(43L)).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM credit_hold WHERE id = ?", String.class, hold.id()))
                .isEqualTo("RELEASED");
    }

    @Test
    void aCaptureMustBeBetweenZeroAndTheHold() {
        CreditHold hold = credits.hold(15, "capture-range", null);

        assertThatThrownBy(() -> credits.capture(hold.id(), 16))
                .extracting(Refusals::messageKey).isEqualTo("credits.capture.exceedsHold");
        assertThatThrownBy(() -> credits.capture(hold.id(), -1))
                .extracting(Refusals::messageKey).isEqualTo("credits.capture.negative");
        assertThat(credits.openHold("capture-range")).contains(hold);
        credits.release(hold.id());
    }

    @Test
    void aSettledHoldIsNeverChargedAgain() {
        long balance = credits.balance().balance();
        CreditHold captured = credits.hold(20, "settled-once", null);
        credits.capture(captured.id(), 20);

        assertThatThrownBy(() -> credits.capture(captured.id(), 20))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.settled");
        assertThatThrownBy(() -> credits.release(captured.id()))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.settled");

        CreditHold released = credits.hold(20, "released-once", null);
        credits.release(released.id());
        assertThatThrownBy(() -> credits.capture(released.id(), 5))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.settled");
        assertThat(credits.balance().balance()).isEqualTo(balance - 20);
    }

    @Test
    void releasingAReleasedHoldAgainChangesNothing() {
        CreditHold hold = credits.hold(20, "release-twice", null);
        credits.release(hold.id());
        long entries = count("SELECT COUNT(*) FROM credit_entry");

        credits.release(hold.id());

        assertThat(count("SELECT COUNT(*) FROM credit_entry")).isEqualTo(entries);
        assertThat(entriesOfHold(hold.id())).extracting(CreditEntryRow::kind)
                .containsExactly(CreditEntryKind.HOLD, CreditEntryKind.RELEASE);
    }

    @Test
    void anUnknownHoldIsRefused() {
        assertThatThrownBy(() -> credits.capture(987_654_321L, 1))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.notFound");
        assertThatThrownBy(() -> credits.release(987_654_321L))
                .extracting(Refusals::messageKey).isEqualTo("credits.hold.notFound");
    }

    @Test
    void aHoldJoinsTheCallersTransactionAndRollsBackWithIt() {
        long held = credits.balance().held();

        tx.executeWithoutResult(status -> {
            credits.hold(10, "rolled-back", null);
            status.setRollbackOnly();
        });

        assertThat(credits.balance().held()).isEqualTo(held);
        assertThat(count("SELECT COUNT(*) FROM credit_hold WHERE reference = 'rolled-back'")).isZero();
    }

    @Test
    void aRefusedHoldLetsTheCallerCommitItsOwnWork() {
        // a mining request records "not enough credits" in the transaction that tried to hold them
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES ('test-refused-hold', 'kept', NOW(6))");
            assertThatThrownBy(() -> credits.hold(credits.available() + 1, "refused-in-tx", null))
                    .isInstanceOf(InsufficientCreditsException.class);
        });

        assertThat(count("SELECT COUNT(*) FROM app_setting WHERE setting_key = 'test-refused-hold'")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- administrators' changes

    @Test
    void anAdministratorGrantsCreditsWithAReason() {
        long balance = credits.balance().balance();

        asAdmin(() -> credits.grant(75, "  Goodwill after an outage  "));

        assertThat(credits.balance().balance()).isEqualTo(balance + 75);
        CreditEntryRow entry = credits.entries(LedgerFilter.none(), PageRequest.of(0, 1)).getFirst();
        assertThat(entry.kind()).isEqualTo(CreditEntryKind.GRANT);
        assertThat(entry.amount()).isEqualTo(75);
        assertThat(entry.note()).isEqualTo("Goodwill after an outage");
        assertThat(entry.userName()).isEqualTo("Alex Morgan");
    }

    @Test
    void grantsNeedAnAmountAndAReason() {
        asAdmin(() -> {
            assertThatThrownBy(() -> credits.grant(0, "why")).extracting(Refusals::messageKey)
                    .isEqualTo("credits.error.amount");
            assertThatThrownBy(() -> credits.grant(10, " ")).extracting(Refusals::messageKey)
                    .isEqualTo("credits.error.reason.required");
            assertThatThrownBy(() -> credits.grant(10, "x".repeat(501))).extracting(Refusals::messageKey)
                    .isEqualTo("credits.error.reason.tooLong");
        });
    }

    @Test
    void anAdjustmentCorrectsEitherWayButNeverTakesHeldCredits() {
        long balance = credits.balance().balance();
        CreditHold hold = credits.hold(credits.available() - 5, "adjust-below-held", null);

        asAdmin(() -> {
            credits.adjust(-5, "Correction");
            assertThatThrownBy(() -> credits.adjust(-1, "Too much")).isInstanceOf(InsufficientCreditsException.class);
            assertThatThrownBy(() -> credits.adjust(0, "Nothing")).extracting(Refusals::messageKey)
                    .isEqualTo("credits.adjust.zero");
            credits.adjust(12, "Correction back");
        });

        assertThat(credits.balance().balance()).isEqualTo(balance + 7);
        assertThat(credits.entries(new LedgerFilter(Set.of(CreditEntryKind.ADJUST), null, null), PageRequest.of(0, 10)))
                .extracting(CreditEntryRow::amount).containsExactly(12L, -5L);
        credits.release(hold.id());
    }

    @Test
    void aRefundGivesBackCapturedCreditsNoMoreThanWereCharged() {
        CreditHold hold = credits.hold(30, "refunded", 77L);
        credits.capture(hold.id(), 10);
        long balance = credits.balance().balance();

        asAdmin(() -> {
            assertThat(credits.refundable(hold.id())).isEqualTo(10);
            credits.refund(hold.id(), 4, "Two leads were duplicates");
            assertThatThrownBy(() -> credits.refund(hold.id(), 7, "Too much"))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("credits.refund.tooMuch");
                        assertThat(e.args()).containsExactly(6L);
                    });
            credits.refund(hold.id(), 6, "The rest");
            assertThat(credits.refundable(hold.id())).isZero();
        });

        assertThat(credits.balance().balance()).isEqualTo(balance + 10);
        assertThat(entriesOfHold(hold.id())).extracting(CreditEntryRow::kind).containsExactly(CreditEntryKind.HOLD,
                CreditEntryKind.CAPTURE, CreditEntryKind.RELEASE, CreditEntryKind.REFUND, CreditEntryKind.REFUND);
        assertThat(credits.capturedFor(77L)).as("the charge itself stays recorded").isEqualTo(10);
    }

    @Test
    void onlyACapturedHoldCanBeRefunded() {
        CreditHold open = credits.hold(5, "not-captured", null);

        asAdmin(() -> assertThatThrownBy(() -> credits.refund(open.id(), 1, "No"))
                .extracting(Refusals::messageKey).isEqualTo("credits.refund.notCaptured"));
        credits.release(open.id());
        asAdmin(() -> assertThatThrownBy(() -> credits.refund(open.id(), 1, "No"))
                .extracting(Refusals::messageKey).isEqualTo("credits.refund.notCaptured"));
    }

    // ---------------------------------------------------------------- purchases

    @Test
    void aManagerRequestsAPackAndAnAdministratorApprovesIt() {
        long balance = credits.balance().balance();

        CreditPurchase requested = credits.requestPurchase(CreditPack.PACK_500);

        assertThat(requested.state()).isEqualTo(PurchaseState.REQUESTED);
        assertThat(requested.credits()).isEqualTo(500);
        assertThat(requested.provider()).isEqualTo("admin-approval");
        assertThat(requested.requestedByName()).isEqualTo("Marta Ruiz");
        assertThat(requested.decidedAt()).isNull();
        assertThat(credits.balance().balance()).as("nothing credited before approval").isEqualTo(balance);
        assertThat(credits.purchases(Set.of(PurchaseState.REQUESTED), PageRequest.of(0, 10))).contains(requested);

        CreditPurchase approved = asAdmin(() -> credits.approvePurchase(requested.id()));

        assertThat(approved.state()).isEqualTo(PurchaseState.APPROVED);
        assertThat(approved.decidedByName()).isEqualTo("Alex Morgan");
        assertThat(approved.decidedAt()).isNotNull();
        assertThat(credits.balance().balance()).isEqualTo(balance + 500);
        CreditEntryRow entry = credits.entries(new LedgerFilter(Set.of(CreditEntryKind.PURCHASE), null, null),
                PageRequest.of(0, 1)).getFirst();
        assertThat(entry.amount()).isEqualTo(500);
        assertThat(entry.balanceAfter()).isEqualTo(balance + 500);
        assertThat(entry.userName()).isEqualTo("Alex Morgan");
        assertThat(entry.reference()).isEqualTo("purchase-" + requested.id());
    }

    @Test
    void aPurchaseIsDecidedOnlyOnce() {
        CreditPurchase requested = credits.requestPurchase(CreditPack.PACK_100);
        asAdmin(() -> credits.approvePurchase(requested.id()));

        asAdmin(() -> {
            assertThatThrownBy(() -> credits.approvePurchase(requested.id()))
                    .extracting(Refusals::messageKey).isEqualTo("credits.purchase.decided");
            assertThatThrownBy(() -> credits.rejectPurchase(requested.id(), "Late"))
                    .extracting(Refusals::messageKey).isEqualTo("credits.purchase.decided");
            assertThatThrownBy(() -> credits.approvePurchase(987_654_321L))
                    .extracting(Refusals::messageKey).isEqualTo("credits.purchase.notFound");
        });
    }

    @Test
    void aRejectedPurchaseKeepsItsReasonAndCreditsNothing() {
        long balance = credits.balance().balance();
        CreditPurchase requested = credits.requestPurchase(CreditPack.PACK_5000);

        asAdmin(() -> assertThatThrownBy(() -> credits.rejectPurchase(requested.id(), ""))
                .extracting(Refusals::messageKey).isEqualTo("credits.error.reason.required"));
        CreditPurchase rejected = asAdmin(() -> credits.rejectPurchase(requested.id(), "Budget frozen until Q3"));

        assertThat(rejected.state()).isEqualTo(PurchaseState.REJECTED);
        assertThat(rejected.note()).isEqualTo("Budget frozen until Q3");
        assertThat(rejected.decidedByName()).isEqualTo("Alex Morgan");
        assertThat(credits.balance().balance()).isEqualTo(balance);
        asAdmin(() -> assertThatThrownBy(() -> credits.approvePurchase(requested.id()))
                .extracting(Refusals::messageKey).isEqualTo("credits.purchase.decided"));
    }

    @Test
    void anAdministratorRecordsAPackApprovedByAnAdministrator() {
        long balance = credits.balance().balance();
        long adminId = count("SELECT id FROM app_user WHERE username = 'admin'");
        long managerId = count("SELECT id FROM app_user WHERE username = 'manager'");

        CreditPurchase purchase = asAdmin(() -> credits.purchase(CreditPack.PACK_1000, adminId));

        assertThat(purchase.state()).isEqualTo(PurchaseState.APPROVED);
        assertThat(purchase.credits()).isEqualTo(1_000);
        assertThat(credits.balance().balance()).isEqualTo(balance + 1_000);
        asAdmin(() -> assertThatThrownBy(() -> credits.purchase(CreditPack.PACK_100, managerId))
                .extracting(Refusals::messageKey).isEqualTo("credits.purchase.approverNotAdmin"));
        asAdmin(() -> assertThatThrownBy(() -> credits.purchase(null, adminId))
                .extracting(Refusals::messageKey).isEqualTo("credits.purchase.packRequired"));
    }

    @Test
    void packsAreTheFourOfTheDesign() {
        assertThat(CreditPack.values()).extracting(CreditPack::credits).containsExactly(100L, 500L, 1_000L, 5_000L);
        assertThat(CreditPack.of(1_000)).contains(CreditPack.PACK_1000);
        assertThat(CreditPack.of(42)).isEmpty();
        assertThatThrownBy(() -> credits.requestPurchase(null))
                .extracting(Refusals::messageKey).isEqualTo("credits.purchase.packRequired");
    }

    // ---------------------------------------------------------------- the ledger list

    @Test
    void theLedgerListsNewestFirstOnePageAtATimeFilteredByKindAndDate() {
        CreditHold hold = credits.hold(3, "ledger-list-1", null);
        credits.capture(hold.id(), 1);
        CreditHold other = credits.hold(4, "ledger-list-2", null);
        credits.release(other.id());

        List<CreditEntryRow> firstPage = credits.entries(LedgerFilter.none(), PageRequest.of(0, 2));
        List<CreditEntryRow> secondPage = credits.entries(LedgerFilter.none(), PageRequest.of(1, 2));
        assertThat(firstPage).extracting(CreditEntryRow::kind).containsExactly(CreditEntryKind.RELEASE, CreditEntryKind.HOLD);
        assertThat(firstPage).extracting(CreditEntryRow::reference).containsOnly("ledger-list-2");
        assertThat(secondPage).extracting(CreditEntryRow::kind).containsExactly(CreditEntryKind.RELEASE, CreditEntryKind.CAPTURE);

        List<CreditEntryRow> captures = credits.entries(new LedgerFilter(Set.of(CreditEntryKind.CAPTURE), null, null),
                PageRequest.of(0, 500));
        assertThat(captures).isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(CreditEntryKind.CAPTURE));

        Instant now = Instant.now();
        assertThat(credits.entries(new LedgerFilter(Set.of(), now.plusSeconds(3600), null), PageRequest.of(0, 10)))
                .as("nothing from the future").isEmpty();
        assertThat(credits.entries(new LedgerFilter(Set.of(), null, now.minus(1, ChronoUnit.DAYS)), PageRequest.of(0, 10)))
                .as("nothing before yesterday").isEmpty();
        assertThat(credits.entries(new LedgerFilter(Set.of(CreditEntryKind.HOLD), now.minusSeconds(3600),
                now.plusSeconds(3600)), PageRequest.of(0, 500)))
                .extracting(CreditEntryRow::reference).contains("ledger-list-1", "ledger-list-2");
    }

    @Test
    void theLedgerOfOneMiningRequestListsOnlyItsEntriesNewestFirst() {
        CreditHold first = credits.hold(10, "request-ledger-1", 7_001L);
        credits.capture(first.id(), 4);
        CreditHold other = credits.hold(5, "request-ledger-2", 7_002L);
        credits.release(other.id());
        CreditHold retried = credits.hold(10, "request-ledger-1/2", 7_001L);
        credits.release(retried.id());

        List<CreditEntryRow> ofRequest = credits.entries(LedgerFilter.ofMiningRequest(7_001L), PageRequest.of(0, 500));

        assertThat(ofRequest).extracting(CreditEntryRow::kind).containsExactly(CreditEntryKind.RELEASE,
                CreditEntryKind.HOLD, CreditEntryKind.RELEASE, CreditEntryKind.CAPTURE, CreditEntryKind.HOLD);
        assertThat(ofRequest).allSatisfy(e -> assertThat(e.miningRequestId()).isEqualTo(7_001L));
        assertThat(credits.entries(new LedgerFilter(Set.of(CreditEntryKind.CAPTURE), null, null, 7_001L),
                PageRequest.of(0, 500))).extracting(CreditEntryRow::amount).containsExactly(-4L);
        assertThat(credits.entries(LedgerFilter.ofMiningRequest(7_999L), PageRequest.of(0, 500))).isEmpty();
        assertThat(new LedgerFilter(Set.of(), null, null).miningRequestId()).as("the old constructor lists all").isNull();
        assertThat(LedgerFilter.none().miningRequestId()).isNull();
    }

    // ---------------------------------------------------------------- who may

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonHasNoAccessToCredits() {
        assertThatThrownBy(() -> credits.balance()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.available()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.hold(1, "sales", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.requestPurchase(CreditPack.PACK_100))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.entries(LedgerFilter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aManagerMayHoldAndBuyButNotGrantAdjustRefundOrDecidePurchases() {
        CreditPurchase requested = credits.requestPurchase(CreditPack.PACK_100);

        assertThatThrownBy(() -> credits.grant(10, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.adjust(10, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.refund(1, 1, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.approvePurchase(requested.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.rejectPurchase(requested.id(), "No"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credits.purchase(CreditPack.PACK_100, 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(credits.purchases(Set.of(), PageRequest.of(0, 10))).extracting(CreditPurchase::id).contains(requested.id());
        asAdmin(() -> credits.rejectPurchase(requested.id(), "Tidy up"));
    }
}
