package com.vetacrm.directory;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contacts file. A row names its company by {@code company_ref} (a company already in the directory,
 * for example from an earlier companies file) and is matched to an existing contact of that company by, in
 * this order: its {@code position} when given; else its e-mail (ignoring case); else its full name
 * (ignoring case). A matched contact is updated, otherwise a new one is added at the given position or
 * after the company's last contact. Two rows of a file naming the same contact the same way are a
 * repetition: the later one is rejected.
 */
final class ContactImport extends ImportBatches<ContactImport.Row> {

    static final int MAX_POSITION = 99_999;

    record Row(long line, String companyRef, Integer position, String fullName, String firstName, String lastName,
            String title, String role, String seniority, String email, String rawPhone) {
    }

    private record Company(long id, String country) {
    }

    /** A contact of a company in the batch, stored or about to be (id < 0 until ids are reserved). */
    private static final class Contact {
        long id;
        final int position;
        final String email;
        final String name;

        Contact(long id, int position, String email, String name) {
            this.id = id;
            this.position = position;
            this.email = email == null ? null : email.toLowerCase(Locale.ROOT);
            this.name = name == null ? null : name.toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, String> OPTIONAL = Map.of("first_name", "first_name", "last_name", "last_name",
            "title", "title", "role", "role_code", "seniority", "seniority_code", "email", "email", "phone", "phone");

    private final String upsertTail;

    ContactImport(JdbcTemplate jdbc, TransactionTemplate tx, ImportHeader header, ImportReference reference,
            ImportTally tally) {
        super(jdbc, tx, header, reference, tally);
        List<String> updates = new ArrayList<>(List.of("full_name"));
        DirectoryImportKind.CONTACTS.columns().stream().filter(c -> OPTIONAL.containsKey(c) && header.has(c))
                .map(OPTIONAL::get).forEach(updates::add);
        this.upsertTail = "ON DUPLICATE KEY UPDATE "
                + String.join(", ", updates.stream().map(c -> c + " = VALUES(" + c + ")").toList());
    }

    @Override
    protected Row check(ImportRowCheck c) {
        String companyRef = c.ref("company_ref");
        Integer position = c.whole("position", 0, MAX_POSITION, false);
        String firstName = c.text("first_name", 128, false);
        String lastName = c.text("last_name", 128, false);
        String fullName = c.text("full_name", 255, false);
        if (fullName == null && c.raw("full_name") == null) {
            String joined = String.join(" ", java.util.stream.Stream.of(firstName, lastName)
                    .filter(s -> s != null).toList());
            if (joined.isEmpty()) {
                c.fail("full_name", "directory.import.row.required", "full_name");
            } else if (joined.length() > 255) {
                c.fail("full_name", "directory.import.row.tooLong", "full_name", 255);
            } else {
                fullName = joined;
            }
        }
        String title = c.text("title", 255, false);
        String role = c.code("role", reference.roles(), "directory.import.row.unknownRole", false);
        String seniority = c.code("seniority", reference.seniorities(), "directory.import.row.unknownSeniority", false);
        String email = c.email("email");
        String phone = c.raw("phone");
        if (phone != null && phone.length() > 40) {
            c.fail("phone", "directory.import.row.badPhone", phone, "-");
        }
        if (companyRef != null && fullName != null && c.ok()) {
            String identity = position != null ? "p" + position
                    : email != null ? "e" + email.toLowerCase(Locale.ROOT) : "n" + fullName.toLowerCase(Locale.ROOT);
            long first = seen.firstLine(companyRef.toLowerCase(Locale.ROOT) + '\u0001' + identity, c.line);
            if (first != 0) {
                c.fail(null, "directory.import.row.duplicateContact", first);
            }
        }
        if (!c.ok()) {
            return null;
        }
        return new Row(c.line, companyRef, position, fullName, firstName, lastName, title, role, seniority, email, phone);
    }

    @Override
    protected long line(Row row) {
        return row.line();
    }

    @Override
    protected String ref(Row row) {
        return row.companyRef();
    }

    @Override
    protected Outcome write(List<Row> rows) {
        Map<String, Company> companies = new HashMap<>();
        jdbc.query("SELECT id, ref, country_code FROM directory_company WHERE ref IN (" + placeholders(rows.size()) + ")",
                rs -> {
                    companies.put(rs.getString(2).toLowerCase(Locale.ROOT), new Company(rs.getLong(1), rs.getString(3)));
                }, rows.stream().map(Row::companyRef).toArray());
        Map<Long, List<Contact>> contacts = new HashMap<>();
        if (!companies.isEmpty()) {
            List<Long> ids = companies.values().stream().map(Company::id).distinct().toList();
            jdbc.query("SELECT id, company_id, position, email, full_name FROM directory_contact WHERE company_id IN ("
                    + placeholders(ids.size()) + ")", rs -> {
                        contacts.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(
                                new Contact(rs.getLong(1), rs.getInt(3), rs.getString(4), rs.getString(5)));
                    }, ids.toArray());
        }

        List<Problem> rejected = new ArrayList<>();
        List<Object[]> values = new ArrayList<>(rows.size());
        List<Contact> fresh = new ArrayList<>();
        Map<Contact, Long> usedBy = new HashMap<>();
        long temporary = -1;
        for (Row r : rows) {
            Company company = companies.get(r.companyRef().toLowerCase(Locale.ROOT));
            if (company == null) {
                rejected.add(ImportTally.problem(r.line(), r.companyRef(), "company_ref",
                        "directory.import.row.unknownCompany", r.companyRef()));
                continue;
            }
            String phone = null;
            if (r.rawPhone() != null) {
                var e164 = PhoneNumbers.toE164(r.rawPhone(), company.country());
                if (e164.isEmpty()) {
                    rejected.add(ImportTally.problem(r.line(), r.companyRef(), "phone", "directory.import.row.badPhone",
                            r.rawPhone(), company.country()));
                    continue;
                }
                phone = e164.get();
            }
            List<Contact> known = contacts.computeIfAbsent(company.id(), k -> new ArrayList<>());
            Contact target = match(known, r);
            if (target != null && usedBy.containsKey(target)) {
                rejected.add(ImportTally.problem(r.line(), r.companyRef(), null, "directory.import.row.duplicateContact",
                        usedBy.get(target)));
                continue;
            }
            if (target == null) {
                int position = r.position() != null ? r.position()
                        : known.stream().mapToInt(x -> x.position).max().orElse(-1) + 1;
                target = new Contact(temporary--, position, r.email(), r.fullName());
                known.add(target);
                fresh.add(target);
            }
            usedBy.put(target, r.line());
            values.add(new Object[] {target, company.id(), target.position, r.fullName(), r.firstName(), r.lastName(),
                    r.title(), r.role(), r.seniority(), r.email(), phone});
        }
        long[] ids = SequenceIds.reserve(jdbc, "directory_contact_seq", fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = ids[i];
        }
        for (Object[] v : values) {
            v[0] = ((Contact) v[0]).id;
        }
        insert("INSERT INTO directory_contact (id, company_id, position, full_name, first_name, last_name, title, "
                + "role_code, seniority_code, email, phone)", 11, upsertTail, values);
        return new Outcome(fresh.size(), values.size() - fresh.size(), rejected);
    }

    /** The stored (or earlier in this batch) contact the row names: by position, else e-mail, else full name. */
    private static Contact match(List<Contact> known, Row r) {
        if (r.position() != null) {
            return known.stream().filter(x -> x.position == r.position()).findFirst().orElse(null);
        }
        if (r.email() != null) {
            String email = r.email().toLowerCase(Locale.ROOT);
            return known.stream().filter(x -> email.equals(x.email)).findFirst().orElse(null);
        }
        String name = r.fullName().toLowerCase(Locale.ROOT);
        return known.stream().filter(x -> name.equals(x.name)).findFirst().orElse(null);
    }
}
