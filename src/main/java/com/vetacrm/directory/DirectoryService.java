package com.vetacrm.directory;

import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsing the company directory (DESIGN §7) for sales managers and administrators: a filtered, SQL-sorted
 * page of companies (never counted), one company with its technologies and contacts, and the top countries
 * and industries of the filtered set. Names come in the requested language (Spanish for {@code es}); the
 * overloads without a locale use the caller's ({@link LocaleContextHolder}).
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
public class DirectoryService {

    private final DirectoryQueries queries;

    DirectoryService(DirectoryQueries queries) {
        this.queries = queries;
    }

    /** A page of companies matching the filter, sorted by name, employees, country, industry or rank (default). */
    public List<DirectoryCompanyRow> findCompanies(DirectoryFilter filter, Pageable page) {
        return findCompanies(filter, page, LocaleContextHolder.getLocale());
    }

    public List<DirectoryCompanyRow> findCompanies(DirectoryFilter filter, Pageable page, Locale locale) {
        return queries.rows(validated(filter), page, spanish(locale));
    }

    public Optional<DirectoryCompanyDetails> company(long id) {
        return company(id, LocaleContextHolder.getLocale());
    }

    public Optional<DirectoryCompanyDetails> company(long id, Locale locale) {
        return queries.company(id, spanish(locale));
    }

    /** The 15 countries with most matching companies, most first. */
    public List<CountBy> countsByCountry(DirectoryFilter filter) {
        return countsByCountry(filter, LocaleContextHolder.getLocale());
    }

    public List<CountBy> countsByCountry(DirectoryFilter filter, Locale locale) {
        return queries.countsByCountry(validated(filter), spanish(locale));
    }

    /** The 15 industries with most matching companies, most first. */
    public List<CountBy> countsByIndustry(DirectoryFilter filter) {
        return countsByIndustry(filter, LocaleContextHolder.getLocale());
    }

    public List<CountBy> countsByIndustry(DirectoryFilter filter, Locale locale) {
        return queries.countsByIndustry(validated(filter), spanish(locale));
    }

    private DirectoryFilter validated(DirectoryFilter filter) {
        DirectoryFilter f = filter == null ? DirectoryFilter.none() : filter;
        if (f.stateCode() != null && (f.countryCode() == null || !queries.stateOfCountry(f.stateCode(), f.countryCode()))) {
            throw new BusinessRuleException("directory.error.stateNotInCountry", f.stateCode(),
                    f.countryCode() == null ? "-" : f.countryCode());
        }
        if (!inRange(f.sizeMin()) || !inRange(f.sizeMax())) {
            throw new BusinessRuleException("directory.error.sizeRange", DirectoryFilter.MAX_SIZE);
        }
        if (f.sizeMin() != null && f.sizeMax() != null && f.sizeMin() > f.sizeMax()) {
            throw new BusinessRuleException("directory.error.sizeOrder");
        }
        return f;
    }

    private static boolean inRange(Integer size) {
        return size == null || (size >= 1 && size <= DirectoryFilter.MAX_SIZE);
    }

    private static boolean spanish(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage());
    }
}
