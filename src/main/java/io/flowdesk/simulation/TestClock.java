package io.flowdesk.simulation;

import java.time.Instant;

/**
 * A test ticket's clock as a designer sees it: the ticket's now, the shared now, how far ahead it runs, and what falls
 * due next (an SLA level, a time-based rule or a timer of the flow), in the reader's language.
 */
public record TestClock(String number, Instant virtualNow, Instant realNow, long offsetMinutes, Instant nextDueAt,
        String nextKind, String nextLabel, String zone) {
}
