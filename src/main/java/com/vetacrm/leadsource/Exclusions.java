package com.vetacrm.leadsource;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the CRM already knows, so a source never delivers it again (DESIGN §5.5): companies whose ref a
 * lead carries, whose domain is a lead's website or e-mail domain, or whose domain is suppressed; and
 * contacts whose e-mail is suppressed.
 * <p>
 * Any source can ask the two set questions for a batch of candidates. A source living in Veta's own
 * database may instead embed the predicates of {@link #sameDatabase()} in its queries, so the exclusion
 * costs index probes inside one statement instead of round trips; the CRM owns that SQL, the source only
 * says which of its columns hold the ref, the domain and the e-mail.
 */
public interface Exclusions {

    /** Of these candidates, the refs of those to leave out. */
    Set<String> excludedRefs(Collection<CompanyKey> candidates);

    /** Of these e-mail addresses, the ones on the suppression list (as given). */
    Set<String> suppressedEmails(Collection<String> emails);

    /** SQL predicates over the same database, when the CRM and the source share it. */
    default Optional<SqlPredicates> sameDatabase() {
        return Optional.empty();
    }

    /** A company as the exclusion rules see it. */
    record CompanyKey(String ref, String domain) {
    }

    /**
     * SQL boolean expressions, free of parameters, true when the thing must be left out; the arguments are
     * SQL expressions of the source's query (column references such as {@code c.ref}).
     */
    interface SqlPredicates {

        String companyExcluded(String refExpr, String domainExpr);

        String emailSuppressed(String emailExpr);
    }

    /** Nothing is known: every company and contact may be delivered. */
    static Exclusions none() {
        return new Exclusions() {
            @Override
            public Set<String> excludedRefs(Collection<CompanyKey> candidates) {
                return Set.of();
            }

            @Override
            public Set<String> suppressedEmails(Collection<String> emails) {
                return Set.of();
            }
        };
    }
}
