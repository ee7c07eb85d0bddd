package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags: the labels leads are filtered by. A short list, read whole. Deleting a tag takes it off its
 * leads first, in the same transaction; the view asks for confirmation with the number of leads.
 */
@Service
@Transactional(readOnly = true)
public class TagService {

    private final TagRepository tags;
    private final LeadUsage leadUsage;

    TagService(TagRepository tags, LeadUsage leadUsage) {
        this.tags = tags;
        this.leadUsage = leadUsage;
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<TagSummary> findAll() {
        return tags.findAll(Sort.by("name")).stream().map(TagSummary::of).toList();
    }

    /** A tag as the edit form opens it, with the version it will save against. */
    @RolesAllowed(Role.Names.ADMIN)
    public TagEdit getTag(long id) {
        return TagEdit.of(load(id));
    }

    /** Leads carrying the tag, for the delete confirmation. */
    @RolesAllowed(Role.Names.ADMIN)
    public long countLeads(long tagId) {
        return leadUsage.tagged(tagId);
    }

    /** Creates ({@code id} null) or changes a tag; the colour is stored as lower-case {@code #rrggbb}. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public TagSummary saveTag(TagEdit edit) {
        String name = Inputs.requiredName(edit.name(), AdminRules.TAG_NAME_MAX_LENGTH,
                "tags.error.name.required", "tags.error.name.tooLong");
        if (!AdminRules.isValidColor(edit.color())) {
            throw new BusinessRuleException("tags.error.color.invalid");
        }
        String color = AdminRules.normaliseColor(edit.color());
        tags.findByName(name).filter(other -> !other.getId().equals(edit.id())).ifPresent(other -> {
            throw new BusinessRuleException("tags.error.name.taken", name);
        });
        Tag tag;
        if (edit.id() == null) {
            tag = new Tag(name, color);
        } else {
            tag = load(edit.id());
            Inputs.requireVersion(Tag.class, edit.id(), edit.version(), tag.getVersion());
            tag.update(name, color);
        }
        try {
            return TagSummary.of(tags.saveAndFlush(tag));
        } catch (DataIntegrityViolationException e) {
            // another administrator took the name between our check and the write
            throw new BusinessRuleException("tags.error.name.taken", name);
        }
    }

    /** Takes the tag off every lead and deletes it, both or neither. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void deleteTag(long id) {
        Tag tag = load(id);
        leadUsage.untagAll(id);
        tags.delete(tag);
    }

    private Tag load(long id) {
        return tags.findById(id).orElseThrow(() -> new BusinessRuleException("tags.error.notFound"));
    }
}
