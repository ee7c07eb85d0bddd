package com.vetacrm.chatter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A timeline entry. Entries are written once and never changed, so there is no version. */
@Entity
@Table(name = "chatter_entry")
class ChatterEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chatter_entry_seq")
    @SequenceGenerator(name = "chatter_entry_seq", sequenceName = "chatter_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "target_type", nullable = false, length = 30)
    private String targetType;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "author_id")
    private Long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ChatterKind kind;

    @Column(columnDefinition = "TEXT")
    private String body;

    @Column(columnDefinition = "LONGTEXT")
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatterEntry() {
    }

    ChatterEntry(ChatterTarget target, Long authorId, ChatterKind kind, String body, String payload, Instant createdAt) {
        this.targetType = target.type();
        this.targetId = target.id();
        this.authorId = authorId;
        this.kind = kind;
        this.body = body;
        this.payload = payload;
        this.createdAt = createdAt;
    }
}
