package com.vetacrm.lead.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.IntConsumer;

/**
 * Zero to three clickable stars. Clicking the highest lit star turns it off, as in Odoo, so every
 * priority can be reached with one click.
 */
class PriorityStars extends Div {

    private final Button[] stars = new Button[3];
    private int value;

    PriorityStars(int initial, IntConsumer onChange) {
        addClassName("priority-stars");
        for (int i = 0; i < 3; i++) {
            int level = i + 1;
            Button star = new Button();
            star.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
            star.addClassName("priority-star");
            star.addClickListener(e -> {
                int next = value == level ? level - 1 : level;
                onChange.accept(next);
                setValue(next);
            });
            stars[i] = star;
            add(star);
        }
        setValue(initial);
    }

    void setValue(int value) {
        this.value = value;
        getElement().setAttribute("data-priority", String.valueOf(value));
        for (int i = 0; i < 3; i++) {
            stars[i].setIcon(i < value ? VaadinIcon.STAR.create() : VaadinIcon.STAR_O.create());
            stars[i].setAriaLabel(getTranslation("leads.priority.set", i + 1));
            stars[i].getElement().setAttribute("aria-pressed", String.valueOf(i < value));
        }
    }

    int getValue() {
        return value;
    }
}
