package io.flowdesk.tickets;

import java.util.List;

/** Ticket priorities, P1 the most urgent. */
public final class Priority {

    public static final List<String> ALL = List.of("P1", "P2", "P3", "P4");
    public static final String DEFAULT = "P3";

    private Priority() {
    }
}
