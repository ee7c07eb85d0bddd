package com.vetacrm.mining.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vetacrm.mining.MiningErrorType;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.shell.NavigationNotices;
import java.util.Objects;

/**
 * Tells a requester the result of each of their Lead Mining Requests that finished since they were last told
 * (DESIGN §5.4): they navigated away from the dialog, or the job ran on another node. On the next page view,
 * one notification per request — "12 leads created (LMR007) — 36 credits" with a link to those leads, "found
 * no new companies", or the error with a link to the request — and the request is marked as told, so it is
 * shown once. Managers and administrators only; costs one indexed query per page view
 * ({@code ix_mining_request_unseen}). It runs whether or not Lead Mining is on: a request submitted before an
 * administrator turned it off still finishes and its requester must still hear of it, and reading the setting
 * would cost more than the query itself.
 */
@org.springframework.stereotype.Component
class MiningResultNotices implements NavigationNotices {

    static final int SHOWN_MS = 15_000;

    private final MiningService mining;
    private final CurrentUser currentUser;

    MiningResultNotices(MiningService mining, CurrentUser currentUser) {
        this.mining = mining;
        this.currentUser = currentUser;
    }

    @Override
    public void afterNavigation(UI ui) {
        if (!currentUser.hasRole(Role.SALES_MANAGER) && !currentUser.hasRole(Role.ADMIN)) {
            return;
        }
        mining.takeUnseenResults().forEach(r -> show(ui, r));
    }

    static Notification show(UI ui, MiningRequestRow r) {
        Notification n = new Notification();
        n.addClassName("mining-result");
        n.setId("mining-result-" + r.id());
        n.getElement().setAttribute("data-request-id", String.valueOf(r.id()));
        n.getElement().setAttribute("data-state", r.state().name());
        n.setPosition(Notification.Position.TOP_END);
        Span text = new Span();
        text.addClassName("mining-result-text");
        Div links = new Div();
        links.addClassName("mining-result-links");
        if (r.state() == MiningState.DONE) {
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            text.setText(ui.getTranslation("mining.result.done", r.leadsFound(), r.number(), r.creditsCharged()));
            links.add(link(ui, "leads?request=" + r.id(), "mining.result.done.link", "mining-result-leads-link"));
            n.setDuration(SHOWN_MS);
        } else if (r.state() == MiningState.NO_RESULT) {
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            text.setText(ui.getTranslation("mining.result.noResult", r.number()));
            links.add(link(ui, "mining/requests/" + r.id(), "mining.result.request.link", "mining-result-request-link"));
            n.setDuration(SHOWN_MS);
        } else {
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            String detail = Objects.toString(r.errorDetail(), "");
            if (r.errorType() == MiningErrorType.CREDITS) {
                text.setText(ui.getTranslation("mining.result.credits", r.number(), detail));
                links.add(link(ui, "credits?buy", "mining.result.buy.link", "mining-result-buy-link"));
            } else {
                text.setText(ui.getTranslation("mining.result.failed", r.number(), detail));
            }
            links.add(link(ui, "mining/requests/" + r.id(), "mining.result.request.link", "mining-result-request-link"));
            n.setDuration(0);  // an error stays until it is read
        }
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        close.setAriaLabel(ui.getTranslation("mining.result.close"));
        Div body = new Div(text, links, close);
        body.addClassName("mining-result-body");
        n.add(body);
        n.open();
        return n;
    }

    private static Anchor link(UI ui, String href, String key, String className) {
        Anchor a = new Anchor(href, ui.getTranslation(key));
        a.addClassName(className);
        return a;
    }
}
