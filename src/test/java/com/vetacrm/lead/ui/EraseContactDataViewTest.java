package com.vetacrm.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vetacrm.chatter.ui.ChatterPanel;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.lead.ContactDraft;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadContactRow;
import com.vetacrm.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Issue 6 item 7 on the lead page: *Erase contact data* for managers and administrators, after a confirmation. */
class EraseContactDataViewTest extends LeadUiTestBase {

    private LeadDetails leadWithAContact() {
        LeadDetails lead = create("Erasable " + unique(), d -> {
            d.setContactName("Ana López");
            d.setEmail("ana@erasable.example");
        });
        ContactDraft c = new ContactDraft();
        c.setFullName("Luis Gil");
        c.setEmail("luis@erasable.example");
        leads.addContact(lead.id(), c);
        return lead;
    }

    private boolean eraseShown() {
        return shown(Button.class, "erase-contact-data");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerErasesAfterConfirmingWhatWillBeErased() {
        LeadDetails lead = leadWithAContact();
        navigate("leads/" + lead.id(), LeadView.class);
        assertThat(eraseShown()).isTrue();

        test($(Button.class).id("erase-contact-data")).click();
        Dialog dialog = $(Dialog.class).id("erase-contact-data-dialog");
        assertThat($(Span.class, dialog).id("erase-contact-data-text").getText()).contains("1 contacts")
                .contains("e-mail and phone of the lead itself");
        test($(Button.class, dialog).id("erase-contact-data-confirm")).click();

        assertThat($(TextField.class).id("lead-contact").getValue()).isEmpty();
        assertThat($(TextField.class).id("lead-email").getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<LeadContactRow> contacts = $(Grid.class).id("lead-contacts");
        assertThat(test(contacts).size()).isZero();
        assertThat(leads.get(lead.id()).contacts()).isEmpty();
        ChatterPanel panel = $(ChatterPanel.class).id("chatter-panel");
        String newest = $(Div.class, panel).withClassName("chatter-body").all().getFirst().getElement().getTextRecursively();
        assertThat(newest).isEqualTo("Contact data erased by " + principal(DemoUsers.MANAGER).displayName() + " (2 contacts)");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorSeesTheButton() {
        navigate("leads/" + leadWithAContact().id(), LeadView.class);

        assertThat(eraseShown()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonDoesNotSeeTheButton() {
        navigate("leads/" + create("Sales lead " + unique()).id(), LeadView.class);

        assertThat(eraseShown()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void cancellingErasesNothing() {
        LeadDetails lead = leadWithAContact();
        navigate("leads/" + lead.id(), LeadView.class);

        test($(Button.class).id("erase-contact-data")).click();
        Dialog dialog = $(Dialog.class).id("erase-contact-data-dialog");
        test($(Button.class, dialog).withText("Cancel").single()).click();

        assertThat(leads.get(lead.id()).contacts()).hasSize(1);
    }
}
