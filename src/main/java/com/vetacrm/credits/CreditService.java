package com.vetacrm.credits;

import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead-mining credit account (DESIGN §6, docs/credits.md): its balance, holds, captures, grants,
 * purchases and refunds, each written as ledger entries with the balance after them, who and when, in the
 * transaction that changes the balance.
 * <p>
 * <b>Never overdraw, never charge twice.</b> Every change locks the account row ({@code SELECT … FOR UPDATE})
 * first, so changes are applied one after the other whatever the number of threads or nodes; the arithmetic
 * is {@link AccountState}'s, which cannot produce {@code balance − held < 0}, and the database's CHECK
 * constraints refuse such a row too. A hold is settled (captured or released) once.
 * <p>
 * <b>Transactions.</b> {@link #hold}, {@link #capture} and {@link #release} join the caller's transaction
 * (the mining request's), and their refusals ({@link BusinessRuleException}s, thrown before anything is
 * written) do not mark it for rollback: the caller decides, for example to record "not enough credits" on
 * the request and commit.
 */
@Service
@Transactional(readOnly = true)
public class CreditService {

    /** The largest amount one call may move: far above any real pack or request, far below overflow. */
    public static final long MAX_AMOUNT = 1_000_000_000L;
    public static final int MAX_REFERENCE_LENGTH = 100;
    public static final int MAX_REASON_LENGTH = 500;

    private final CreditLedger ledger;
    private final AuditService audit;
    private final CreditAccounts accounts;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final List<PaymentProvider> providers;
    private final String providerId;
    private final Clock clock = Clock.systemUTC();

    CreditService(CreditLedger ledger, CreditAccounts accounts, SettingsService settings, CurrentUser currentUser,
            AuditService audit, List<PaymentProvider> providers,
            @Value("${veta.credits.payment-provider:" + AdminApprovalPaymentProvider.ID + "}") String providerId) {
        this.ledger = ledger;
        this.audit = audit;
        this.accounts = accounts;
        this.settings = settings;
        this.currentUser = currentUser;
        this.providers = List.copyOf(providers);
        this.providerId = providerId;
        provider(providerId).orElseThrow(() -> new IllegalStateException("veta.credits.payment-provider is '"
                + providerId + "', but the payment providers are " + this.providers.stream().map(PaymentProvider::id).toList()));
    }

    // ---------------------------------------------------------------- reading

    /** Balance, held and available credits, and whether available is below the low-balance threshold. */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public CreditBalance balance() {
        long threshold = settings.current().lowBalanceThreshold();
        return ledger.readAccount(CreditAccounts.LEAD_MINING)
                .map(a -> CreditBalance.of(a.balance(), a.held(), threshold))
                .orElse(CreditBalance.of(0, 0, threshold));
    }

    /** Credits a new hold may take: balance minus held. A hint only: {@link #hold} decides under the lock. */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public long available() {
        return ledger.readAccount(CreditAccounts.LEAD_MINING).map(a -> a.balance() - a.held()).orElse(0L);
    }

    /** A page of the ledger, newest first; no total is counted. */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<CreditEntryRow> entries(LedgerFilter filter, Pageable page) {
        Objects.requireNonNull(filter, "filter");
        return ledger.readAccount(CreditAccounts.LEAD_MINING)
                .map(a -> ledger.entries(a.id(), filter, page.getOffset(), Math.min(page.getPageSize(), 500)))
                .orElse(List.of());
    }

    /** The hold with this reference while it is open (neither captured nor released). */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public Optional<CreditHold> openHold(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return ledger.readAccount(CreditAccounts.LEAD_MINING)
                .flatMap(a -> ledger.readHold(a.id(), reference.strip()))
                .filter(h -> h.state() == CreditLedger.HoldState.OPEN)
                .map(CreditLedger.HoldRow::toHold);
    }

    /** Credits charged for a mining request: the sum of its CAPTURE entries (refunds not deducted). */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public long capturedFor(long miningRequestId) {
        return ledger.capturedFor(miningRequestId);
    }

    /** What may still be refunded of a hold: captured minus already refunded; 0 when it was not captured. */
    @RolesAllowed(Role.Names.ADMIN)
    public long refundable(long holdId) {
        return ledger.readHold(holdId)
                .filter(h -> h.state() == CreditLedger.HoldState.CAPTURED)
                .map(h -> h.captured() - h.refunded())
                .orElse(0L);
    }

    /** A page of purchases in the given states (every state when empty), newest request first. */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<CreditPurchase> purchases(Set<PurchaseState> states, Pageable page) {
        return ledger.readAccount(CreditAccounts.LEAD_MINING)
                .map(a -> ledger.purchases(a.id(), states == null ? Set.of() : states, page.getOffset(),
                        Math.min(page.getPageSize(), 500)))
                .orElse(List.of());
    }

    /** Whether an administrator approves purchases in Veta (the built-in provider) rather than the provider itself. */
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public boolean purchasesApprovedByAdministrator() {
        return provider(providerId).orElseThrow().approvedByAdministrator();
    }

    // ---------------------------------------------------------------- holds

    /**
     * Reserves {@code amount} credits for a piece of work (a mining request), or refuses with
     * {@link InsufficientCreditsException} when fewer are available. Joins the caller's transaction.
     * Idempotent: a second call with the same reference returns the hold the first made, whatever state it
     * is in now; the same reference with another amount or mining request is refused
     * ({@code credits.hold.referenceReused}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public CreditHold hold(long amount, String reference, Long miningRequestId) {
        requireAmount(amount);
        String ref = requireReference(reference);
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        Optional<CreditLedger.HoldRow> existing = ledger.lockHold(account.id(), ref);
        if (existing.isPresent()) {
            CreditLedger.HoldRow h = existing.get();
            if (h.amount() != amount || !Objects.equals(h.miningRequestId(), miningRequestId)) {
                throw new BusinessRuleException("credits.hold.referenceReused", ref);
            }
            return h.toHold();
        }
        AccountState after = account.state().hold(amount);
        Instant now = clock.instant();
        Long user = userId();
        long holdId = ledger.insertHold(account.id(), ref, amount, miningRequestId, user, now);
        ledger.insertEntry(account.id(), CreditEntryKind.HOLD, amount, after, holdId, miningRequestId, ref, user, null, now);
        ledger.updateAccount(account.id(), after);
        return new CreditHold(holdId, amount, ref, miningRequestId);
    }

    /**
     * Charges {@code amount} (0 ≤ amount ≤ the hold) and releases the rest of the hold: a CAPTURE entry and a
     * RELEASE entry for what is left, each when not zero. Capturing 0 is a release. A hold is settled once:
     * capturing or releasing it again is refused ({@code credits.hold.settled}). Joins the caller's transaction.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public void capture(long holdId, long amount) {
        if (amount < 0) {
            throw new BusinessRuleException("credits.capture.negative");
        }
        LockedHold locked = lockWithHold(holdId);
        CreditLedger.AccountRow account = locked.account();
        CreditLedger.HoldRow hold = locked.hold();
        if (hold.state() != CreditLedger.HoldState.OPEN) {
            throw new BusinessRuleException("credits.hold.settled", hold.reference());
        }
        if (amount > hold.amount()) {
            throw new BusinessRuleException("credits.capture.exceedsHold", amount, hold.amount());
        }
        settle(account, hold, amount);
    }

    /**
     * Frees the whole hold (a RELEASE entry). Releasing a hold that is already released does nothing, so a
     * failure handler may release without knowing whether an earlier attempt did; releasing a captured hold
     * is refused ({@code credits.hold.settled}): its credits were charged. Joins the caller's transaction.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public void release(long holdId) {
        LockedHold locked = lockWithHold(holdId);
        CreditLedger.AccountRow account = locked.account();
        CreditLedger.HoldRow hold = locked.hold();
        if (hold.state() == CreditLedger.HoldState.RELEASED) {
            return;
        }
        if (hold.state() == CreditLedger.HoldState.CAPTURED) {
            throw new BusinessRuleException("credits.hold.settled", hold.reference());
        }
        settle(account, hold, 0);
    }

    private void settle(CreditLedger.AccountRow account, CreditLedger.HoldRow hold, long captured) {
        AccountState.Settlement s = account.state().settle(hold.amount(), captured);
        Instant now = clock.instant();
        Long user = userId();
        List<CreditLedger.NewEntry> entries = new ArrayList<>(2);
        if (s.afterCapture() != null) {
            entries.add(new CreditLedger.NewEntry(CreditEntryKind.CAPTURE, -s.captured(), s.afterCapture(), hold.id(),
                    hold.miningRequestId(), hold.reference(), user));
        }
        if (s.afterRelease() != null) {
            entries.add(new CreditLedger.NewEntry(CreditEntryKind.RELEASE, -s.released(), s.afterRelease(), hold.id(),
                    hold.miningRequestId(), hold.reference(), user));
        }
        ledger.insertEntries(account.id(), entries, now);
        ledger.settleHold(hold.id(), captured > 0 ? CreditLedger.HoldState.CAPTURED : CreditLedger.HoldState.RELEASED,
                captured, now, account.id(), s.result());
    }

    /** The account and one of its holds, both locked. */
    private record LockedHold(CreditLedger.AccountRow account, CreditLedger.HoldRow hold) {
    }

    /** The account and one of its holds, both locked (one statement); refused when the account has no such hold. */
    private LockedHold lockWithHold(long holdId) {
        CreditLedger.AccountAndHold locked = accounts.lockWithHold(CreditAccounts.LEAD_MINING, holdId);
        return new LockedHold(locked.account(), locked.hold()
                .orElseThrow(() -> new BusinessRuleException("credits.hold.notFound", holdId)));
    }

    // ---------------------------------------------------------------- administrators' changes

    /** Gives credits (a GRANT entry with the reason). */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void grant(long amount, String reason) {
        requireAmount(amount);
        String why = requireReason(reason);
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        AccountState after = account.state().credit(amount);
        ledger.insertEntry(account.id(), CreditEntryKind.GRANT, amount, after, null, null, null, userId(), why,
                clock.instant());
        ledger.updateAccount(account.id(), after);
        audit.record(AuditAction.CREDITS_GRANTED, "credits", null, amount + " credits: " + why);
    }

    /**
     * A signed correction (an ADJUST entry with the reason). Taking away more than is available (balance minus
     * held) is refused with {@link InsufficientCreditsException}.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void adjust(long delta, String reason) {
        if (delta == 0) {
            throw new BusinessRuleException("credits.adjust.zero");
        }
        requireAmount(Math.abs(delta));
        String why = requireReason(reason);
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        AccountState after = account.state().adjust(delta);
        ledger.insertEntry(account.id(), CreditEntryKind.ADJUST, delta, after, null, null, null, userId(), why,
                clock.instant());
        ledger.updateAccount(account.id(), after);
        audit.record(AuditAction.CREDITS_ADJUSTED, "credits", null, delta + " credits: " + why);
    }

    /**
     * Gives back up to what was captured from a hold and not yet refunded (a REFUND entry linked to the hold and
     * its mining request), for example for leads that turned out unusable. The request's CAPTURE entries stay
     * as they were: the charge happened, the refund is its own entry.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void refund(long holdId, long amount, String reason) {
        requireAmount(amount);
        String why = requireReason(reason);
        LockedHold locked = lockWithHold(holdId);
        CreditLedger.AccountRow account = locked.account();
        CreditLedger.HoldRow hold = locked.hold();
        if (hold.state() != CreditLedger.HoldState.CAPTURED) {
            throw new BusinessRuleException("credits.refund.notCaptured", hold.reference());
        }
        long refundable = hold.captured() - hold.refunded();
        if (amount > refundable) {
            throw new BusinessRuleException("credits.refund.tooMuch", refundable);
        }
        AccountState after = account.state().credit(amount);
        ledger.insertEntry(account.id(), CreditEntryKind.REFUND, amount, after, hold.id(), hold.miningRequestId(),
                hold.reference(), userId(), why, clock.instant());
        ledger.addRefund(hold.id(), amount);
        ledger.updateAccount(account.id(), after);
        audit.record(AuditAction.CREDITS_REFUNDED, "credit-hold", hold.id(),
                amount + " credits of " + hold.reference() + ": " + why);
    }

    // ---------------------------------------------------------------- purchases

    /**
     * Asks for a pack through the configured {@link PaymentProvider}. With the built-in provider the request
     * waits for an administrator's approval; nothing changes the balance yet.
     */
    @Transactional
    @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public CreditPurchase requestPurchase(CreditPack pack) {
        if (pack == null) {
            throw new BusinessRuleException("credits.purchase.packRequired");
        }
        PaymentProvider provider = provider(providerId).orElseThrow();
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        long id = ledger.insertPurchase(account.id(), pack.credits(), provider.id(), currentUser.require().id(),
                clock.instant());
        String reference = provider.register(ledger.purchase(id).orElseThrow());
        if (reference != null) {
            ledger.setProviderReference(id, reference);
        }
        audit.record(AuditAction.PURCHASE_REQUESTED, "credit-purchase", id, pack.credits() + " credits");
        return ledger.purchase(id).orElseThrow();
    }

    /**
     * Approves a requested purchase of a provider whose payments administrators confirm: the pack's credits
     * are added (a PURCHASE entry by the approving administrator) and the request records who and when. A
     * purchase is decided once; approving it again is refused ({@code credits.purchase.decided}).
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public CreditPurchase approvePurchase(long purchaseId) {
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        CreditLedger.PurchaseRow purchase = lockRequested(purchaseId);
        if (!provider(purchase.provider()).map(PaymentProvider::approvedByAdministrator).orElse(false)) {
            throw new BusinessRuleException("credits.purchase.notApprovable", purchase.provider());
        }
        audit.record(AuditAction.PURCHASE_APPROVED, "credit-purchase", purchase.id(), purchase.credits() + " credits");
        return complete(account, purchase, currentUser.require().id());
    }

    /** Turns a requested purchase down with a reason the requester sees; nothing is credited. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public CreditPurchase rejectPurchase(long purchaseId, String reason) {
        String why = requireReason(reason);
        accounts.lock(CreditAccounts.LEAD_MINING);
        CreditLedger.PurchaseRow purchase = lockRequested(purchaseId);
        ledger.decidePurchase(purchase.id(), PurchaseState.REJECTED, currentUser.require().id(), clock.instant(), why,
                null);
        audit.record(AuditAction.PURCHASE_REJECTED, "credit-purchase", purchase.id(), why);
        return ledger.purchase(purchase.id()).orElseThrow();
    }

    /**
     * Records a pack bought and approved outside a request (for example paid by bank transfer and confirmed by
     * the finance administrator): requested by the caller and approved by {@code approvedBy}, who must be an
     * active administrator (usually the caller), in one step with the built-in provider.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public CreditPurchase purchase(CreditPack pack, long approvedBy) {
        if (pack == null) {
            throw new BusinessRuleException("credits.purchase.packRequired");
        }
        if (!ledger.isActiveAdministrator(approvedBy)) {
            throw new BusinessRuleException("credits.purchase.approverNotAdmin");
        }
        CreditLedger.AccountRow account = accounts.lock(CreditAccounts.LEAD_MINING);
        long id = ledger.insertPurchase(account.id(), pack.credits(), AdminApprovalPaymentProvider.ID,
                currentUser.require().id(), clock.instant());
        audit.record(AuditAction.PURCHASE_APPROVED, "credit-purchase", id,
                pack.credits() + " credits, approved by user " + approvedBy);
        return complete(account, ledger.lockPurchase(id).orElseThrow(), approvedBy);
    }

    private CreditPurchase complete(CreditLedger.AccountRow account, CreditLedger.PurchaseRow purchase, long approvedBy) {
        AccountState after = account.state().credit(purchase.credits());
        Instant now = clock.instant();
        long entry = ledger.insertEntry(account.id(), CreditEntryKind.PURCHASE, purchase.credits(), after, null, null,
                "purchase-" + purchase.id(), approvedBy, null, now);
        ledger.updateAccount(account.id(), after);
        ledger.decidePurchase(purchase.id(), PurchaseState.APPROVED, approvedBy, now, null, entry);
        return ledger.purchase(purchase.id()).orElseThrow();
    }

    private CreditLedger.PurchaseRow lockRequested(long purchaseId) {
        CreditLedger.PurchaseRow purchase = ledger.lockPurchase(purchaseId)
                .orElseThrow(() -> new BusinessRuleException("credits.purchase.notFound", purchaseId));
        if (purchase.state() != PurchaseState.REQUESTED) {
            throw new BusinessRuleException("credits.purchase.decided", purchaseId);
        }
        return purchase;
    }

    // ---------------------------------------------------------------- helpers

    private Optional<PaymentProvider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private Long userId() {
        return currentUser.get().map(VetaPrincipal::id).orElse(null);
    }

    private static void requireAmount(long amount) {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new BusinessRuleException("credits.error.amount", MAX_AMOUNT);
        }
    }

    private static String requireReference(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.length() > MAX_REFERENCE_LENGTH) {
            throw new BusinessRuleException("credits.error.reference", MAX_REFERENCE_LENGTH);
        }
        return ref;
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessRuleException("credits.error.reason.required");
        }
        if (why.length() > MAX_REASON_LENGTH) {
            throw new BusinessRuleException("credits.error.reason.tooLong", MAX_REASON_LENGTH);
        }
        return why;
    }
}
