package com.vetacrm.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.Optional;
import java.util.function.Function;

/** Turns a {@link com.vetacrm.lead.LeadRules} check into a Binder validator with the translated message. */
final class FieldRules {

    private FieldRules() {
    }

    static <T> Validator<T> of(Component owner, Function<T, Optional<String>> check) {
        return (value, context) -> check.apply(value)
                .map(key -> ValidationResult.error(owner.getTranslation(key)))
                .orElse(ValidationResult.ok());
    }
}
