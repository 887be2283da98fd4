package io.flowdesk.testing;

import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Lets a ticket event consumer catch up in a {@code @QuarkusTest}, without waiting for its scheduler. */
public final class Streams {

    private Streams() {
    }

    /** Drains the named consumer until its cursor has reached the newest event (at most a minute). */
    public static void drain(TicketEventStream stream, String name) throws Throwable {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            VertxContextSupport.subscribeAndAwait(() -> stream.drain(name));
            long max = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select coalesce(max(id), 0) from ticket_event", Long.class)
                            .getSingleResult())));
            if (VertxContextSupport.subscribeAndAwait(() -> stream.position(name)) >= max) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the " + name + " consumer did not catch up");
            }
            Thread.sleep(100);
        }
    }
}
