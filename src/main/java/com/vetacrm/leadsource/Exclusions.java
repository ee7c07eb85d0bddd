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
 * database may instead embed the anti-joins of {@link #sameDatabase()} in its queries, so the exclusion
 * costs index probes inside one statement instead of round trips; the CRM owns that SQL, the source only
 * says which of its columns hold the ref, the domain and the e-mail.
 */
public interface Exclusions {

    /** Of these candidates, the refs of those to leave out. */
    Set<String> excludedRefs(Collection<CompanyKey> candidates);

    /** Of these e-mail addresses, the ones on the suppression list (as given). */
    Set<String> suppressedEmails(Collection<String> emails);

    /** SQL anti-joins over the same database, when the CRM and the source share it. */
    default Optional<SqlAntiJoins> sameDatabase() {
        return Optional.empty();
    }

    /** A company as the exclusion rules see it. */
    record CompanyKey(String ref, String domain) {
    }

    /**
     * The exclusion rules as anti-joins a source's query embeds: {@link AntiJoin#joins()} after the source's table
     * in FROM, {@link AntiJoin#none()} in its WHERE clause. The arguments are SQL expressions of that query (column
     * references such as {@code c.ref}), never user input.
     */
    interface SqlAntiJoins {

        /** Keeps the companies the CRM does not know. */
        AntiJoin companyNotKnown(String refExpr, String domainExpr);

        /** Keeps the rows whose e-mail is not suppressed (and those without an e-mail). */
        AntiJoin emailNotSuppressed(String emailExpr);
    }

    /**
     * {@code LEFT JOIN}s that look up what excludes a row, and the condition that none of them found anything.
     * Together a nested-loop anti-join: each lookup is one index probe that stops at its first match, the source's
     * table stays first, so its index order (and a {@code LIMIT} on it) is kept. Each joined table appears at most
     * once per row that passes, so counts stay exact. The joined tables' aliases start with {@code x_}.
     */
    record AntiJoin(String joins, String none) {

        /** Leaves nothing out: for a query that asks the exclusions outside the database, or not at all. */
        public static final AntiJoin KEEP_ALL = new AntiJoin("", "TRUE");
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
