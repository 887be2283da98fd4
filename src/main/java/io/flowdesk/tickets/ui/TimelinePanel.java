package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.flowdesk.tickets.TimelineEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A ticket's timeline, newest first; internal entries are marked (customers never receive them). */
public class TimelinePanel extends VerticalLayout {

    private boolean zh() {
        return io.flowdesk.identity.ui.UiSession.localeTag().equals("zh-CN");
    }

    /**
     * The entry in the UI language: its stored key and arguments; for entries written before keys were stored, from
     * its structured details where there are some.
     */
    private String describe(TimelineEntry entry) {
        if (entry.text() != null) {
            return entry.summary(getLocale());
        }
        var d = entry.details();
        if (d == null || d.isNull()) {
            return entry.summary();
        }
        String task = zh() ? d.path("task").asText("") : d.path("taskEn").asText(d.path("task").asText(""));
        return switch (entry.kind()) {
            case "STATUS_CHANGED" -> status(d.path("from").asText(null)) + " → " + status(d.path("to").asText(null));
            case "ENDED" -> status(d.path("status").asText(null));
            case "TASK_STARTED", "TASK_CLAIMED", "TASK_UNCLAIMED", "TASK_CANCELLED" -> task;
            case "TASK_COMPLETED" -> task + changes(d.path("changes"));
            case "PRIORITY_CHANGED" -> d.path("from").asText() + " → " + d.path("to").asText() + " · "
                    + d.path("reason").asText();
            case "TRANSFERRED" -> task + " → " + d.path("to").asText() + " · " + d.path("reason").asText();
            case "CREATED" -> getTranslation("channel." + d.path("channel").asText("api"));
            case "CSAT" -> "★".repeat(Math.max(0, Math.min(5, d.path("rating").asInt()))) + " "
                    + d.path("comment").asText("");
            default -> d.has("text") ? d.get("text").asText() : entry.summary();
        };
    }

    private String status(String code) {
        return code == null ? "—" : getTranslation("status." + code);
    }

    private static String changes(com.fasterxml.jackson.databind.JsonNode changes) {
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        for (var change : changes) {
            if (out.length() > 2) {
                out.append(", ");
            }
            String to = change.path("to").isTextual() ? change.path("to").asText() : change.path("to").toString();
            out.append(change.path("field").asText()).append(": ").append(to.length() > 40 ? to.substring(0, 40) + "…"
                    : to);
        }
        return out.append(')').toString();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public TimelinePanel(List<TimelineEntry> entries) {
        setId("timeline");
        addClassName("fd-timeline");
        setPadding(false);
        setSpacing(false);
        for (int i = entries.size() - 1; i >= 0; i--) {
            TimelineEntry entry = entries.get(i);
            Div item = new Div();
            item.addClassName("fd-timeline-item");
            item.addClassName("fd-kind-" + entry.kind().toLowerCase());
            if (entry.internal()) {
                item.addClassName("fd-internal");
            }
            Span meta = new Span(TIME.format(entry.at().atZoneSameInstant(ZoneId.systemDefault())) + " · "
                    + getTranslation("timeline." + entry.kind()) + (entry.actor() == null ? "" : " · " + entry.actor())
                    + (entry.internal() ? " · " + getTranslation("timeline.internal") : ""));
            meta.addClassName("fd-timeline-meta");
            String text = describe(entry);
            Paragraph body = new Paragraph(text == null ? "" : text);
            body.addClassName("fd-timeline-text");
            item.add(meta, body);
            add(item);
        }
    }
}
