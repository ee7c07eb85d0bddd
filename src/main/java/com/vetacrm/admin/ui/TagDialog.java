package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.TagColors;
import com.vetacrm.admin.TagEdit;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.shared.BusinessRuleException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or edits a tag: a name and a colour, typed as {@code #RRGGBB} or picked from the preset
 * palette, with a live preview of the label as lead cards will show it.
 */
class TagDialog extends Dialog {

    private static final class Draft {
        String name = "";
        String color = "";
    }

    private final transient TagService tagService;
    private final transient Runnable onSaved;
    private final TagEdit existing;
    private final Binder<Draft> binder = new Binder<>();

    private final TextField name = new TextField();
    private final TextField color = new TextField();
    private final Span swatch = new Span();
    private final TagChip preview = new TagChip("", "#ffffff");

    /** A new tag gets the first preset colour no other tag uses yet, so tags stay distinguishable. */
    static TagDialog forNewTag(TagService tagService, Collection<TagSummary> existingTags, Runnable onSaved) {
        Set<String> used = existingTags.stream().map(TagSummary::color).collect(Collectors.toSet());
        String color = TagColors.PALETTE.stream().filter(c -> !used.contains(c)).findFirst()
                .orElse(TagColors.PALETTE.getFirst());
        return new TagDialog(tagService, null, color, onSaved);
    }

    /** Loads the tag afresh so the save checks against its current version. */
    static TagDialog forTag(TagService tagService, long tagId, Runnable onSaved) {
        TagEdit tag = tagService.getTag(tagId);
        return new TagDialog(tagService, tag, tag.color(), onSaved);
    }

    private TagDialog(TagService tagService, TagEdit existing, String initialColor, Runnable onSaved) {
        this.tagService = tagService;
        this.existing = existing;
        this.onSaved = onSaved;
        setId("tag-dialog");
        setHeaderTitle(getTranslation(existing == null ? "tags.new.title" : "tags.edit.title"));
        setWidth("30em");

        name.setId("tag-name");
        name.setLabel(getTranslation("tags.name"));
        name.setMaxLength(AdminRules.TAG_NAME_MAX_LENGTH);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        color.setId("tag-color");
        color.setLabel(getTranslation("tags.color"));
        color.setHelperText(getTranslation("tags.color.helper"));
        color.setMaxLength(7);
        color.setValueChangeMode(ValueChangeMode.EAGER);
        swatch.setId("tag-color-swatch");
        swatch.getStyle().set("display", "inline-block").set("width", "1.25em").set("height", "1.25em")
                .set("border-radius", "50%").set("border", "1px solid var(--lumo-contrast-30pct, #999)");
        color.setPrefixComponent(swatch);
        preview.setId("tag-preview");
        name.addValueChangeListener(e -> updatePreview());
        color.addValueChangeListener(e -> updatePreview());

        binder.forField(name)
                .asRequired(getTranslation("tags.error.name.required"))
                .withValidator(new StringLengthValidator(getTranslation("tags.error.name.tooLong",
                        AdminRules.TAG_NAME_MAX_LENGTH), 0, AdminRules.TAG_NAME_MAX_LENGTH))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(color)
                .asRequired(getTranslation("tags.error.color.invalid"))
                .withValidator(AdminRules::isValidColor, getTranslation("tags.error.color.invalid"))
                .bind(d -> d.color, (d, v) -> d.color = v);
        Draft draft = new Draft();
        draft.name = existing == null ? "" : existing.name();
        draft.color = initialColor;
        binder.readBean(draft);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name, color, palette());
        HorizontalLayout previewRow = new HorizontalLayout(new Span(getTranslation("tags.preview")), preview);
        previewRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        previewRow.getStyle().set("margin-top", "var(--lumo-space-m, 1rem)");
        add(form, previewRow);
        updatePreview();

        Button save = new Button(getTranslation("admin.save"), e -> save());
        save.setId("tag-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        cancel.setId("tag-cancel");
        getFooter().add(cancel, save);
    }

    private HorizontalLayout palette() {
        HorizontalLayout palette = new HorizontalLayout();
        palette.setId("tag-color-palette");
        palette.setSpacing(false);
        palette.getStyle().set("gap", "var(--lumo-space-xs, 0.25rem)").set("flex-wrap", "wrap");
        palette.setAlignItems(FlexComponent.Alignment.CENTER);
        for (String preset : TagColors.PALETTE) {
            Button button = new Button();
            button.addClickListener(e -> color.setValue(preset));
            button.addClassName("tag-color-preset");
            button.getElement().setAttribute("data-color", preset);
            button.setAriaLabel(getTranslation("tags.color.preset", preset));
            button.setTooltipText(preset);
            button.getStyle().set("background-color", preset).set("min-width", "1.75em").set("width", "1.75em")
                    .set("height", "1.75em").set("padding", "0").set("border-radius", "50%").set("margin", "0");
            palette.add(button);
        }
        return palette;
    }

    private void updatePreview() {
        String value = color.getValue();
        boolean valid = AdminRules.isValidColor(value);
        String shown = valid ? AdminRules.normaliseColor(value) : "transparent";
        swatch.getStyle().set("background-color", shown);
        preview.setText(name.getValue().isBlank() ? getTranslation("tags.preview.placeholder") : name.getValue());
        preview.getStyle().set("background-color", shown)
                .set("color", TagColors.readableTextOn(valid ? value : "#ffffff"));
    }

    private void save() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            TagSummary saved = tagService.saveTag(new TagEdit(existing == null ? null : existing.id(),
                    existing == null ? 0 : existing.version(), draft.name, draft.color));
            close();
            onSaved.run();
            AdminUi.notifySuccess(getTranslation("tags.saved", saved.name()));
        } catch (BusinessRuleException refusal) {
            if (!AdminUi.showOnField(this, refusal, Map.of("tags.error.name.", name, "tags.error.color.", color))) {
                throw refusal;
            }
        }
    }
}
