package com.vetacrm.admin;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<Stage, Long> {

    List<Stage> findAllByOrderBySequenceAscIdAsc();

    /** Compares with the column's case- and accent-insensitive collation, like the unique constraint does. */
    Optional<Stage> findByName(String name);
}
