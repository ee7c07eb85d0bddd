package com.vetacrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.VetaApplication;
import com.vetacrm.bench.BenchReport.Timing;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.Exclusions;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceCriteria;
import com.vetacrm.leadsource.SourcePreview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Lead mining's selection on a directory of 1,000,000 companies (directory issue, speed): the dialog's
 * preview (one country, two industries, a size range) and the selection of 200 not-known companies with
 * 5 contacts each — without exclusions, and with 100,000 of the CRM's leads knowing directory companies
 * (half by ref, half by website domain). Shares the benchmark database of {@link LeadQueriesBench}; only
 * the {@code bench} profile runs it. Prints figures and EXPLAIN / ANALYZE; asserts only that the data is
 * what the figures claim.
 */
@Tag("bench")
class LeadSourceBench {

    private static final int COMPANIES = Integer.getInteger("veta.bench.companies", 1_000_000);
    private static final int KNOWN = 100_000;
    private static final int SELECT = 200;
    private static final int CONTACTS = 5;

    private final BenchReport report = new BenchReport();

    @Test
    void previewAndSelectOnAMillionCompanies() throws IOException {
        try {
            List<String> generatorLog = new CopyOnWriteArrayList<>();
            BenchReport.capture("com.vetacrm.directory.DirectoryGenerator", generatorLog);
            try (ConfigurableApplicationContext app = start()) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                long companies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class);
                if (companies >= COMPANIES) {
                    measure(app);
                    return;
                }
                // The generator fills an empty directory only: start again on an empty one.
                report.line("Directory has %,d companies, not %,d: emptied and generated again", companies, COMPANIES);
                jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
                jdbc.execute("TRUNCATE TABLE directory_company_technology");
                jdbc.execute("TRUNCATE TABLE directory_contact");
                jdbc.execute("TRUNCATE TABLE directory_company");
                jdbc.execute("TRUNCATE TABLE directory_count");  // TRUNCATE fires no trigger
                jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            long start = System.nanoTime();
            try (ConfigurableApplicationContext app = start()) {
                report.line("Start with directory generation: %.1f s", (System.nanoTime() - start) / 1e9);
                generatorLog.forEach(m -> report.line("  generator: %s", m));
                measure(app);
            }
        } finally {
            report.writeTo(Path.of("target", "bench", "lead-source.txt"));
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VetaApplication.class).run(
                "--veta.embedded-db.dir=" + BenchReport.dbDir(), "--veta.embedded-db.ephemeral=false",
                "--veta.embedded-db.database=veta_bench", "--veta.embedded-db.port=0", "--veta.demo.enabled=true",
                "--veta.directory.size=" + COMPANIES, "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.com.vetacrm=INFO");
    }

    private void measure(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        LeadSource source = app.getBean(LeadSource.class);
        Exclusions crm = app.getBean(CrmExclusions.class);
        BenchReport.signIn(app.getBean(UserDetailsService.class), "manager");

        long companies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class);
        long contacts = jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact", Long.class);
        long leads = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Long.class);
        assertThat(companies).isGreaterThanOrEqualTo(COMPANIES);

        // The busiest country and its two biggest industries: the worst case for a single-country request.
        String country = jdbc.queryForObject("SELECT country_code FROM directory_company GROUP BY country_code"
                + " ORDER BY COUNT(*) DESC LIMIT 1", String.class);
        List<String> industries = jdbc.queryForList("SELECT industry_code FROM directory_company WHERE country_code = ?"
                + " GROUP BY industry_code ORDER BY COUNT(*) DESC LIMIT 2", String.class, country);
        List<String> roles = jdbc.queryForList("SELECT code FROM contact_role ORDER BY code", String.class);
        SourceCriteria criteria = new SourceCriteria(Set.of(country), Set.of(), new LinkedHashSet<>(industries), 10, 500,
                null);
        SourceCriteria withContacts = criteria.withContacts(
                ContactCriteria.byRole(CONTACTS, "ceo", roles.subList(0, roles.size())));

        report.line("Veta lead-source benchmark: %,d directory companies, %,d contacts, %,d leads", companies, contacts, leads);
        report.line("Criteria: country %s, industries %s, 10-500 employees; %d companies with up to %d contacts",
                country, industries, SELECT, CONTACTS);
        report.line("");

        long knownBefore = known(jdbc);
        report.line("Leads that know a directory company (by ref or website domain): %,d", knownBefore);
        Timing previewNone = time(() -> source.preview(criteria, Exclusions.none()), true);
        Timing selectNone = time(() -> source.select(withContacts, Exclusions.none(), SELECT), false);
        Timing previewCrm = time(() -> source.preview(criteria, crm), false);
        Timing selectCrm = time(() -> source.select(withContacts, crm, SELECT), false);
        report.line("  preview, no exclusions (not-known asked one batch at a time)   %s", previewNone);
        report.line("  preview, CRM exclusions                                       %s", previewCrm);
        report.line("  select %d x %d, no exclusions                                  %s", SELECT, CONTACTS, selectNone);
        report.line("  select %d x %d, CRM exclusions                                 %s", SELECT, CONTACTS, selectCrm);

        if (knownBefore < KNOWN) {
            long t = System.nanoTime();
            makeKnown(jdbc, KNOWN - knownBefore);
            report.line("");
            report.line("Made %,d more leads know directory companies in %.1f s", KNOWN - knownBefore,
                    (System.nanoTime() - t) / 1e9);
        }
        long knownAfter = known(jdbc);
        SourcePreview preview = source.preview(criteria, crm);
        report.line("");
        report.line("Leads that know a directory company: %,d; preview: %s", knownAfter, preview);
        Timing previewKnown = time(() -> source.preview(criteria, crm), false);
        Timing selectKnown = time(() -> source.select(withContacts, crm, SELECT), false);
        Timing selectKnownNone = time(() -> source.select(withContacts, Exclusions.none(), SELECT), false);
        report.line("  preview, CRM exclusions                                       %s", previewKnown);
        report.line("  select %d x %d, CRM exclusions                                 %s", SELECT, CONTACTS, selectKnown);
        report.line("  select %d x %d, no exclusions                                  %s", SELECT, CONTACTS, selectKnownNone);
        report.line("  exclusion cost: select with / without = %.2fx (target <= 2x)",
                selectKnown.median() / selectKnownNone.median());
        List<SourceCompany> selected = source.select(withContacts, crm, SELECT).companies();
        report.line("  selected %d companies with %d contacts", selected.size(),
                selected.stream().mapToInt(c -> c.contacts().size()).sum());

        explain(jdbc, "preview", () -> source.preview(criteria, crm));
        explain(jdbc, "select", () -> source.select(withContacts, crm, SELECT));
    }

    static long known(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE directory_company_ref IS NOT NULL"
                + " OR website_domain IN (SELECT domain FROM directory_company)", Long.class);
    }

    /**
     * Every tenth company (by id) becomes known to a lead that knew nothing: the even ones through
     * the lead's directory ref (as mined leads), the odd ones through its website (as typed-in leads).
     */
    static void makeKnown(JdbcTemplate jdbc, long count) {
        List<Object[]> companies = new ArrayList<>(jdbc.query("SELECT ref, domain FROM directory_company"
                        + " WHERE MOD(id, 10) = 3 AND ref NOT IN (SELECT directory_company_ref FROM crm_lead"
                        + " WHERE directory_company_ref IS NOT NULL) ORDER BY rank LIMIT ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2)}, count));
        // leads that know no company yet, so each update adds one known company
        List<Long> leadIds = jdbc.queryForList("SELECT id FROM crm_lead l WHERE directory_company_ref IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM directory_company d WHERE d.domain = l.website_domain)"
                + " ORDER BY id LIMIT ?", Long.class, companies.size());
        List<Object[]> byRef = new ArrayList<>();
        List<Object[]> byWebsite = new ArrayList<>();
        for (int i = 0; i < leadIds.size(); i++) {
            Object[] c = companies.get(i);
            if (i % 2 == 0) {
                byRef.add(new Object[] {c[0], leadIds.get(i)});
            } else {
                byWebsite.add(new Object[] {"https://www." + c[1], c[1], leadIds.get(i)});
            }
        }
        jdbc.batchUpdate("UPDATE crm_lead SET directory_company_ref = ? WHERE id = ?", byRef);
        jdbc.batchUpdate("UPDATE crm_lead SET website = ?, website_domain = ? WHERE id = ?", byWebsite);
    }

    private Timing time(java.util.function.Supplier<?> call, boolean allowNothing) {
        return BenchReport.time(call, result -> {
            if (result instanceof List<?> list) {
                assertThat(list).as("a selection that finds nothing measures nothing").hasSize(SELECT);
            } else if (result instanceof SourcePreview p && !allowNothing) {
                assertThat(p.matches()).isPositive();
            }
        });
    }

    private void explain(JdbcTemplate jdbc, String title, java.util.function.Supplier<?> call) {
        report.line("");
        report.line("---- %s", title);
        for (String sql : BenchReport.sqlSentBy(jdbc, call, "directory_company", "directory_contact")) {
            report.line("SQL: %s", sql);
            report.line("alone: %s", BenchReport.time(() -> jdbc.queryForList(sql), r -> { }));
            report.table(jdbc, "EXPLAIN " + sql);
            report.table(jdbc, "ANALYZE " + sql);
        }
    }
}
