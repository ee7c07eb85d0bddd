package com.vetacrm.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ledger arithmetic, without a database. */
class AccountStateTest {

    private final AccountState twoHundred = new AccountState(200, 0);

    @Test
    void availableIsBalanceMinusHeld() {
        assertThat(new AccountState(200, 30).available()).isEqualTo(170);
        assertThat(AccountState.empty().available()).isZero();
    }

    @Test
    void aStateWithMoreHeldThanBalanceOrNegativeHeldCannotExist() {
        assertThatThrownBy(() -> new AccountState(10, 11)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AccountState(10, -1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AccountState(-1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void creditingAddsToTheBalanceOnly() {
        assertThat(new AccountState(200, 30).credit(500)).isEqualTo(new AccountState(700, 30));
    }

    @Test
    void aHoldReservesAvailableCreditsAndLeavesTheBalance() {
        assertThat(twoHundred.hold(30)).isEqualTo(new AccountState(200, 30));
        assertThat(twoHundred.hold(200)).isEqualTo(new AccountState(200, 200));
    }

    @Test
    void aHoldOfMoreThanIsAvailableIsRefusedWithBothNumbers() {
        AccountState state = new AccountState(200, 150);
        assertThatThrownBy(() -> state.hold(51))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.available()).isEqualTo(50);
                    assertThat(e.required()).isEqualTo(51);
                    assertThat(e.messageKey()).isEqualTo("credits.insufficient");
                    assertThat(e.args()).containsExactly(51L, 50L);
                });
    }

    @Test
    void amountsArePositive() {
        assertThatThrownBy(() -> twoHundred.hold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoHundred.credit(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoHundred.release(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settlingAHoldChargesTheCaptureAndFreesTheRest() {
        AccountState held = twoHundred.hold(30);

        AccountState.Settlement s = held.settle(30, 12);

        assertThat(s.afterCapture()).isEqualTo(new AccountState(188, 18));
        assertThat(s.afterRelease()).isEqualTo(new AccountState(188, 0));
        assertThat(s.released()).isEqualTo(18);
        assertThat(s.result()).isEqualTo(new AccountState(188, 0));
    }

    @Test
    void capturingAllOfAHoldLeavesNothingToRelease() {
        AccountState.Settlement s = twoHundred.hold(30).settle(30, 30);

        assertThat(s.afterRelease()).isNull();
        assertThat(s.result()).isEqualTo(new AccountState(170, 0));
    }

    @Test
    void capturingNothingIsAReleaseOfTheWholeHold() {
        AccountState.Settlement s = twoHundred.hold(30).settle(30, 0);

        assertThat(s.afterCapture()).isNull();
        assertThat(s.released()).isEqualTo(30);
        assertThat(s.result()).isEqualTo(twoHundred);
    }

    @Test
    void aCaptureOutsideZeroToTheHoldIsRefused() {
        AccountState held = twoHundred.hold(30);
        assertThatThrownBy(() -> held.settle(30, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> held.settle(30, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherHoldsStayHeldWhenOneIsSettled() {
        AccountState twoHolds = twoHundred.hold(30).hold(50);

        assertThat(twoHolds.settle(30, 10).result()).isEqualTo(new AccountState(190, 50));
    }

    @Test
    void anAdjustmentMovesTheBalanceEitherWayButNeverBelowWhatIsHeld() {
        AccountState held = twoHundred.hold(150);

        assertThat(held.adjust(25)).isEqualTo(new AccountState(225, 150));
        assertThat(held.adjust(-50)).isEqualTo(new AccountState(150, 150));
        assertThatThrownBy(() -> held.adjust(-51)).isInstanceOfSatisfying(InsufficientCreditsException.class,
                e -> assertThat(e.available()).isEqualTo(50));
        assertThatThrownBy(() -> held.adjust(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBalanceCannotOverflow() {
        AccountState rich = new AccountState(Long.MAX_VALUE - 1, 0);
        assertThatThrownBy(() -> rich.credit(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aBalanceIsTheSumOfSettledAmountsAndHeldTheSumOfHeldChanges() {
        // the sign convention of the entries: the service writes each step's amount with these kinds
        AccountState s = AccountState.empty().credit(200);   // GRANT +200
        s = s.hold(30);                                      // HOLD +30
        AccountState.Settlement settled = s.settle(30, 12);  // CAPTURE -12, RELEASE -18
        s = settled.result().credit(500);                    // PURCHASE +500
        s = s.adjust(-8);                                    // ADJUST -8
        long balance = 200 - 12 + 500 - 8;
        long held = 30 - 12 - 18;
        assertThat(s).isEqualTo(new AccountState(balance, held));
        assertThat(CreditEntryKind.CAPTURE.settled()).isTrue();
        assertThat(CreditEntryKind.CAPTURE.changesHeld()).isTrue();
        assertThat(CreditEntryKind.HOLD.settled()).isFalse();
        assertThat(CreditEntryKind.RELEASE.settled()).isFalse();
        assertThat(CreditEntryKind.GRANT.changesHeld()).isFalse();
    }
}
