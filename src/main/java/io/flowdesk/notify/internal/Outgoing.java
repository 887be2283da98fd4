package io.flowdesk.notify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A delivery being sent: its row id and key (the delivery id that travels with the message), its channel and
 * recipient, and what to say ({@code payload}). A robot digest is one message for several rows: the first row
 * leads, the others are in {@code merged}.
 */
public record Outgoing(long id, String key, String channel, String recipient, Long ticketId, String kind,
        JsonNode payload, int attempts, List<Outgoing> merged) {

    public Outgoing withMerged(List<Outgoing> rows) {
        return new Outgoing(id, key, channel, recipient, ticketId, kind, payload, attempts, List.copyOf(rows));
    }

    /** The lead row and the merged ones, in order. */
    public List<Outgoing> all() {
        java.util.ArrayList<Outgoing> all = new java.util.ArrayList<>();
        all.add(this);
        all.addAll(merged);
        return all;
    }
}
