package com.vetacrm.audit;

import java.time.Instant;

/** One line of the audit log. {@code details} is plain text, never personal data such as e-mails. */
public record AuditEntry(long id, Instant at, Long userId, String userName, AuditAction action, String targetType,
        String targetId, String details) {
}
