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
    /** Up to this many matches the preview counts the not-known ones exactly; above, it estimates. */
    static final int EXACT_UP_TO = 5_000;
    static final int SAMPLE = 1_000;

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
        long states = criteria.stateCodes().isEmpty() ? countries : queries.countBranches(criteria, false);
        long industries = queries.countBranches(criteria, true);
        long matches = criteria.filtersOnSize() && industries > 0 ? queries.countSize(criteria) : industries;
        Optional<Exclusions.SqlPredicates> sql = exclusions.sameDatabase();
        if (matches > EXACT_UP_TO) {
            return new SourcePreview(countries, states, industries, matches,
                    estimateNotKnown(criteria, exclusions, matches), false);
        }
        long notKnown = matches == 0 ? 0
                : sql.isPresent() ? queries.countNotKnown(criteria, sql.get()) : countNotKnownOutside(criteria, exclusions);
        return new SourcePreview(countries, states, industries, matches, notKnown);
    }

    /**
     * The not-known share of the first {@value #SAMPLE} matches in rank order, applied to all matches. Ranks are
     * random, so those are a uniform sample: at 10 % known the estimate is within about ±2 % of the matches
     * (95 %), for a fraction of the cost of probing every match (0.5 s for 32,000 matches at 1,000,000 companies).
     */
    private long estimateNotKnown(SourceCriteria criteria, Exclusions exclusions, long matches) {
        List<DirectoryMiningQueries.Candidate> sample = queries.candidates(criteria, Optional.empty(), Long.MIN_VALUE,
                SAMPLE);
        if (sample.isEmpty()) {
            return 0;
        }
        long known = exclusions.sameDatabase()
                .map(p -> queries.countExcluded(sample.stream().map(DirectoryMiningQueries.Candidate::id).toList(), p))
                .orElseGet(() -> (long) exclusions.excludedRefs(keys(sample)).size());
        return Math.round(matches * (double) (sample.size() - known) / sample.size());
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

    @Override
    @Transactional
    public void delivered(SourceCriteria criteria, Exclusions exclusions) {
        exclusions.sameDatabase().ifPresent(sql -> queries.advanceMarks(criteria, sql));
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
