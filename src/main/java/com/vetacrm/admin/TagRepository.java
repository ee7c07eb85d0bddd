package com.vetacrm.admin;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TagRepository extends JpaRepository<Tag, Long> {

    /** Compares with the column's case- and accent-insensitive collation, like the unique constraint does. */
    Optional<Tag> findByName(String name);
}
