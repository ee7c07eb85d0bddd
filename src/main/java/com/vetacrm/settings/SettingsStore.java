package com.vetacrm.settings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The settings' rows in {@code app_setting} (change 0009): one row per key, the value as text, who saved
 * it and when (UTC, like every timestamp Veta stores). Plain SQL: the table is a key-value store, not an entity.
 */
@Component
class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored values of the given keys; a key never saved is absent. */
    Map<String, String> read(Iterable<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM app_setting WHERE setting_key IN (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    /**
     * Writes every value, inserting or replacing, in the caller's transaction. Keys are written in sorted
     * order so two concurrent saves lock the rows in the same order: one waits for the other and the
     * stored set is always one save's, never a mix.
     */
    void write(SortedMap<String, String> values, Long userId, Instant at) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            jdbc.sql("""
                    INSERT INTO app_setting (setting_key, setting_value, updated_at, updated_by)
                    VALUES (:key, :value, :at, :by)
                    ON DUPLICATE KEY UPDATE setting_value = VALUE(setting_value), updated_at = VALUE(updated_at),
                        updated_by = VALUE(updated_by)""")
                    .param("key", e.getKey())
                    .param("value", e.getValue())
                    .param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                    .param("by", userId)
                    .update();
        }
    }

    /** When the given keys were last saved and by whom (display name; null when the user is unknown). */
    Optional<SettingsService.LastSaved> lastSaved(Iterable<String> keys) {
        return jdbc.sql("""
                SELECT s.updated_at, u.display_name FROM app_setting s LEFT JOIN app_user u ON u.id = s.updated_by
                WHERE s.setting_key IN (:keys) ORDER BY s.updated_at DESC LIMIT 1""")
                .param("keys", keys)
                .query((rs, n) -> new SettingsService.LastSaved(
                        rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(2)))
                .optional();
    }
}
