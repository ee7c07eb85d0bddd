package com.vetacrm.credits.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vetacrm.credits.CreditBalance;

/** The warning that few credits are left, with the way to buy more. */
class LowBalanceNotice extends Div {

    LowBalanceNotice(CreditBalance balance) {
        setId("low-balance-banner");
        addClassNames("veta-banner", "veta-banner-warning");
        getElement().setAttribute("role", "status");
        Span text = new Span(getTranslation("credits.banner.low",
                CreditFormat.credits(balance.available(), getLocale()),
                CreditFormat.credits(balance.lowBalanceThreshold(), getLocale())));
        Anchor buy = new Anchor(CreditsView.BUY_LINK, getTranslation("credits.banner.buy"));
        buy.setId("low-balance-buy");
        add(VaadinIcon.WARNING.create(), text, buy);
    }
}
