package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.automation.Rule.Trigger;
import java.util.List;
import java.util.Set;

/** Which events start which trigger; pure. */
public final class Triggers {

    public static final List<String> TYPES = List.of("TICKET_CREATED", "FIELD_CHANGED", "STATUS_CHANGED",
            "TASK_CREATED", "TASK_COMPLETED", "COMMENT_ADDED", "SLA_WARNING", "SLA_BREACHED", "TIME");
    /** Event kinds a TIME trigger may count from. */
    public static final List<String> ANCHORS = List.of("CREATED", "REPLY_CUSTOMER", "REPLY_STAFF", "STATUS_CHANGED",
            "TASK_STARTED", "SLA_WARNING", "SLA_BREACHED");
    /** Automation's own entries start nothing (the firing itself, the cut-off, webhook requests, notices). */
    static final Set<String> OWN = Set.of("AUTOMATION_FIRED", "AUTOMATION_CUTOFF", "WEBHOOK_REQUESTED", "NOTIFIED",
            "MACRO_APPLIED", "SLA_RECOMPUTED");

    private Triggers() {
    }

    /**
     * Whether the event starts an immediate trigger. {@code firstTask}: the event is the ticket's first
     * {@code TASK_STARTED}, the moment a created ticket has entered its flow (its first step can be routed).
     */
    public static boolean starts(Trigger trigger, String kind, JsonNode details, boolean firstTask) {
        if (trigger == null || trigger.type() == null || OWN.contains(kind)) {
            return false;
        }
        return switch (trigger.type()) {
            case "TICKET_CREATED" -> firstTask;
            case "STATUS_CHANGED" -> kind.equals("STATUS_CHANGED")
                    && (blank(trigger.status()) || trigger.status().equals(details.path("to").asText()));
            case "TASK_CREATED" -> kind.equals("TASK_STARTED") && step(trigger, details);
            case "TASK_COMPLETED" -> kind.equals("TASK_COMPLETED") && step(trigger, details);
            case "COMMENT_ADDED" -> comment(trigger.by(), kind, details);
            case "SLA_WARNING" -> kind.equals("SLA_WARNING");
            case "SLA_BREACHED" -> kind.equals("SLA_BREACHED");
            case "FIELD_CHANGED" -> fieldChanged(trigger.field(), kind, details);
            default -> false;
        };
    }

    /** Whether the event is what a TIME trigger counts from. */
    public static boolean anchors(Trigger trigger, String kind, JsonNode details) {
        if (trigger == null || !"TIME".equals(trigger.type()) || trigger.since() == null || OWN.contains(kind)) {
            return false;
        }
        return switch (trigger.since()) {
            case "REPLY_CUSTOMER" -> comment("customer", kind, details);
            case "REPLY_STAFF" -> kind.equals("REPLY") && "staff".equals(details.path("authorKind").asText());
            default -> trigger.since().equals(kind);
        };
    }

    private static boolean step(Trigger trigger, JsonNode details) {
        return blank(trigger.step()) || trigger.step().equals(details.path("taskDefKey").asText());
    }

    private static boolean comment(String by, String kind, JsonNode details) {
        String author = details.path("authorKind").asText("staff");
        if (kind.equals("NOTE")) {
            return blank(by) || "any".equals(by) || "staff".equals(by) && !"automation".equals(author);
        }
        if (!kind.equals("REPLY")) {
            return false;
        }
        return blank(by) || "any".equals(by) || by.equals(author);
    }

    private static boolean fieldChanged(String field, String kind, JsonNode details) {
        String changed = switch (kind) {
            case "PRIORITY_CHANGED" -> "priority";
            case "STATUS_CHANGED" -> "status";
            case "TAG_ADDED", "TAG_REMOVED" -> "tags";
            case "FIELD_SET" -> "data." + details.path("field").asText();
            case "TRANSFERRED" -> "department";
            case "TASK_COMPLETED" -> null;
            default -> "";
        };
        if (changed == null) { // a step's form changed data fields
            for (JsonNode c : details.path("changes")) {
                String f = c.path("field").asText(c.path("key").asText(""));
                if (blank(field) || field.equals("data." + f)) {
                    return !f.isEmpty();
                }
            }
            return false;
        }
        return !changed.isEmpty() && (blank(field) || field.equals(changed));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
