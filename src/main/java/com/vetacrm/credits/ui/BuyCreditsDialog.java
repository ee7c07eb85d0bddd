package com.vetacrm.credits.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vetacrm.credits.CreditPack;
import com.vetacrm.credits.CreditPurchase;
import com.vetacrm.credits.CreditService;
import java.util.function.Consumer;

/**
 * Buy credits: choose a pack and send the purchase request. With the built-in payment provider an
 * administrator approves it; the credits arrive then.
 */
class BuyCreditsDialog extends Dialog {

    private final RadioButtonGroup<CreditPack> pack = new RadioButtonGroup<>();

    BuyCreditsDialog(CreditService credits, Consumer<CreditPurchase> onRequested) {
        setId("buy-credits-dialog");
        setHeaderTitle(getTranslation("credits.buy.title"));
        setWidth("min(32em, 95vw)");

        pack.setId("buy-credits-pack");
        pack.setLabel(getTranslation("credits.buy.pack"));
        pack.setItems(CreditPack.values());
        pack.setItemLabelGenerator(p -> getTranslation("credits.buy.packLabel", CreditFormat.credits(p.credits(), getLocale())));
        pack.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        pack.setValue(CreditPack.PACK_500);
        pack.setRequiredIndicatorVisible(true);

        Paragraph how = new Paragraph(getTranslation(credits.purchasesApprovedByAdministrator()
                ? "credits.buy.approvalExplained" : "credits.buy.providerExplained"));
        how.setId("buy-credits-explanation");
        add(pack, how);

        Button submit = new Button(getTranslation("credits.buy.submit"), e -> {
            if (pack.getValue() == null) {
                pack.setErrorMessage(getTranslation("credits.purchase.packRequired"));
                pack.setInvalid(true);
                return;
            }
            CreditPurchase purchase = credits.requestPurchase(pack.getValue());
            close();
            onRequested.accept(purchase);
        });
        submit.setId("buy-credits-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("credits.cancel"), e -> close());
        cancel.setId("buy-credits-cancel");
        getFooter().add(cancel, submit);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeFromParent();
            }
        });
    }
}
