package io.flowdesk.tickets;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A reader of the ticket event stream with its own cursor (a CDI bean; {@link TicketEventStream} finds it). The
 * batch is handed over inside the transaction that moves the cursor past it: whatever the consumer writes through
 * the current Hibernate Reactive session commits together with the cursor, so each event's effects happen exactly
 * once although delivery underneath may repeat after a crash. Only one node at a time holds a consumer's cursor.
 */
public interface TicketEventConsumer {

    /** Unique, stable: the cursor's key. A new name starts from the beginning of the stream (a replay). */
    String name();

    /** Handles events in stream order; a failure rolls the batch back and it is delivered again later. */
    Uni<Void> handle(List<TicketEvent> events);

    default int batchSize() {
        return 200;
    }
}
