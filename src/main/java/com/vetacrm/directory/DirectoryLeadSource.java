package com.vetacrm.directory;

import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.Exclusions;
import com.vetacrm.leadsource.Exclusions.CompanyKey;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.leadsource.SourceCriteria;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Veta's own company directory as a {@link LeadSource} (DESIGN §7). Companies come in {@code rank} order
 * (DESIGN §5.8), known ones left out (DESIGN §5.5): in SQL when the CRM shares the database, else by asking
 * {@link Exclusions} about one batch of candidates after the other until enough are left.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
class DirectoryLeadSource implements LeadSource {

    static final String ID = "veta-directory";
    /** Candidates asked about at once when the exclusions are answered outside the database. */
    private static final int BATCH = 1_000;

    private final DirectoryMiningQueries queries;

    DirectoryLeadSource(DirectoryMiningQueries queries) {
        this.queries = queries;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SourcePreview preview(SourceCriteria criteria, Exclusions exclusions) {
        long countries = queries.countCountries(criteria);
        long states = criteria.stateCodes().isEmpty() ? countries : queries.countStates(criteria);
        long[] industriesAndSize = queries.countIndustriesAndSize(criteria);
        long matches = industriesAndSize[1];
        Optional<Exclusions.SqlPredicates> sql = exclusions.sameDatabase();
        long notKnown = matches == 0 ? 0
                : sql.isPresent() ? queries.countNotKnown(criteria, sql.get()) : countNotKnownOutside(criteria, exclusions);
        return new SourcePreview(countries, states, industriesAndSize[0], matches, notKnown);
    }

    private long countNotKnownOutside(SourceCriteria criteria, Exclusions exclusions) {
        long notKnown = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<DirectoryMiningQueries.Candidate> batch = queries.candidates(criteria, Optional.empty(), after, BATCH);
            if (batch.isEmpty()) {
                return notKnown;
            }
            notKnown += batch.size() - exclusions.excludedRefs(keys(batch)).size();
            after = batch.getLast().rank();
        }
    }

    @Override
    public List<SourceCompany> select(SourceCriteria criteria, Exclusions exclusions, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Optional<Exclusions.SqlPredicates> sql = exclusions.sameDatabase();
        List<Long> chosen = new ArrayList<>(limit);
        if (sql.isPresent()) {
            queries.candidates(criteria, sql, Long.MIN_VALUE, limit).forEach(c -> chosen.add(c.id()));
        } else {
            long after = Long.MIN_VALUE;
            while (chosen.size() < limit) {
                // A few more than still needed: usually one round even when some are known.
                int ask = Math.min(BATCH, (limit - chosen.size()) * 2);
                List<DirectoryMiningQueries.Candidate> batch = queries.candidates(criteria, Optional.empty(), after, ask);
                if (batch.isEmpty()) {
                    break;
                }
                Set<String> excluded = exclusions.excludedRefs(keys(batch));
                for (DirectoryMiningQueries.Candidate c : batch) {
                    if (chosen.size() < limit && !excluded.contains(c.ref())) {
                        chosen.add(c.id());
                    }
                }
                after = batch.getLast().rank();
            }
        }
        List<SourceCompany> companies = queries.companies(chosen, criteria.contacts(), sql);
        return criteria.contacts() == null ? companies : pickContacts(companies, criteria.contacts(), exclusions, sql);
    }

    /** Cuts each company's ordered candidates to the number asked, leaving out suppressed e-mails. */
    private static List<SourceCompany> pickContacts(List<SourceCompany> companies, ContactCriteria cc,
            Exclusions exclusions, Optional<Exclusions.SqlPredicates> sql) {
        Set<String> suppressed = sql.isPresent() ? Set.of()
                : exclusions.suppressedEmails(companies.stream().flatMap(c -> c.contacts().stream())
                        .map(SourceContact::email).filter(e -> e != null).collect(Collectors.toCollection(HashSet::new)));
        return companies.stream().map(c -> new SourceCompany(c.ref(), c.name(), c.legalName(), c.domain(),
                c.description(), c.industryCode(), c.employees(), c.annualRevenue(), c.foundedYear(), c.phone(),
                c.mobilePhone(), c.email(), c.street(), c.city(), c.zip(), c.countryCode(), c.stateCode(),
                c.timeZone(), c.linkedinUrl(), c.twitterUrl(), c.facebookUrl(), c.companyType(), c.technologies(),
                c.contacts().stream().filter(p -> p.email() == null || !suppressed.contains(p.email()))
                        .limit(cc.perCompany()).toList())).toList();
    }

    private static List<CompanyKey> keys(List<DirectoryMiningQueries.Candidate> batch) {
        return batch.stream().map(c -> new CompanyKey(c.ref(), c.domain())).toList();
    }
}
