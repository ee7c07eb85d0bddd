package com.vetacrm.lead.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vetacrm.lead.ContactDraft;
import com.vetacrm.lead.LeadRules;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Adds or edits one contact of a lead. Checks each field as the service will (the phone against the
 * lead's country) and stays open when the service refuses, so nothing typed is lost.
 */
class ContactDialog extends Dialog {

    ContactDialog(ContactDraft draft, Supplier<String> leadCountry, boolean isNew, Consumer<ContactDraft> save) {
        setId("contact-dialog");
        setHeaderTitle(getTranslation(isNew ? "lead.contacts.add" : "lead.contacts.edit"));
        TextField name = field("contact-name", "lead.contacts.name", 255);
        name.setRequiredIndicatorVisible(true);
        TextField title = field("contact-title", "lead.contacts.title", 255);
        TextField role = field("contact-role", "lead.contacts.role", 40);
        TextField seniority = field("contact-seniority", "lead.contacts.seniority", 20);
        TextField email = field("contact-email", "lead.field.email", 254);
        TextField phone = field("contact-phone", "lead.field.phone", 40);

        Binder<ContactDraft> binder = new Binder<>();
        binder.forField(name).withValidator(FieldRules.of(this, LeadRules::checkContactName))
                .bind(ContactDraft::getFullName, ContactDraft::setFullName);
        binder.forField(title).bind(ContactDraft::getJobTitle, ContactDraft::setJobTitle);
        binder.forField(role).bind(ContactDraft::getRole, ContactDraft::setRole);
        binder.forField(seniority).bind(ContactDraft::getSeniority, ContactDraft::setSeniority);
        binder.forField(email).withValidator(FieldRules.of(this, LeadRules::checkEmail))
                .bind(ContactDraft::getEmail, ContactDraft::setEmail);
        binder.forField(phone).withValidator(FieldRules.of(this, p -> LeadRules.checkPhone(p, leadCountry.get())))
                .bind(ContactDraft::getPhone, ContactDraft::setPhone);
        binder.readBean(draft);

        FormLayout form = new FormLayout(name, title, role, seniority, email, phone);
        add(form);
        Button ok = new Button(getTranslation("lead.contacts.save"), e -> {
            if (binder.writeBeanIfValid(draft)) {
                save.accept(draft);
                close();
            }
        });
        ok.setId("contact-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("lead.cancel"), e -> close());
        getFooter().add(cancel, ok);
    }

    private TextField field(String id, String labelKey, int max) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        f.setMaxLength(max);
        return f;
    }
}
