package com.vetacrm.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.security.Role;
import com.vetacrm.shell.VetaI18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * English and Spanish are complete: every feature bundle has the same keys in both, no empty texts, no
 * key in two bundles, and every key the code uses exists.
 */
class TranslationBundlesTest {

    private static List<String> resources(String suffix) {
        return VetaI18NProvider.BUNDLES.stream().map(b -> "/" + b.replace('.', '/') + suffix + ".properties").toList();
    }

    /** All English keys of all bundles. */
    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String r : resources("")) {
            keys.addAll(load(r).stringPropertyNames());
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        List<String> english = resources("");
        List<String> spanish = resources("_es");
        for (int i = 0; i < english.size(); i++) {
            Set<String> en = new TreeSet<>(load(english.get(i)).stringPropertyNames());
            Set<String> es = new TreeSet<>(load(spanish.get(i)).stringPropertyNames());
            assertThat(es).as("keys missing in " + spanish.get(i)).containsAll(en);
            assertThat(en).as("keys missing in " + english.get(i)).containsAll(es);
        }
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String r : resources("")) {
            for (String key : load(r).stringPropertyNames()) {
                assertThat(seen.add(key)).as(key + " is defined again in " + r).isTrue();
            }
        }
    }

    @Test
    void noTranslationIsBlank() throws IOException {
        List<String> all = new ArrayList<>(resources(""));
        all.addAll(resources("_es"));
        for (String bundle : all) {
            Properties p = load(bundle);
            assertThat(p.stringPropertyNames()).as(bundle)
                    .allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
    }

    /**
     * Every string literal in the main code that looks like a key of one of the bundle's namespaces
     * ("error.", "login.", ...) must exist: catches keys passed through helpers and conditionals too.
     */
    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> keys = allKeys();
        Set<String> namespaces = new TreeSet<>();
        keys.forEach(k -> namespaces.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Pattern literal = Pattern.compile("\"([a-z][a-zA-Z0-9_]*)\\.([a-zA-Z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (namespaces.contains(m.group(1)) && !m.group(2).endsWith(".")) {
                        used.add(m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyRoleHasALabel() throws IOException {
        Set<String> keys = allKeys();
        for (Role role : Role.values()) {
            assertThat(keys).contains(role.labelKey());
        }
    }
}
