package com.vetacrm.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vetacrm.admin.UserService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.shared.SupportedLanguage;
import org.springframework.stereotype.Component;

/**
 * Applies the signed-in user's chosen language to every new UI (each page load), so a choice
 * made on one device follows the user everywhere. Without a choice Vaadin's default applies: the
 * browser's language when Veta has it, else English. One primary-key read per page load.
 */
@Component
class UserLanguage implements VaadinServiceInitListener {

    private final UserService userService;
    private final CurrentUser currentUser;

    UserLanguage(UserService userService, CurrentUser currentUser) {
        this.userService = userService;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> apply(e.getUI()));
    }

    void apply(UI ui) {
        if (currentUser.get().isEmpty()) {
            return;
        }
        userService.myLanguage().ifPresent(language -> {
            ui.getSession().setLocale(language.locale());
            ui.setLocale(language.locale());
        });
    }

    /** Saves the choice and shows the current page again in the new language. */
    void change(UI ui, SupportedLanguage language) {
        userService.changeMyLanguage(language.locale());
        ui.getSession().setLocale(language.locale());
        ui.setLocale(language.locale());
        ui.getPage().reload();
    }
}
