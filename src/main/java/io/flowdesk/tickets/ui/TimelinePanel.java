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
            String text = entry.summary();
            if (entry.details() != null && entry.details().has("text")) {
                text = entry.details().get("text").asText();
            }
            Paragraph body = new Paragraph(text == null ? "" : text);
            body.addClassName("fd-timeline-text");
            item.add(meta, body);
            add(item);
        }
    }
}
