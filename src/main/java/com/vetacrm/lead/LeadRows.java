package com.vetacrm.lead;

import com.vetacrm.database.SequenceIds;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lead rows written with plain JDBC batches, for the paths that create many records at once: demo data,
 * benchmark seeding and lead mining. Ids come from the entities' sequences ({@link SequenceIds}), so the
 * application keeps creating records through JPA afterwards.
 */
final class LeadRows {

    private LeadRows() {
    }

    static final String LEAD_SEQUENCE = "crm_lead_seq";
    static final String CONTACT_SEQUENCE = "lead_contact_seq";
    static final String CHATTER_SEQUENCE = "chatter_entry_seq";

    static final String INSERT_LEAD = """
            INSERT INTO crm_lead (id, type, name, partner_name, contact_name, job_title, email, email_domain, phone,
                website, website_domain, street, city, zip, country_code, state_code, stage_id, team_id,
                salesperson_id, priority, expected_revenue, probability, description, lost_reason, active, won_at,
                lost_at, created_at, created_by, updated_at, updated_by, mining_request_id, directory_company_ref,
                version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";
    static final String INSERT_TAG = "INSERT INTO lead_tag (lead_id, tag_id) VALUES (?, ?)";
    static final String INSERT_CONTACT = """
            INSERT INTO lead_contact (id, lead_id, position, full_name, job_title, role, seniority, email, phone, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";
    static final String INSERT_ENTRY = """
            INSERT INTO chatter_entry (id, target_type, target_id, author_id, kind, body, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";


    /** Chatter entries of leads, ids from the chatter's sequence in the order of the list. */
    static void insertEntries(JdbcTemplate jdbc, List<NewEntry> entries) {
        insertEntries(jdbc, entries, SequenceIds.reserve(jdbc, CHATTER_SEQUENCE, entries.size()));
    }

    /** Chatter entries of leads with these ids (from {@link #CHATTER_SEQUENCE}), in the order of the list. */
    static void insertEntries(JdbcTemplate jdbc, List<NewEntry> entries, long[] entryIds) {
        jdbc.batchUpdate(INSERT_ENTRY, setter(entries.size(), (ps, i) -> {
            NewEntry e = entries.get(i);
            ps.setLong(1, entryIds[i]);
            ps.setString(2, LeadService.CHATTER_TYPE);
            ps.setLong(3, e.leadId());
            nullableLong(ps, 4, e.authorId());
            ps.setString(5, e.kind());
            ps.setString(6, e.body());
            string(ps, 7, e.payload());
            time(ps, 8, e.at());
        }));
    }

    static void insertLeads(JdbcTemplate jdbc, List<NewLead> leads) {
        jdbc.batchUpdate(INSERT_LEAD, setter(leads.size(), (ps, i) -> leads.get(i).bind(ps)));
    }

    /** Contacts of leads, ids from the contacts' sequence in the order of the list. */
    static void insertContacts(JdbcTemplate jdbc, List<NewContact> contacts) {
        insertContacts(jdbc, contacts, SequenceIds.reserve(jdbc, CONTACT_SEQUENCE, contacts.size()));
    }

    /** Contacts of leads with these ids (from {@link #CONTACT_SEQUENCE}), in the order of the list. */
    static void insertContacts(JdbcTemplate jdbc, List<NewContact> contacts, long[] ids) {
        jdbc.batchUpdate(INSERT_CONTACT, setter(contacts.size(), (ps, i) -> {
            NewContact c = contacts.get(i);
            ps.setLong(1, ids[i]);
            ps.setLong(2, c.leadId());
            ps.setInt(3, c.position());
            ps.setString(4, c.fullName());
            string(ps, 5, c.jobTitle());
            string(ps, 6, c.role());
            string(ps, 7, c.seniority());
            string(ps, 8, c.email());
            string(ps, 9, c.phone());
        }));
    }

    static void insertTags(JdbcTemplate jdbc, List<NewTag> tags) {
        jdbc.batchUpdate(INSERT_TAG, setter(tags.size(), (ps, i) -> {
            ps.setLong(1, tags.get(i).leadId());
            ps.setLong(2, tags.get(i).tagId());
        }));
    }

    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    static BatchPreparedStatementSetter setter(int size, RowBinder binder) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                binder.bind(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }

    // explicit SQL types for nulls: Spring would otherwise ask the driver for parameter metadata
    static void string(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    static void nullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /** DATETIME columns hold UTC (hibernate.jdbc.time_zone), whatever the JVM's zone. */
    static void time(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setObject(i, LocalDateTime.ofInstant(v, ZoneOffset.UTC));
        }
    }

    record NewLead(long id, LeadType type, String name, String partnerName, String contactName, String jobTitle,
            String email, String emailDomain, String phone, String website, String websiteDomain, String street,
            String city, String zip, String countryCode, String stateCode, long stageId, Long teamId,
            Long salespersonId, int priority, BigDecimal expectedRevenue, BigDecimal probability, String description,
            String lostReason, boolean active, Instant wonAt, Instant lostAt, Instant createdAt, Long createdBy,
            Instant updatedAt, Long updatedBy, Long miningRequestId, String directoryCompanyRef) {

        /** A lead typed in or generated: no mining request, no directory company. */
        NewLead(long id, LeadType type, String name, String partnerName, String contactName, String jobTitle,
                String email, String emailDomain, String phone, String website, String websiteDomain, String street,
                String city, String zip, String countryCode, String stateCode, long stageId, Long teamId,
                Long salespersonId, int priority, BigDecimal expectedRevenue, BigDecimal probability,
                String description, String lostReason, boolean active, Instant wonAt, Instant lostAt,
                Instant createdAt, Long createdBy, Instant updatedAt, Long updatedBy) {
            this(id, type, name, partnerName, contactName, jobTitle, email, emailDomain, phone, website, websiteDomain,
                    street, city, zip, countryCode, stateCode, stageId, teamId, salespersonId, priority,
                    expectedRevenue, probability, description, lostReason, active, wonAt, lostAt, createdAt, createdBy,
                    updatedAt, updatedBy, null, null);
        }

        NewLead withId(long newId) {
            return new NewLead(newId, type, name, partnerName, contactName, jobTitle, email, emailDomain, phone,
                    website, websiteDomain, street, city, zip, countryCode, stateCode, stageId, teamId, salespersonId,
                    priority, expectedRevenue, probability, description, lostReason, active, wonAt, lostAt, createdAt,
                    createdBy, updatedAt, updatedBy, miningRequestId, directoryCompanyRef);
        }

        void bind(PreparedStatement ps) throws SQLException {
            ps.setLong(1, id);
            ps.setString(2, type.name());
            ps.setString(3, name);
            string(ps, 4, partnerName);
            string(ps, 5, contactName);
            string(ps, 6, jobTitle);
            string(ps, 7, email);
            string(ps, 8, emailDomain);
            string(ps, 9, phone);
            string(ps, 10, website);
            string(ps, 11, websiteDomain);
            string(ps, 12, street);
            string(ps, 13, city);
            string(ps, 14, zip);
            string(ps, 15, countryCode);
            string(ps, 16, stateCode);
            ps.setLong(17, stageId);
            nullableLong(ps, 18, teamId);
            nullableLong(ps, 19, salespersonId);
            ps.setInt(20, priority);
            ps.setBigDecimal(21, expectedRevenue);
            ps.setBigDecimal(22, probability);
            string(ps, 23, description);
            string(ps, 24, lostReason);
            ps.setBoolean(25, active);
            time(ps, 26, wonAt);
            time(ps, 27, lostAt);
            time(ps, 28, createdAt);
            nullableLong(ps, 29, createdBy);
            time(ps, 30, updatedAt);
            nullableLong(ps, 31, updatedBy);
            nullableLong(ps, 32, miningRequestId);
            string(ps, 33, directoryCompanyRef);
        }
    }

    record NewTag(long leadId, long tagId) {
    }

    record NewContact(long leadId, int position, String fullName, String jobTitle, String role, String seniority,
            String email, String phone) {
    }

    record NewEntry(long leadId, Long authorId, String kind, String body, String payload, Instant at) {
    }
}
