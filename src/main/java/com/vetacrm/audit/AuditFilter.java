package com.vetacrm.audit;

import java.time.Instant;

/** Which audit entries to list; null = any. {@code to} is exclusive. */
public record AuditFilter(AuditAction action, Long userId, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
