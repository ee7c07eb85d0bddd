package com.vetacrm.chatter;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChatterEntryRepository extends JpaRepository<ChatterEntry, Long> {
}
