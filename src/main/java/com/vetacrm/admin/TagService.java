package com.vetacrm.admin;

import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags: the labels leads are filtered by. A short list, read whole. */
@Service
@Transactional(readOnly = true)
public class TagService {

    private final TagRepository tags;

    TagService(TagRepository tags) {
        this.tags = tags;
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<TagSummary> findAll() {
        return tags.findAll(Sort.by("name")).stream().map(TagSummary::of).toList();
    }
}
