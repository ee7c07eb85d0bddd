package com.vetacrm.chatter;

import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.BusinessRuleException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads timelines. The caller is another feature's service that has already checked
 * that its caller may see the target record (the chatter cannot know what a "lead" is), so these
 * methods are not secured themselves and must not be called from views: views get a
 * {@link com.vetacrm.chatter.ui.ChatterFeed} from the owning feature. Writes join the caller's
 * transaction, so an event is recorded exactly when the change it describes is committed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ChatterService {

    /** Longest note accepted: a long email pasted in, not a document. */
    public static final int MAX_NOTE_LENGTH = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ChatterEntryRepository entries;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ChatterService(ChatterEntryRepository entries, JdbcClient jdbc, CurrentUser currentUser) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a system event, attributed to the signed-in user when there is one. {@code messageKey}
     * is a translation key; the arguments are stored as they are now (a later rename of a stage
     * does not rewrite history).
     */
    public void recordEvent(ChatterTarget target, String messageKey, String... args) {
        entries.save(event(target, messageKey, args));
    }

    /** The same event on many records at once (bulk actions), written in JDBC batches. */
    public void recordEvents(Collection<ChatterTarget> targets, String messageKey, String... args) {
        entries.saveAll(targets.stream().map(t -> event(t, messageKey, args)).toList());
    }

    private ChatterEntry event(ChatterTarget target, String messageKey, String... args) {
        return new ChatterEntry(target, authorId(), ChatterKind.EVENT, messageKey,
                JSON.writeValueAsString(Arrays.asList(args)), clock.instant());
    }

    /** Logs a user's note: plain text, line breaks kept; shown escaped, never as HTML. */
    public void addNote(ChatterTarget target, String text) {
        String note = validNote(text);
        entries.save(new ChatterEntry(target, currentUser.require().id(), ChatterKind.NOTE, note, null, clock.instant()));
    }

    /** Checks a note as {@link #addNote} will; views use it for the field message. Returns the note to store. */
    public static String validNote(String text) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw new BusinessRuleException("chatter.note.empty");
        }
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new BusinessRuleException("chatter.note.tooLong", MAX_NOTE_LENGTH);
        }
        return note;
    }

    /** Records an enrichment card: a one-line summary and the card's structured data (JSON). */
    public void recordEnrichment(ChatterTarget target, String summary, String payloadJson) {
        entries.save(new ChatterEntry(target, authorId(), ChatterKind.ENRICHMENT, summary, payloadJson, clock.instant()));
    }

    /**
     * Rewrites the structured payloads of a record's ENRICHMENT entries, e.g. to erase the personal data in them
     * (the owner knows their format; the chatter does not). The function gets each payload and returns the new
     * one, the same one to leave it, or null to drop it (the entry keeps its one-line summary). Returns how many
     * entries changed.
     */
    public int rewriteEnrichments(ChatterTarget target, UnaryOperator<String> rewrite) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id, payload FROM chatter_entry
                        WHERE target_type = :type AND target_id = :id AND kind = 'ENRICHMENT' AND payload IS NOT NULL""")
                .param("type", target.type()).param("id", target.id()).query().listOfRows();
        int changed = 0;
        for (Map<String, Object> row : rows) {
            String old = (String) row.get("payload");
            String rewritten = rewrite.apply(old);
            if (!Objects.equals(old, rewritten)) {
                changed += jdbc.sql("UPDATE chatter_entry SET payload = :payload WHERE id = :id")
                        .param("payload", rewritten).param("id", ((Number) row.get("id")).longValue()).update();
            }
        }
        return changed;
    }

    /**
     * Replaces every occurrence of the given values (ignoring case) in a record's notes with {@code replacement}:
     * erasing personal data (an e-mail address) someone typed into a note. Returns how many notes changed.
     */
    public int redactNotes(ChatterTarget target, Collection<String> values, String replacement) {
        List<String> nonBlank = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (nonBlank.isEmpty()) {
            return 0;
        }
        Pattern any = Pattern.compile(String.join("|", nonBlank.stream().map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Map<String, Object>> notes = jdbc.sql("""
                        SELECT id, body FROM chatter_entry
                        WHERE target_type = :type AND target_id = :id AND kind = 'NOTE'""")
                .param("type", target.type()).param("id", target.id()).query().listOfRows();
        int changed = 0;
        for (Map<String, Object> note : notes) {
            String body = (String) note.get("body");
            String redacted = any.matcher(body).replaceAll(Matcher.quoteReplacement(replacement));
            if (!redacted.equals(body)) {
                changed += jdbc.sql("UPDATE chatter_entry SET body = :body WHERE id = :id")
                        .param("body", redacted).param("id", ((Number) note.get("id")).longValue()).update();
            }
        }
        return changed;
    }

    /** A page of the timeline, newest first. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<ChatterItem> timeline(ChatterTarget target, int offset, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.kind, c.author_id, u.display_name, c.body, c.payload, c.created_at
                        FROM chatter_entry c LEFT JOIN app_user u ON u.id = c.author_id
                        WHERE c.target_type = :type AND c.target_id = :id
                        ORDER BY c.created_at DESC, c.id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("type", target.type()).param("id", target.id())
                .param("limit", Math.clamp(limit, 1, 200)).param("offset", Math.max(0, offset))
                .query((rs, n) -> {
                    ChatterKind kind = ChatterKind.valueOf(rs.getString("kind"));
                    String payload = rs.getString("payload");
                    long author = rs.getLong("author_id");
                    Long authorId = rs.wasNull() ? null : author;
                    // stored in UTC (hibernate.jdbc.time_zone); read it as such whatever the JVM's zone
                    Instant at = rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    return new ChatterItem(rs.getLong("id"), kind, authorId,
                            rs.getString("display_name"), rs.getString("body"),
                            kind == ChatterKind.EVENT && payload != null ? JSON.readValue(payload, STRINGS) : List.of(),
                            kind == ChatterKind.ENRICHMENT ? payload : null,
                            at);
                })
                .list();
    }

    private Long authorId() {
        return currentUser.get().map(VetaPrincipal::id).orElse(null);
    }
}
