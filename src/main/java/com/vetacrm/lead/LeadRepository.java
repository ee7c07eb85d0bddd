package com.vetacrm.lead;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, Long> {

    @Query("select l from Lead l where l.id in :ids order by l.id")
    List<Lead> findAllByIdIn(Collection<Long> ids);
}
