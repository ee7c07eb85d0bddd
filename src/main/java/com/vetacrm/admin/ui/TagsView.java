package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Administrators' list of tags (a short list, loaded whole): create, edit, delete. Deleting a tag
 * that leads carry asks first, naming how many leads lose it.
 */
@Route("admin/tags")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.tags", order = 930, icon = "vaadin:tags")
public class TagsView extends VerticalLayout implements HasDynamicTitle {

    private final transient TagService tagService;
    private final Grid<TagSummary> grid = new Grid<>();
    private List<TagSummary> tags = List.of();

    TagsView(TagService tagService) {
        this.tagService = tagService;
        setId("tags-view");
        setSizeFull();

        Button newTag = new Button(getTranslation("tags.new"), VaadinIcon.PLUS.create(),
                e -> TagDialog.forNewTag(tagService, tags, this::refresh).open());
        newTag.setId("tag-new");
        newTag.addThemeVariants(ButtonVariant.PRIMARY);

        grid.setId("tags-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // the name as lead cards show it: a label in the tag's colour
        grid.addComponentColumn(t -> new TagChip(t.name(), t.color())).setHeader(getTranslation("tags.name"))
                .setKey("name");
        grid.addColumn(TagSummary::color).setHeader(getTranslation("tags.color")).setKey("color")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> AdminUi.rowActions(
                        AdminUi.rowButton(VaadinIcon.EDIT, getTranslation("tags.edit", t.name()), "row-edit",
                                e -> TagDialog.forTag(tagService, t.id(), this::refresh).open()),
                        AdminUi.rowButton(VaadinIcon.TRASH, getTranslation("tags.delete", t.name()), "row-delete",
                                e -> confirmDelete(t))))
                .setHeader(getTranslation("admin.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("tags.empty"));

        add(AdminUi.header(getTranslation("tags.title"), newTag), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        tags = tagService.findAll();
        grid.setItems(tags);
    }

    private void confirmDelete(TagSummary tag) {
        long leads = tagService.countLeads(tag.id());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("tag-delete-dialog");
        dialog.setHeader(getTranslation("tags.delete.title", tag.name()));
        dialog.setText(leads > 0 ? getTranslation("tags.delete.used", tag.name(), leads)
                : getTranslation("tags.delete.unused", tag.name()));
        dialog.setConfirmText(getTranslation("admin.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.addConfirmListener(e -> {
            tagService.deleteTag(tag.id());
            refresh();
            AdminUi.notifySuccess(getTranslation("tags.deleted", tag.name()));
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tags.title") + " · " + getTranslation("app.name");
    }
}
