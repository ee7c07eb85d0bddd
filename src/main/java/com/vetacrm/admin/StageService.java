package com.vetacrm.admin;

import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline stages, in column order. A short list (a handful of rows), so it is read whole. */
@Service
@Transactional(readOnly = true)
public class StageService {

    private final StageRepository stages;

    StageService(StageRepository stages) {
        this.stages = stages;
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<StageSummary> findAllInOrder() {
        return stages.findAllByOrderBySequenceAscIdAsc().stream().map(StageSummary::of).toList();
    }
}
