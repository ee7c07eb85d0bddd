package com.vetacrm.credits.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.credits.CreditService;
import com.vetacrm.shared.BusinessRuleException;

/**
 * The administrators' dialogs that change credits with a reason: grant or adjust, refund a capture, reject a
 * purchase request. Fields are checked as the service checks them; a refusal of the service is shown on the
 * amount or the reason field.
 */
class ReasonDialog extends Dialog {

    /** What the dialog does with the amount and reason; may throw the service's refusal. */
    interface Action {
        void apply(Long amount, String reason);
    }

    enum GrantKind {
        GRANT,
        ADJUST
    }

    private final TextField reason = new TextField();
    private final IntegerField amount = new IntegerField();
    private final RadioButtonGroup<GrantKind> kind = new RadioButtonGroup<>();
    private final boolean withAmount;

    private ReasonDialog(String idPrefix, boolean withAmount) {
        this.withAmount = withAmount;
        setId(idPrefix + "-dialog");
        setWidth("min(30em, 95vw)");
        amount.setId(idPrefix + "-amount");
        amount.setLabel(getTranslation("credits.dialog.amount"));
        amount.setRequiredIndicatorVisible(true);
        amount.setStepButtonsVisible(true);
        reason.setId(idPrefix + "-reason");
        reason.setLabel(getTranslation("credits.dialog.reason"));
        reason.setMaxLength(CreditService.MAX_REASON_LENGTH);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        amount.setVisible(withAmount);
    }

    /** Grant credits, or a signed adjustment. */
    static ReasonDialog grant(CreditService credits, Runnable onDone) {
        ReasonDialog d = new ReasonDialog("credit-grant", true);
        d.setHeaderTitle(d.getTranslation("credits.grant.title"));
        d.kind.setId("credit-grant-kind");
        d.kind.setItems(GrantKind.values());
        d.kind.setItemLabelGenerator(k -> d.getTranslation("credits.grant.kind." + k.name()));
        d.kind.setValue(GrantKind.GRANT);
        d.amount.setMin(1);
        d.kind.addValueChangeListener(e -> {
            d.amount.setMin(e.getValue() == GrantKind.ADJUST ? (int) -CreditService.MAX_AMOUNT : 1);
            d.amount.setHelperText(e.getValue() == GrantKind.ADJUST ? d.getTranslation("credits.grant.adjustHelper") : null);
        });
        FormLayout form = new FormLayout(d.kind, d.amount, d.reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(form);
        d.footer("credit-grant", d.getTranslation("credits.grant.submit"), (amount, reason) -> {
            if (d.kind.getValue() == GrantKind.ADJUST) {
                credits.adjust(amount, reason);
            } else {
                credits.grant(amount, reason);
            }
        }, onDone);
        return d;
    }

    /** Gives back up to what is left of a capture. */
    static ReasonDialog refund(CreditService credits, long holdId, String reference, Runnable onDone) {
        ReasonDialog d = new ReasonDialog("credit-refund", true);
        long refundable = credits.refundable(holdId);
        d.setHeaderTitle(d.getTranslation("credits.refund.title", reference));
        d.amount.setMin(1);
        d.amount.setMax((int) Math.min(Integer.MAX_VALUE, refundable));
        if (refundable > 0) {
            d.amount.setValue((int) Math.min(Integer.MAX_VALUE, refundable));
        }
        Paragraph left = new Paragraph(d.getTranslation("credits.refund.left", CreditFormat.credits(refundable, d.getLocale())));
        left.setId("credit-refund-left");
        FormLayout form = new FormLayout(d.amount, d.reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(left, form);
        d.footer("credit-refund", d.getTranslation("credits.refund.submit"),
                (amount, reason) -> credits.refund(holdId, amount, reason), onDone);
        return d;
    }

    /** Turns a purchase request down, with the reason the requester will read. */
    static ReasonDialog rejectPurchase(CreditService credits, long purchaseId, Runnable onDone) {
        ReasonDialog d = new ReasonDialog("purchase-reject", false);
        d.setHeaderTitle(d.getTranslation("credits.purchase.reject.title"));
        d.add(d.reason);
        d.footer("purchase-reject", d.getTranslation("credits.purchase.reject"),
                (amount, reason) -> credits.rejectPurchase(purchaseId, reason), onDone);
        return d;
    }

    private void footer(String prefix, String submitLabel, Action action, Runnable onDone) {
        Button submit = new Button(submitLabel, e -> submit(action, onDone));
        submit.setId(prefix + "-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("credits.cancel"), e -> close());
        cancel.setId(prefix + "-cancel");
        getFooter().add(cancel, submit);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeFromParent();
            }
        });
    }

    private void submit(Action action, Runnable onDone) {
        amount.setInvalid(false);
        reason.setInvalid(false);
        boolean valid = true;
        Integer value = amount.getValue();
        if (withAmount && (value == null || value == 0 || (kind.getValue() != GrantKind.ADJUST && value < 1))) {
            amount.setErrorMessage(getTranslation(value != null && value == 0 && kind.getValue() == GrantKind.ADJUST
                    ? "credits.adjust.zero" : "credits.error.amount", CreditService.MAX_AMOUNT));
            amount.setInvalid(true);
            valid = false;
        }
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("credits.error.reason.required"));
            reason.setInvalid(true);
            valid = false;
        }
        if (!valid) {
            return;
        }
        try {
            action.apply(withAmount ? value.longValue() : null, reason.getValue());
        } catch (BusinessRuleException refusal) {
            boolean aboutReason = refusal.messageKey().startsWith("credits.error.reason.");
            HasValidation field = aboutReason || !withAmount ? reason : amount;
            field.setErrorMessage(getTranslation(refusal.messageKey(), refusal.args()));
            field.setInvalid(true);
            return;
        }
        close();
        onDone.run();
    }
}
