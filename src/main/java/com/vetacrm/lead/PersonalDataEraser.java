package com.vetacrm.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Erases the contacts inside an enrichment card's payload (GDPR erasure). The lead module does not read the
 * card's format (lead mining owns it), so it works on the JSON tree: every array named {@code contacts}, at
 * any depth, is emptied (the e-mails found in it are collected for the suppression list); the company block
 * stays. As a last guard a payload that still contains one of the erased e-mails anywhere, or that is not JSON
 * but contains one, is dropped entirely (the chatter entry keeps its one-line summary, which holds no person).
 */
final class PersonalDataEraser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PersonalDataEraser() {
    }

    /** E-mail addresses of the contacts in a payload (as written); empty when it is not JSON. */
    static List<String> contactEmails(String payload) {
        List<String> emails = new ArrayList<>();
        try {
            walk(JSON.readTree(payload), emails, false);
        } catch (JacksonException e) {
            // not JSON: nothing structured to collect; erase() still checks the text
        }
        return emails;
    }

    /**
     * The payload without its contacts; null (drop it) when an erased e-mail would still remain in it.
     *
     * @param erasedEmails normalised (lower case) e-mail addresses being erased
     */
    static String erase(String payload, Set<String> erasedEmails) {
        String result;
        try {
            JsonNode tree = JSON.readTree(payload);
            walk(tree, new ArrayList<>(), true);
            result = JSON.writeValueAsString(tree);
        } catch (JacksonException e) {
            result = payload;
        }
        String lower = result.toLowerCase(Locale.ROOT);
        return erasedEmails.stream().anyMatch(lower::contains) ? null : result;
    }

    private static void walk(JsonNode node, List<String> emails, boolean empty) {
        if (node instanceof ObjectNode object) {
            List<String> emptied = new ArrayList<>();
            for (Map.Entry<String, JsonNode> p : object.properties()) {
                if ("contacts".equals(p.getKey()) && p.getValue().isArray()) {
                    for (JsonNode contact : p.getValue()) {
                        JsonNode email = contact.get("email");
                        if (email != null && email.isString() && !email.stringValue().isBlank()) {
                            emails.add(email.stringValue());
                        }
                    }
                    emptied.add(p.getKey());
                } else {
                    walk(p.getValue(), emails, empty);
                }
            }
            if (empty) {
                emptied.forEach(object::putArray);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                walk(item, emails, empty);
            }
        }
    }
}
