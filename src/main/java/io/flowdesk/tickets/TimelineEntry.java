package io.flowdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Text;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One entry of a ticket's timeline. {@code kind}: CREATED, TASK_STARTED, TASK_CLAIMED, TASK_COMPLETED, ...
 * {@code text} is the summary as a catalogue key and arguments; {@link #in(Locale)} writes {@code summary} in a
 * reader's language (the REST layer does so for the request's language). {@code summaryKey} names the catalogue
 * key (null for notes, replies and entries written before keys were stored).
 */
public record TimelineEntry(long id, OffsetDateTime at, String kind, String actor, String taskId, String summary,
        JsonNode details, boolean internal, String summaryKey, @JsonIgnore Text text) {

    public TimelineEntry(long id, OffsetDateTime at, String kind, String actor, String taskId, String summary,
            JsonNode details, boolean internal) {
        this(id, at, kind, actor, taskId, summary, details, internal, null, null);
    }

    /** The summary in the given language (the stored sentence when there is no key). */
    public String summary(Locale locale) {
        return text == null ? summary : text.in(locale);
    }

    /** This entry with {@code summary} in the given language. */
    public TimelineEntry in(Locale locale) {
        return new TimelineEntry(id, at, kind, actor, taskId, summary(locale), details, internal, summaryKey, text);
    }
}
