package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import java.time.Instant;

/**
 * One fact from the ticket event stream ({@code ticket_event}, append-only, ordered by {@code id}): what happened to
 * a ticket, when (by {@link io.flowdesk.shared.FlowClock}), by whom. The timeline is a view of the same rows.
 *
 * <p>Kinds a consumer may rely on: {@code CREATED}, {@code TRANSCRIPT}, {@code REPLY} (public; details
 * {@code authorKind}: {@code customer}, {@code staff} or {@code partner}), {@code NOTE} (internal), {@code STATUS_CHANGED}
 * (details {@code from}, {@code to}), {@code PRIORITY_CHANGED} (details {@code from}, {@code to}), {@code TASK_STARTED},
 * {@code TASK_CLAIMED}, {@code TASK_UNCLAIMED}, {@code TASK_COMPLETED}, {@code TASK_CANCELLED}, {@code TRANSFERRED},
 * {@code ENDED}, {@code REOPENED}, {@code CSAT}, {@code ATTACHMENT}, {@code WATCHER_ADDED}, {@code NOTIFIED}, and any
 * kind a feature writes through {@link TicketCommands}.
 */
public record TicketEvent(long id, long ticketId, Instant at, String kind, String actor, String taskId,
        String detailsJson, boolean internal) {

    public JsonNode details() {
        return detailsJson == null ? Json.MAPPER.createObjectNode() : Json.parse(detailsJson);
    }
}
