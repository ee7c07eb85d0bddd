package com.vetacrm.directory;

import static com.vetacrm.directory.DirectoryImportKind.COMPANIES;
import static com.vetacrm.directory.DirectoryImportKind.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.Refusals;
import com.vetacrm.testsupport.ServiceTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The directory CSV import on the real database: every kind of bad row reported with its line, good rows
 * imported beside them, re-import by ref, separators, quoting, byte-order mark, files refused as a whole,
 * contacts, and who may import. Each test uses its own refs and domains, so the tests do not depend on
 * their order.
 */
@WithUserDetails(DemoUsers.ADMIN)
class DirectoryImportServiceTest extends ServiceTest {

    @Autowired
    DirectoryImportService service;
    @Autowired
    JdbcTemplate jdbc;

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private DirectoryImportReport companies(String csv) {
        return service.importCsv(COMPANIES, utf8(csv));
    }

    private DirectoryImportReport contacts(String csv) {
        return service.importCsv(CONTACTS, utf8(csv));
    }

    /** "line column key" of every problem, for compact assertions. */
    private static List<String> problems(DirectoryImportReport report) {
        return report.problems().stream().map(p -> p.line() + " " + p.column() + " " + p.messageKey()).toList();
    }

    private Map<String, Object> company(String ref) {
        return jdbc.queryForMap("SELECT * FROM directory_company WHERE ref = ?", ref);
    }

