package com.vetacrm.chatter;

import java.time.Instant;
import java.util.List;

/**
 * One timeline entry as the panel shows it.
 *
 * @param authorName  display name of the author; null for entries written by the system
 * @param text        a NOTE's text as typed; for an EVENT the translation key of the sentence; for an
 *                    ENRICHMENT a one-line summary
 * @param args        the EVENT sentence's arguments (names as they were when it happened)
 * @param payload     the ENRICHMENT card's structured data (JSON); null otherwise
 */
public record ChatterItem(long id, ChatterKind kind, Long authorId, String authorName, String text,
        List<String> args, String payload, Instant createdAt) {
}
