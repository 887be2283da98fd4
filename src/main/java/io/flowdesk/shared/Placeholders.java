package io.flowdesk.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{ticket.number}}}, {@code {{ticket.title}}}, {@code {{ticket.priority}}}, {@code {{ticket.status}}},
 * {@code {{ticket.type}}}, {@code {{customer.name}}}, {@code {{agent.name}}} and {@code {{data.x}}} (a top-level
 * field of the ticket's data) in a text written by an admin or an agent. Unknown placeholders become empty. Shared by
 * automation rules and macros so both read the same way.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*}}");

    private Placeholders() {
    }

    /** What the placeholders read; {@code agentName} is null where no person acts (a rule). */
    public record Values(String number, String title, String priority, String status, String type,
            String customerName, String agentName, JsonNode data) {
    }

    public static String fill(String template, Values v) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "ticket.number" -> v.number();
                case "ticket.title" -> v.title();
                case "ticket.priority" -> v.priority();
                case "ticket.status" -> v.status();
                case "ticket.type" -> v.type();
                case "customer.name" -> v.customerName();
                case "agent.name" -> v.agentName();
                default -> key.startsWith("data.") && v.data() != null && v.data().has(key.substring(5))
                        ? plain(v.data().get(key.substring(5))) : "";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String plain(JsonNode v) {
        return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText();
    }
}