    private int companyCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class);
    }

    /** The company's technologies; its row's copy of them (change 0028) must say the same. */
    private List<String> technologies(String ref) {
        List<String> rows = jdbc.queryForList("""
                SELECT t.technology_code FROM directory_company_technology t JOIN directory_company c ON c.id = t.company_id
                WHERE c.ref = ? ORDER BY t.technology_code""", String.class, ref);
        String copy = jdbc.queryForObject("SELECT technology_codes FROM directory_company WHERE ref = ?", String.class,
                ref);
        assertThat(copy).as("the technology codes on %s's row", ref)
                .isEqualTo(rows.isEmpty() ? null : String.join(",", rows));
        return rows;
    }

    @Test
    void goodRowsAreImportedAndEveryBadRowIsReportedWithItsLineAndReason() {
        String takenDomain = jdbc.queryForObject("SELECT domain FROM directory_company ORDER BY id LIMIT 1", String.class);
        String takenRef = jdbc.queryForObject("SELECT ref FROM directory_company WHERE domain = ?", String.class,
                takenDomain);
        int before = companyCount();

        DirectoryImportReport report = companies("""
                ref,name,domain,industry,employees,country,state,phone,email,technologies,time_zone,founded_year,annual_revenue,company_type
                A-OK1,Acme Ibérica,https://www.Acme-Iberica.es/about,Software_Services,120,es,M,912 345 678,info@acme-iberica.es,wordpress| Google_Analytics,,1998,2500000.50,public
                A-BAD1,Bad Country,a-badcountry.com,software_services,10,XX,,,,,,,,
                A-BAD2,Bad State,a-badstate.com,software_services,10,ES,US-CA,,,,,,,
                A-BAD3,Bad Email,a-bademail.com,software_services,10,US,,,not-an-email,,,,,
                A-BAD4,Bad Employees,a-bademployees.com,software_services,many,US,,,,,,,,
                A-BAD5,,a-noname.com,software_services,10,US,,,,,,,,
                A-OK1,Acme again,a-acme-again.es,software_services,5,ES,,,,,,,,
                A-OK2,Globex,globex-a.com,retailing,3,US,CA,+1 650-253-0000,,,,,,
                A-BAD6,Bad Industry,a-badindustry.com,mining_bitcoin,10,US,,,,,,,,
                A-BAD7,Bad Phone,a-badphone.com,retailing,10,ES,,12,,,,,,
                A-BAD8,Bad Zone,a-badzone.com,retailing,10,ES,,,,,Mars/Olympus,,,
                A-BAD9,Bad Tech,a-badtech.com,retailing,10,ES,,,,wordpress|teleportation,,,,
                A-BAD10,Domain Taken,%s,retailing,10,ES,,,,,,,,
                A-BAD11,Bad Domain,not a domain,retailing,10,ES,,,,,,,,
                A-BAD12,Old,a-old.com,retailing,10,ES,,,,,,1200,,
                A-BAD13,Money,a-money.com,retailing,10,ES,,,,,,,"1,234,567",
                A-BAD14,Type,a-type.com,retailing,10,ES,,,,,,,,cooperative
                A-BAD15,Zero,a-zero.com,retailing,0,ES,,,,,,,,
                bad ref,Spaces,a-spaces.com,retailing,10,ES,,,,,,,,
                A-BAD16,Two problems,a-two.com,retailing,-3,ZZ,,,,,,,,
                A-OK3,Tenerife,a-tenerife.es,retailing,7,ES,ES-TF,,,,,,,
                """.formatted(takenDomain));

        assertThat(problems(report)).containsExactly(
                "3 country directory.import.row.unknownCountry",
                "4 state directory.import.row.unknownState",
                "5 email directory.import.row.badEmail",
                "6 employees directory.import.row.notWhole",
                "7 name directory.import.row.required",
                "8 ref directory.import.row.duplicateRef",
                "10 industry directory.import.row.unknownIndustry",
                "11 phone directory.import.row.badPhone",
                "12 time_zone directory.import.row.badTimeZone",
                "13 technologies directory.import.row.unknownTechnology",
                "14 domain directory.import.row.domainTaken",
                "15 domain directory.import.row.badDomain",
                "16 founded_year directory.import.row.notWhole",
                "17 annual_revenue directory.import.row.badAmount",
                "18 company_type directory.import.row.badCompanyType",
                "19 employees directory.import.row.notWhole",
                "20 ref directory.import.row.badRef",
                "21 employees directory.import.row.notWhole",
                "21 country directory.import.row.unknownCountry");
        assertThat(report.rowsRead()).isEqualTo(21);
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.updated()).isZero();
        assertThat(report.rejected()).isEqualTo(18);
        assertThat(report.complete()).isTrue();
        assertThat(report.separator()).isEqualTo(',');
        assertThat(companyCount()).isEqualTo(before + 3);

        // the reasons carry what the user needs to fix the line
        Problem duplicate = report.problems().get(5);
        assertThat(duplicate.ref()).isEqualTo("A-OK1");
        assertThat(duplicate.args()).containsExactly("A-OK1", 2L);
        assertThat(report.problems().get(10).args()).containsExactly(takenDomain, takenRef);
        assertThat(report.problems().get(1).args()).containsExactly("US-CA", "ES");
        assertThat(report.problems().get(4).args()).containsExactly("name");

        // good rows are stored in Veta's forms
        Map<String, Object> acme = company("A-OK1");
        assertThat(acme).containsEntry("name", "Acme Ibérica").containsEntry("domain", "acme-iberica.es")
                .containsEntry("industry_code", "software_services").containsEntry("employees", 120)
                .containsEntry("country_code", "ES").containsEntry("state_code", "ES-M")
                .containsEntry("phone", "+34912345678").containsEntry("generic_email", "info@acme-iberica.es")
                .containsEntry("time_zone", "Europe/Madrid").containsEntry("founded_year", 1998)
                .containsEntry("company_type", "PUBLIC");
        assertThat(acme.get("annual_revenue").toString()).isEqualTo("2500001");
        assertThat(technologies("A-OK1")).containsExactly("google_analytics", "wordpress");
        assertThat(company("A-OK2")).containsEntry("state_code", "US-CA").containsEntry("phone", "+16502530000")
                .containsEntry("time_zone", "America/Los_Angeles").containsEntry("company_type", "PRIVATE");
        assertThat(company("A-OK3")).containsEntry("time_zone", "Atlantic/Canary");
        // new companies get ids from the sequence and a rank no other company has
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT `rank`) = COUNT(*) FROM directory_company", Boolean.class))
                .isTrue();
        assertThat((Long) acme.get("id")).isGreaterThan(0);
    }

    @Test
    void importingTheSameFileAgainUpdatesByRefAndCreatesNoDuplicates() {
        String file = """
                ref,name,legal_name,website,industry,employees,country,state,city,technologies
                B-1,Initech,Initech LLC,www.initech-b.com,software_services,50,US,TX,Austin,hubspot|stripe
                B-2,Hooli,,hooli-b.com,software_services,9000,US,CA,Palo Alto,
                B-3,Umbrella,,umbrella-b.com,pharma_biotech_life_sciences,700,GB,,London,salesforce
                """;
        DirectoryImportReport first = companies(file);
        assertThat(first.created()).isEqualTo(3);
        Map<String, Object> initech = company("B-1");
        int count = companyCount();

        DirectoryImportReport again = companies(file);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(again.problems()).isEmpty();
        assertThat(companyCount()).isEqualTo(count);
        assertThat(company("B-1")).containsEntry("id", initech.get("id")).containsEntry("rank", initech.get("rank"))
                .containsEntry("created_at", initech.get("created_at"));
        assertThat(technologies("B-1")).containsExactly("hubspot", "stripe");

        // changed values (refs compared ignoring case) replace the stored ones; technologies are replaced
        DirectoryImportReport changed = companies("""
                ref,name,legal_name,website,industry,employees,country,state,city,technologies
                b-1,Initech,Initech Inc.,initech-b.com,software_services,75,US,TX,Dallas,wordpress
                """);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(companyCount()).isEqualTo(count);
        assertThat(company("B-1")).containsEntry("legal_name", "Initech Inc.").containsEntry("employees", 75)
                .containsEntry("city", "Dallas").containsEntry("id", initech.get("id"));
        assertThat(technologies("B-1")).containsExactly("wordpress");
    }

    @Test
    void columnsTheFileDoesNotHaveKeepTheirValuesButTheLocationIsWrittenTogether() {
        companies("""
                ref,name,legal_name,domain,industry,employees,country,state,city,phone,technologies,time_zone
                C-1,Stark,Stark Industries Inc.,stark-c.com,capital_goods,400,US,NY,New York,+1 650-253-0000,stripe,America/New_York
                """);
        DirectoryImportReport update = companies("""
                ref,name,domain,industry,employees,country
                C-1,Stark Industries,stark-c.com,capital_goods,450,US
                C-2,Wayne Enterprises,wayne-c.com,capital_goods,300,US
                """);
        assertThat(update.updated()).isEqualTo(1);
        assertThat(update.created()).isEqualTo(1);
        assertThat(technologies("C-2")).isEmpty();
        assertThat(company("C-1")).containsEntry("name", "Stark Industries").containsEntry("employees", 450)
                .containsEntry("legal_name", "Stark Industries Inc.").containsEntry("city", "New York")
                .containsEntry("phone", "+16502530000")
                // state and time zone follow the country: no state column clears the state, the zone is derived
                .containsEntry("state_code", null).containsEntry("time_zone", "America/New_York");
        assertThat(technologies("C-1")).containsExactly("stripe");
    }

    @Test
    void aSemicolonFileWithByteOrderMarkQuotesAndLineBreaksInsideValues() {
        String file = "\uFEFFref;name;description;domain;industry;employees;country;city\r\n"
                + "D-1;\"Müller; Söhne \"\"Präzision\"\"\";\"Line one\r\nline two; still the description\r\nline three\";"
                + "mueller-d.de;capital_goods;35;DE;München\r\n"
                + "\r\n"
                + "D-2;Schmidt GmbH;;schmidt-d.de;capital_goods;x;DE;Köln\r\n"
                + "D-3;Weber AG;\"\";weber-d.de;capital_goods;8;de;Hamburg";
        DirectoryImportReport report = companies(file);
        assertThat(report.separator()).isEqualTo(';');
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.created()).isEqualTo(2);
        // the bad row is on physical line 6: the quoted description spans lines 2-4 and line 5 is blank
        assertThat(problems(report)).containsExactly("6 employees directory.import.row.notWhole");
        assertThat(company("D-1")).containsEntry("name", "Müller; Söhne \"Präzision\"")
                .containsEntry("description", "Line one\nline two; still the description\nline three")
                .containsEntry("city", "München");
        assertThat(company("D-3")).containsEntry("description", null).containsEntry("country_code", "DE");
    }

    @Test
    void aCommaFileWithQuotedCommasAndAHeaderInAnyCase() {
        DirectoryImportReport report = companies("""
                "Ref","Name","Legal Name","Domain","Industry","Employees","Country","Street","Unknown thing"
                E-1,"Dupont, Fils & Cie","Dupont et Fils, SARL",dupont-e.fr,retailing,12,FR,"12, rue de Rivoli",x
                """);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.ignoredColumns()).containsExactly("Unknown thing");
        assertThat(company("E-1")).containsEntry("name", "Dupont, Fils & Cie")
                .containsEntry("legal_name", "Dupont et Fils, SARL").containsEntry("street", "12, rue de Rivoli");
    }

    @Test
    void linesWithTheWrongNumberOfValuesOrBytesThatAreNotUtf8AreRejected() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ref,name,domain,industry,employees,country\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("F-1,Too few,f-1.com,retailing,5\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("F-2,Too many,f-2.com,retailing,5,ES,surprise\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("F-3,Trailing empty values are fine,f-3.com,retailing,5,ES,,\n".getBytes(StandardCharsets.UTF_8));
        // 64 KB of good rows first, so the Latin-1 line comes after the part of the file checked up front
        for (int i = 0; bytes.size() < CsvInput.SNIFF_BYTES + 1000; i++) {
            bytes.writeBytes(("F-P" + i + ",Padding " + i + ",f-p" + i + ".com,retailing,5,ES\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("F-4,Caf\u00e9 Latin,f-4.com,retailing,5,ES\n".getBytes(Charset.forName("ISO-8859-1")));
        bytes.writeBytes("F-5,Café UTF-8,f-5.com,retailing,5,ES\n".getBytes(StandardCharsets.UTF_8));
        long lines = bytes.toString(StandardCharsets.UTF_8).lines().count();

        DirectoryImportReport report = service.importCsv(COMPANIES, new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(problems(report)).containsExactly(
                "2 null directory.import.row.valueCount",
                "3 null directory.import.row.valueCount",
                (lines - 1) + " null directory.import.row.invalidText");
        assertThat(report.problems().getFirst().args()).containsExactly(5, 6);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(company("F-3")).containsEntry("name", "Trailing empty values are fine");
        assertThat(company("F-5")).containsEntry("name", "Café UTF-8");
    }

    @Test
    void aFileThatIsNotCsvIsRefusedAndNothingIsImported() throws Exception {
        int before = companyCount();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("companies.csv"));
            z.write("ref,name,domain,industry,employees,country\nG-1,Zipped,g-1.com,retailing,5,ES\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] latin1 = "ref,name,domain,industry,employees,country\nG-2,Café,g-2.com,retailing,5,ES\n"
                .getBytes(Charset.forName("ISO-8859-1"));
        byte[] utf16 = "ref,name,domain,industry,employees,country\nG-3,X,g-3.com,retailing,5,ES\n"
                .getBytes(StandardCharsets.UTF_16);
        byte[] binary = {'r', 'e', 'f', 0, 1, 2, 3};

        assertThat(refusal(png)).isEqualTo("directory.import.error.notCsv.png");
        assertThat(refusal(zip.toByteArray())).isEqualTo("directory.import.error.notCsv.zip");
        assertThat(refusal(latin1)).isEqualTo("directory.import.error.notUtf8");
        assertThat(refusal(utf16)).isEqualTo("directory.import.error.notCsv.utf16");
        assertThat(refusal(binary)).isEqualTo("directory.import.error.notCsv.binary");
        assertThat(refusal(new byte[0])).isEqualTo("directory.import.error.empty");
        assertThat(refusal("\uFEFF\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("directory.import.error.empty");
        assertThat(refusal("Dear admin,\nhere are the companies you asked for.\nG-4 Acme\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("directory.import.error.missingColumns");
        assertThat(refusal("ref,name,domain,industry,employees,country,Name\nG-5,A,g-5.com,retailing,5,ES,B\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("directory.import.error.duplicateColumn");
        assertThat(refusal("ref,name,industry,employees,country\nG-6,No domain,retailing,5,ES\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("directory.import.error.missingColumns");
        assertThat(companyCount()).isEqualTo(before);

        BusinessRuleException missing = (BusinessRuleException) org.assertj.core.api.Assertions.catchThrowable(
                () -> companies("ref,name,country\nG-7,Acme,ES\n"));
        assertThat(missing.args()).containsExactly("domain / website, industry, employees");
    }

    private String refusal(byte[] file) {
        return Refusals.messageKey(org.assertj.core.api.Assertions.catchThrowableOfType(BusinessRuleException.class,
                () -> service.importCsv(COMPANIES, new ByteArrayInputStream(file))));
    }

    @Test
    void aFileOfTheOtherKindIsRefusedWithAHint() {
        assertThatThrownBy(() -> companies("company_ref,full_name,email\nVD00000001,Ana Pérez,ana@example.com\n"))
                .extracting(Refusals::messageKey).isEqualTo("directory.import.error.contactsFile");
        assertThatThrownBy(() -> contacts("ref,name,domain,industry,employees,country\nH-1,X,h-1.com,retailing,5,ES\n"))
                .extracting(Refusals::messageKey).isEqualTo("directory.import.error.companiesFile");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE ref = 'H-1'", Integer.class)).isZero();
    }

    @Test
    void anUnclosedQuoteStopsTheImportAfterTheRowsBeforeIt() {
        DirectoryImportReport report = companies("""
                ref,name,domain,industry,employees,country
                I-1,Before,i-1.com,retailing,5,ES
                I-2,"Never closed,i-2.com,retailing,5,ES
                I-3,After,i-3.com,retailing,5,ES
                """);
        assertThat(report.complete()).isFalse();
        assertThat(report.stoppedBy().line()).isEqualTo(3);
        assertThat(report.stoppedBy().messageKey()).isEqualTo("directory.import.stop.unclosedQuote");
        assertThat(report.created()).isEqualTo(1);
        assertThat(company("I-1")).containsEntry("name", "Before");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE ref IN ('I-2', 'I-3')",
                Integer.class)).isZero();
    }

    @Test
    void theSameDomainTwiceInAFileKeepsTheFirstCompany() {
        DirectoryImportReport report = companies("""
                ref,name,domain,industry,employees,country
                J-1,First,j-shared.com,retailing,5,ES
                J-2,Second,WWW.J-Shared.com,retailing,5,ES
                """);
        assertThat(problems(report)).containsExactly("3 domain directory.import.row.domainRepeated");
        assertThat(report.problems().getFirst().args()).containsExactly("j-shared.com", 2L, "J-1");
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void contactsAreImportedForKnownCompaniesAndMatchedAgainOnReimport() {
        companies("""
                ref,name,domain,industry,employees,country
                K-1,Contacts Co,k-contacts.es,retailing,40,ES
                K-2,Other Co,k-other.com,retailing,40,US
                """);
        String file = """
                company_ref,position,full_name,first_name,last_name,title,role,seniority,email,phone
                K-1,,Ana Pérez,Ana,Pérez,Directora general,CEO,executive,ana@k-contacts.es,912 345 678
                K-1,,,Luis,García,Ventas,sale,manager,luis@k-contacts.es,
                k-2,5,Bob Smith,,,CTO,information_technology,director,,(650) 253-0000
                K-9,,Nobody,,,,,,,
                K-1,,,,,Nameless,,,,
                K-1,,Bad Mail,,,,,,bad@,
                K-1,,Bad Role,,,,astronaut,,,
                K-1,,Bad Seniority,,,,,intern,,
                K-1,,Ana P.,,,,,,ANA@k-contacts.es,
                K-1,,Bad Phone,,,,,,,12
                """;
        DirectoryImportReport first = contacts(file);
        assertThat(problems(first)).containsExactly(
                "5 company_ref directory.import.row.unknownCompany",
                "6 full_name directory.import.row.required",
                "7 email directory.import.row.badEmail",
                "8 role directory.import.row.unknownRole",
                "9 seniority directory.import.row.unknownSeniority",
                "10 null directory.import.row.duplicateContact",
                "11 phone directory.import.row.badPhone");
        assertThat(first.problems().get(5).args()).containsExactly(2L);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(7);

        List<Map<String, Object>> k1 = jdbc.queryForList("""
                SELECT p.* FROM directory_contact p JOIN directory_company c ON c.id = p.company_id
                WHERE c.ref = 'K-1' ORDER BY p.position""");
        assertThat(k1).extracting(m -> m.get("full_name")).containsExactly("Ana Pérez", "Luis García");
        assertThat(k1).extracting(m -> m.get("position")).containsExactly(0, 1);
        assertThat(k1.getFirst()).containsEntry("role_code", "ceo").containsEntry("seniority_code", "executive")
                .containsEntry("phone", "+34912345678").containsEntry("title", "Directora general");
        assertThat(jdbc.queryForMap("""
                SELECT p.* FROM directory_contact p JOIN directory_company c ON c.id = p.company_id WHERE c.ref = 'K-2'"""))
                .containsEntry("position", 5).containsEntry("phone", "+16502530000");

        // again: the same contacts, matched by e-mail, position or name; nothing new
        int contacts = jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact", Integer.class);
        DirectoryImportReport again = contacts(file);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact", Integer.class)).isEqualTo(contacts);

        // a changed title reaches the contact with that e-mail
        DirectoryImportReport changed = contacts("""
                company_ref,full_name,title,email
                K-1,Ana Pérez,CEO & founder,Ana@K-Contacts.es
                K-1,Marta Ruiz,Marketing,marta@k-contacts.es
                """);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.created()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT p.title FROM directory_contact p JOIN directory_company c ON c.id = p.company_id
                WHERE c.ref = 'K-1' ORDER BY p.position""", String.class))
                .containsExactly("CEO & founder", "Ventas", "Marketing");
    }

    @Test
    void contactsOfAGeneratedCompanyCanBeAddedByItsRef() {
        Map<String, Object> generated = jdbc.queryForMap("""
                SELECT c.id, c.ref, (SELECT COALESCE(MAX(p.position), -1) FROM directory_contact p WHERE p.company_id = c.id) AS last
                FROM directory_company c WHERE c.ref LIKE 'VD%' ORDER BY c.id LIMIT 1""");
        DirectoryImportReport report = contacts("company_ref,full_name,email\n" + generated.get("ref")
                + ",New Person,new.person@example.org\n");
        assertThat(report.created()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT position FROM directory_contact WHERE email = 'new.person@example.org'",
                Integer.class)).isEqualTo(((Number) generated.get("last")).intValue() + 1);
    }

    @Test
    void problemsBeyondTheFirstTenThousandAreCountedNotListed() {
        // 12,000 rows without a name (so nothing reaches the database), streamed as they are made up
        DirectoryImportReport report = service.importCsv(COMPANIES, new GeneratedCompaniesCsv(12_000, "NN", 1));
        assertThat(report.rejected()).isEqualTo(12_000);
        assertThat(report.problems()).hasSize(DirectoryImportService.MAX_LISTED_PROBLEMS);
        assertThat(report.problemsNotListed()).isEqualTo(2_000);
        assertThat(report.problems().getFirst().line()).isEqualTo(2);
        assertThat(report.problems().getLast().line()).isEqualTo(10_001);
    }

    @Test
    void aSecondImportWhileOneIsRunningIsRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean reading = new AtomicBoolean();
        // an upload that sends its header and one row, then waits, as a slow connection would
        InputStream slow = new InputStream() {
            private final InputStream start = utf8("ref,name,domain,industry,employees,country\nM-1,Slow,m-slow.com,retailing,5,ES\n");

            @Override
            public int read() throws java.io.IOException {
                int b = start.read();
                if (b >= 0) {
                    return b;
                }
                reading.set(true);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        SecurityContext admin = SecurityContextHolder.getContext();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<DirectoryImportReport> first = other.submit(() -> {
                SecurityContextHolder.setContext(admin);
                return service.importCsv(COMPANIES, slow);
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilTrue(reading);

            assertThatThrownBy(() -> companies("ref,name,domain,industry,employees,country\nM-2,X,m-2.com,retailing,5,ES\n"))
                    .extracting(Refusals::messageKey).isEqualTo("directory.import.error.busy");

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).created()).isEqualTo(1);
            // and once it has finished, the next import runs
            assertThat(companies("ref,name,domain,industry,employees,country\nM-2,X,m-2.com,retailing,5,ES\n")
                    .created()).isEqualTo(1);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aSalesManagerMayNotImport() {
        assertThatThrownBy(() -> companies("ref,name,domain,industry,employees,country\nL-1,X,l-1.com,retailing,5,ES\n"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE ref = 'L-1'", Integer.class)).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonMayNotImport() {
        assertThatThrownBy(() -> contacts("company_ref,full_name\nVD00000001,X\n"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
