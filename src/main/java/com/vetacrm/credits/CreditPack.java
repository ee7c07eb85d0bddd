package com.vetacrm.credits;

import java.util.Arrays;
import java.util.Optional;

/** The packs of credits one can buy (DESIGN §6). */
public enum CreditPack {
    PACK_100(100),
    PACK_500(500),
    PACK_1000(1_000),
    PACK_5000(5_000);

    private final long credits;

    CreditPack(long credits) {
        this.credits = credits;
    }

    public long credits() {
        return credits;
    }

    public static Optional<CreditPack> of(long credits) {
        return Arrays.stream(values()).filter(p -> p.credits == credits).findFirst();
    }
}
