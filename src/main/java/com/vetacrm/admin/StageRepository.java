package com.vetacrm.admin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<Stage, Long> {

    List<Stage> findAllByOrderBySequenceAscIdAsc();
}
