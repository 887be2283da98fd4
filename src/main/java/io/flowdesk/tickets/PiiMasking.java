package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Masks personal data for external partners: phone 138****5678, e-mail z***@example.com, text k***t. */
public final class PiiMasking {

    private PiiMasking() {
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.matches("\\+?[0-9 ()-]{7,}")) {
            return phone(text);
        }
        if (text.contains("@")) {
            return email(text);
        }
        return text.length() <= 2 ? "**" : text.charAt(0) + "***" + text.charAt(text.length() - 1);
    }

    /** A copy of {@code data} with the named fields masked. */
    public static JsonNode data(JsonNode data, Set<String> sensitive) {
        if (data == null || !data.isObject() || sensitive.isEmpty()) {
            return data;
        }
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        for (String field : sensitive) {
            JsonNode value = copy.get(field);
            if (value != null && !value.isNull()) {
                copy.put(field, text(value.asText()));
            }
        }
        return copy;
    }
}
