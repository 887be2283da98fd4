package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.TicketEventEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of timeline entries: what is stored (a catalogue key and arguments) and how a completed step's data
 * reads (field labels and option names from the step's pinned form, booleans as yes/no, personal data masked for
 * partners). Nothing here is in one language: the edge puts it into the reader's.
 */
final class TimelineTexts {

    /** At most this many changed fields are listed on one entry. */
    static final int MAX_CHANGES = 12;

    private TimelineTexts() {
    }

    static Text task(String zh, String en) {
        return Text.bilingual(zh, en == null || en.isBlank() ? zh : en);
    }

    static Text channel(String channel) {
        return Messages.pattern(Messages.EN, "channel." + channel) != null ? Text.of("channel." + channel)
                : Text.literal(channel);
    }

    static Text status(String status) {
        if (status == null) {
            return Text.of("timeline.value.empty");
        }
        return Messages.pattern(Messages.EN, "status." + status) != null ? Text.of("status." + status)
                : Text.literal(status);
    }

    /** Who an fdNotify step told: customer, assignee, watchers or department:&lt;key&gt;. */
    static Text recipient(String to) {
        if (to != null && to.startsWith("department:")) {
            return Text.of("timeline.recipient.department", to.substring("department:".length()));
        }
        return switch (to == null ? "" : to) {
            case "customer" -> Text.of("timeline.recipient.customer");
            case "assignee" -> Text.of("timeline.recipient.assignee");
            case "watchers" -> Text.of("timeline.recipient.watchers");
            default -> Text.literal(to);
        };
    }

    /**
     * An entry for a reader. {@code stepSchema} is the pinned form of the entry's step (for completed steps; may be
     * null), {@code masked} the personal-data fields the reader may not see in clear.
     */
    static TimelineEntry entry(TicketEventEntity e, boolean hideTask, JsonNode details, JsonNode stepSchema,
            Set<String> masked) {
        Text text = StoredText.read(e.summaryText);
        String key = text == null || text.isLiteral() ? null : text.key();
        JsonNode shown = details;
        if ("TASK_COMPLETED".equals(e.kind) && details != null && details.isObject()) {
            if (text == null) {
                // written before keys were stored: the details say the same
                text = Text.of("timeline.text.taskCompleted", e.actor == null ? "" : e.actor,
                        task(details.path("task").asText(""), details.path("taskEn").asText("")));
            }
            Text changes = changes(details.path("changes"), stepSchema, masked);
            if (changes != null) {
                text = Text.of("timeline.text.withChanges", text, changes);
            }
            shown = maskChanges(details, masked);
        }
        return new TimelineEntry(e.id, e.at, e.kind, e.actor, hideTask ? null : e.taskId,
                text == null ? e.summary : text.in(Messages.EN), shown, e.internal, key, text);
    }

    /** The changed fields of a completed step as "label: value, …", or null when nothing changed. */
    static Text changes(JsonNode changes, JsonNode schema, Set<String> masked) {
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            return null;
        }
        JsonNode xui = (schema == null ? MissingNode.getInstance() : schema).path("x-ui");
        JsonNode fields = xui.path("fields");
        List<JsonNode> ordered = inFormOrder(changes, xui.path("order"), schema);
        List<Text> items = new ArrayList<>();
        for (JsonNode change : ordered) {
            if (items.size() == MAX_CHANGES) {
                items.add(Text.literal("…"));
                break;
            }
            String field = change.path("field").asText();
            JsonNode ui = fields.path(field);
            items.add(Text.of("timeline.change", label(ui, field), value(change.get("to"), ui,
                    masked.contains(field))));
        }
        return join("timeline.join", items);
    }

    /** The changes in the order the form shows its fields (x-ui order, else the schema's), others after. */
    static List<JsonNode> inFormOrder(JsonNode changes, JsonNode order, JsonNode schema) {
        List<String> keys = new ArrayList<>();
        if (order != null && order.isArray()) {
            order.forEach(key -> keys.add(key.asText()));
        }
        if (schema != null) {
            schema.path("properties").fieldNames().forEachRemaining(key -> {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            });
        }
        List<JsonNode> list = new ArrayList<>();
        changes.forEach(list::add);
        list.sort(java.util.Comparator.comparingInt((JsonNode change) -> {
            int index = keys.indexOf(change.path("field").asText());
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(change -> change.path("field").asText()));
        return list;
    }

    static Text label(JsonNode ui, String key) {
        String zh = ui.path("label").path("zh-CN").asText("");
        String en = ui.path("label").path("en").asText("");
        if (zh.isBlank() && en.isBlank()) {
            return Text.literal(key);
        }
        return Text.bilingual(zh.isBlank() ? en : zh, en.isBlank() ? zh : en);
    }

    static Text value(JsonNode value, JsonNode ui, boolean masked) {
        if (value == null || value.isNull() || value.isMissingNode()
                || value.isTextual() && value.asText().isEmpty()) {
            return Text.of("timeline.value.empty");
        }
        if (masked) {
            return Text.literal(PiiMasking.text(value.isValueNode() ? value.asText() : value.toString()));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return Text.of("timeline.value.empty");
            }
            List<Text> items = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isValueNode()) {
                    return Text.of("timeline.value.rows", value.size());
                }
                items.add(value(element, ui, false));
            }
            return join("timeline.values.join", items);
        }
        if (value.isObject()) {
            return Text.of("timeline.value.details");
        }
        JsonNode option = ui.path("options").path(value.asText());
        if (option.isObject()) {
            String zh = option.path("zh-CN").asText("");
            String en = option.path("en").asText("");
            if (!zh.isBlank() || !en.isBlank()) {
                return Text.bilingual(zh.isBlank() ? en : zh, en.isBlank() ? zh : en);
            }
        }
        if (value.isBoolean()) {
            return Text.of(value.booleanValue() ? "timeline.value.yes" : "timeline.value.no");
        }
        String words = value.asText();
        return Text.literal(words.length() > 40 ? words.substring(0, 40) + "…" : words);
    }

    private static Text join(String key, List<Text> items) {
        Text joined = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            joined = Text.of(key, joined, items.get(i));
        }
        return joined;
    }

    /** Details with the from/to values of masked fields masked. */
    private static JsonNode maskChanges(JsonNode details, Set<String> masked) {
        if (masked.isEmpty() || !details.path("changes").isArray()) {
            return details;
        }
        ObjectNode copy = ((ObjectNode) details).deepCopy();
        for (JsonNode change : copy.path("changes")) {
            if (change instanceof ObjectNode c && masked.contains(c.path("field").asText())) {
                for (String side : List.of("from", "to")) {
                    JsonNode v = c.get(side);
                    if (v != null && !v.isNull()) {
                        c.put(side, PiiMasking.text(v.isValueNode() ? v.asText() : v.toString()));
                    }
                }
            }
        }
        return copy;
    }

    static JsonNode parse(String json) {
        return json == null ? null : Json.parse(json);
    }
}
