package com.vetacrm.shell;

import com.vaadin.flow.i18n.I18NProvider;
import com.vetacrm.shared.SupportedLanguage;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from one bundle per feature, {@code i18n/<feature>*.properties} (UTF-8), looked up in
 * the order of {@link #BUNDLES}; a key lives in exactly one bundle (checked by a test). English is the
 * base of each bundle. Splitting by feature keeps each module's texts beside each other and lets
 * features change their texts without touching one shared file.
 * <p>
 * The bundles are loaded without the JVM-default-locale fallback: on a server whose default
 * locale is Spanish, an English user must still get English.
 */
@Component
public class VetaI18NProvider implements I18NProvider {

    /** Base names of the bundles; a new feature bundle is added here. */
    public static final List<String> BUNDLES = List.of("i18n.messages", "i18n.admin", "i18n.lead", "i18n.chatter",
            "i18n.directory", "i18n.settings", "i18n.credits", "i18n.mining", "i18n.audit");

    private static final Logger log = LoggerFactory.getLogger(VetaI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLanguage.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = SupportedLanguage.of(locale).orElse(SupportedLanguage.fallback()).locale();
        String pattern = find(key, effective);
        if (pattern == null) {
            log.warn("Missing translation '{}' for {}", key, effective);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, effective).format(params);
    }

    private static String find(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle b = ResourceBundle.getBundle(bundle, locale, NO_FALLBACK);
                if (b.containsKey(key)) {
                    return b.getString(key);
                }
            } catch (MissingResourceException e) {
                // a feature bundle may not exist yet in this language: the bundle test catches that
            }
        }
        return null;
    }
}
