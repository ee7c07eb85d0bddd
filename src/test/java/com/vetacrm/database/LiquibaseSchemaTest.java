package com.vetacrm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Liquibase builds the CRM core schema on a real MariaDB; Hibernate validated it when the context started. */
class LiquibaseSchemaTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnRealMariaDb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
    }

    @Test
    void createsEveryCoreTableOfTheDesign() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'""", String.class);
        assertThat(tables).contains("app_user", "sales_team", "sales_team_member", "stage", "tag", "crm_lead",
                "lead_tag", "lead_contact", "chatter_entry", "app_setting");
    }

    @Test
    void appliesEveryChangeSetOnce() throws Exception {
        // one change set per file, each file listed in the master changelog
        String master = new String(getClass().getResourceAsStream("/db/changelog/db.changelog-master.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        int files = master.split("<include ", -1).length - 1;
        assertThat(files).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class)).isEqualTo(files);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM DATABASECHANGELOG", Integer.class)).isEqualTo(files);
    }

    @Test
    void createsTheIndexesThePipelineAndGridQueriesUse() {
        List<String> indexes = jdbc.queryForList("""
                SELECT DISTINCT index_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name IN ('crm_lead', 'lead_tag', 'chatter_entry')""",
                String.class);
        assertThat(indexes).contains("ix_crm_lead_team_pipeline", "ix_crm_lead_salesperson_pipeline",
                "ix_crm_lead_stage_pipeline", "ix_crm_lead_created", "ix_crm_lead_salesperson_created", "ix_crm_lead_team_created",
                "ux_crm_lead_directory_ref", "ix_crm_lead_website_domain", "ix_crm_lead_email_domain", "ix_lead_tag_tag",
                "ix_chatter_entry_target");
        List<String> pipelineColumns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'crm_lead' AND index_name = 'ix_crm_lead_team_pipeline'
                ORDER BY seq_in_index""", String.class);
        assertThat(pipelineColumns).containsExactly("team_id", "active", "stage_id", "priority", "id", "expected_revenue");
    }

    @Test
    void storesDirectoryContactsInCompanyOrderWithUniqueIds() {
        // InnoDB keeps rows in primary key order: a company's contacts are one range (change 0027)
        assertThat(jdbc.queryForList("""
                SELECT column_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'directory_contact' AND index_name = 'PRIMARY'
                ORDER BY seq_in_index""", String.class)).containsExactly("company_id", "position");
        assertThat(jdbc.queryForList("""
                SELECT column_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'directory_contact' AND non_unique = 0
                AND index_name <> 'PRIMARY'""", String.class)).containsExactly("id");
        jdbc.update("INSERT INTO directory_company (id, ref, name, domain, industry_code, employees, country_code, `rank`,"
                + " created_at, updated_at) VALUES (-27, 'schema-0027', 'Schema Test', 'schema-0027.example',"
                + " (SELECT MIN(code) FROM industry),"
                + " 10, 'US', -27, NOW(), NOW())");
        jdbc.update("INSERT INTO directory_contact (id, company_id, position, full_name) VALUES (-270, -27, 0, 'A')");
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO directory_contact (id, company_id, position, full_name) VALUES (-270, -27, 1, 'B')"))
                .as("a contact's id is unique").hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO directory_contact (id, company_id, position, full_name) VALUES (-271, -27, 0, 'C')"))
                .as("one contact per position of a company").hasMessageContaining("Duplicate");
        jdbc.update("DELETE FROM directory_company WHERE id = -27");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact WHERE company_id = -27", Integer.class))
                .as("contacts go with their company").isZero();
    }

    @Test
    void storesFullUnicodeText() {
        String text = "Ñandú Ltda. — 東京 🚀";
        jdbc.update("INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES ('test.unicode', ?, NOW(6))",
                text);
        assertThat(jdbc.queryForObject("SELECT setting_value FROM app_setting WHERE setting_key = 'test.unicode'",
                String.class)).isEqualTo(text);
    }

    @Test
    void refusesALeadWithAPriorityOutsideZeroToThree() {
        Long stage = jdbc.queryForObject("SELECT MIN(id) FROM stage", Long.class);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO crm_lead (id, type, name, stage_id, priority, created_at, updated_at)
                VALUES (NEXT VALUE FOR crm_lead_seq, 'LEAD', 'Too eager', ?, 5, NOW(6), NOW(6))""", stage))
                .hasStackTraceContaining("ck_crm_lead_priority");
    }

    @Test
    void refusesAChatterPayloadThatIsNotJson() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO chatter_entry (id, target_type, target_id, kind, payload, created_at)
                VALUES (NEXT VALUE FOR chatter_entry_seq, 'LEAD', 1, 'ENRICHMENT', '{not json', NOW(6))"""))
                .hasStackTraceContaining("ck_chatter_entry_payload");
    }
}
