package com.vetacrm.admin;

import org.springframework.data.jpa.repository.JpaRepository;

interface SalesTeamRepository extends JpaRepository<SalesTeam, Long> {
}
