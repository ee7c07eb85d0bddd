package com.vetacrm.admin;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SalesTeamRepository extends JpaRepository<SalesTeam, Long> {

    /** Compares with the column's case- and accent-insensitive collation, like the unique constraint does. */
    Optional<SalesTeam> findByName(String name);

    @Query("""
            select new com.vetacrm.admin.TeamOverview(t.id, t.name, l.id, l.displayName, size(t.members), t.active)
            from SalesTeam t left join t.leader l
            order by t.name
            """)
    List<TeamOverview> findOverviews();

    @Query("""
            select new com.vetacrm.admin.TeamSummary(t.id, t.name, l.id, l.displayName, t.active)
            from SalesTeam t left join t.leader l
            where t.active = :active
            order by t.name
            """)
    List<TeamSummary> findSummaries(boolean active);

    @Query("""
            select new com.vetacrm.admin.TeamSummary(t.id, t.name, l.id, l.displayName, t.active)
            from SalesTeam t left join t.leader l
            where t.id = :id
            """)
    Optional<TeamSummary> findSummary(long id);

    @Query("""
            select distinct t.id from SalesTeam t left join t.members m
            where t.active = true and (m.id = :userId or t.leader.id = :userId)
            order by t.id
            """)
    List<Long> findTeamIdsOf(long userId);
}
