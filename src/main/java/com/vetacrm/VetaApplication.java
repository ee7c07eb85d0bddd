package com.vetacrm;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Veta: a self-hosted browser CRM whose headline feature is lead mining.
 * <p>
 * Lumo is not applied by default in Vaadin 25, so the app shell loads it explicitly,
 * followed by Veta's own plain CSS (no npm front-end dependencies, see STACK.md). Server push tells the
 * Generate Leads dialog and a request's page when a mining job ends.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "referrer", content = "same-origin")
@Push
public class VetaApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(VetaApplication.class, args);
    }
}
