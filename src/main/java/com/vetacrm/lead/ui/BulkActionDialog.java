package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;

/**
 * Asks before a bulk action changes many records: says how many, and takes the one value the action
 * needs (a salesperson, a team, a tag, a lost reason). It stays open when the action is refused, so
 * nothing typed is lost.
 */
class BulkActionDialog extends Dialog {

    /** Runs the action; returns how many records changed, or null when the chosen value is missing. */
    interface Action {
        Integer run();
    }

    BulkActionDialog(String title, String message, Component chooser, Action action, Runnable done) {
        setId("bulk-dialog");
        setHeaderTitle(title);
        Paragraph text = new Paragraph(message);
        text.setId("bulk-message");
        VerticalLayout body = new VerticalLayout(text);
        body.setPadding(false);
        if (chooser != null) {
            body.add(chooser);
        }
        add(body);
        Button confirm = new Button(getTranslation("leads.bulk.confirm"));
        confirm.setId("bulk-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            Integer changed = action.run();
            if (changed == null) {
                if (chooser instanceof HasValidation v) {
                    v.setErrorMessage(getTranslation("leads.bulk.chooseValue"));
                    v.setInvalid(true);
                }
                return;
            }
            close();
            done.run();
        });
        Button cancel = new Button(getTranslation("leads.bulk.cancel"), e -> close());
        cancel.setId("bulk-cancel");
        getFooter().add(cancel, confirm);
    }

    static <T> Integer whenChosen(Supplier<T> value, java.util.function.Function<T, Integer> run) {
        T v = value.get();
        return v == null ? null : run.apply(v);
    }
}
