package com.vetacrm.credits;

/**
 * The balance and held credits of an account, and the arithmetic of every ledger operation on them. Pure
 * (no database), so the rules are unit-tested; the service applies them to the locked account row and
 * writes one entry per step.
 * <p>
 * A state can only exist when {@code held >= 0} and {@code balance - held >= 0}: every operation either
 * returns such a state or refuses.
 */
record AccountState(long balance, long held) {

    AccountState {
        if (held < 0 || balance - held < 0) {
            throw new IllegalStateException("Invalid credit account state: balance " + balance + ", held " + held);
        }
    }

    static AccountState empty() {
        return new AccountState(0, 0);
    }

    long available() {
        return balance - held;
    }

    /** GRANT, PURCHASE, REFUND: more credits. */
    AccountState credit(long amount) {
        requirePositive(amount);
        return new AccountState(Math.addExact(balance, amount), held);
    }

    /** HOLD: reserves {@code amount} of the available credits, or refuses with what is available. */
    AccountState hold(long amount) {
        requirePositive(amount);
        if (available() < amount) {
            throw new InsufficientCreditsException(available(), amount);
        }
        return new AccountState(balance, held + amount);
    }

    /** CAPTURE: charges {@code amount} out of held credits; the balance and the held credits both go down. */
    AccountState capture(long amount) {
        requirePositive(amount);
        if (amount > held) {
            throw new IllegalStateException("Capturing " + amount + " but only " + held + " are held");
        }
        return new AccountState(balance - amount, held - amount);
    }

    /** RELEASE: frees {@code amount} held credits; the balance is unchanged. */
    AccountState release(long amount) {
        requirePositive(amount);
        if (amount > held) {
            throw new IllegalStateException("Releasing " + amount + " but only " + held + " are held");
        }
        return new AccountState(balance, held - amount);
    }

    /**
     * ADJUST: a signed correction. Taking credits away cannot go below what open holds reserve: that is
     * refused as insufficient credits.
     */
    AccountState adjust(long delta) {
        if (delta == 0) {
            throw new IllegalArgumentException("An adjustment of 0 changes nothing");
        }
        if (delta < 0 && available() < -delta) {
            throw new InsufficientCreditsException(available(), -delta);
        }
        return new AccountState(Math.addExact(balance, delta), held);
    }

    /**
     * Settles a hold of {@code holdAmount}: captures {@code captured} of it and releases the rest. Returns the
     * state after each step that changes something (the capture, then the release), in order: one ledger
     * entry each.
     */
    Settlement settle(long holdAmount, long captured) {
        requirePositive(holdAmount);
        if (captured < 0 || captured > holdAmount) {
            throw new IllegalArgumentException("Capture " + captured + " outside 0.." + holdAmount);
        }
        AccountState afterCapture = captured > 0 ? capture(captured) : null;
        long rest = holdAmount - captured;
        AccountState base = afterCapture == null ? this : afterCapture;
        AccountState afterRelease = rest > 0 ? base.release(rest) : null;
        return new Settlement(captured, afterCapture, rest, afterRelease);
    }

    /**
     * The steps of a settled hold: {@code afterCapture} is null when nothing was captured, {@code afterRelease}
     * when nothing was left to release.
     */
    record Settlement(long captured, AccountState afterCapture, long released, AccountState afterRelease) {

        AccountState result() {
            return afterRelease != null ? afterRelease : afterCapture;
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("Credit amounts are positive, not " + amount);
        }
    }
}
