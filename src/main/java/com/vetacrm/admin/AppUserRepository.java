package com.vetacrm.admin;

import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    /** Compares with the column's case- and accent-insensitive collation, like the unique constraint does. */
    Optional<AppUser> findByUsername(String username);

    @Query("""
            select new com.vetacrm.admin.UserSummary(u.id, u.username, u.displayName, u.email, u.role, u.locale, u.active)
            from AppUser u
            where :text is null
               or lower(u.username) like :text
               or lower(u.displayName) like :text
               or lower(u.email) like :text
            """)
    Slice<UserSummary> findSummaries(String text, Pageable pageable);

    @Query("""
            select new com.vetacrm.admin.UserSummary(u.id, u.username, u.displayName, u.email, u.role, u.locale, u.active)
            from AppUser u
            where u.active = true
              and (:text is null or lower(u.displayName) like :text or lower(u.username) like :text)
            """)
    Slice<UserSummary> findActiveSummaries(String text, Pageable pageable);

    @Query("""
            select new com.vetacrm.admin.UserSummary(u.id, u.username, u.displayName, u.email, u.role, u.locale, u.active)
            from AppUser u where u.id = :id
            """)
    Optional<UserSummary> findSummary(long id);
}
