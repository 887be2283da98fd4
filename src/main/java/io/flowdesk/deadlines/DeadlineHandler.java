package io.flowdesk.deadlines;

import io.smallrye.mutiny.Uni;

/**
 * Fires the deadlines of one owner (a CDI bean; {@code sla}, later {@code automation}). {@link #fire} runs inside the
 * transaction that marks the row fired, in that transaction's Panache session: what it writes there happens exactly
 * once, across restarts and nodes. A failure rolls its effects back; the row is tried again later (a bounded number
 * of times). Calling {@link Deadlines#schedule} for the same key with a later instant postpones the deadline instead
 * of firing it (e.g. outside working hours).
 */
public interface DeadlineHandler {

    /** The {@code owner} of the rows this handler fires. */
    String owner();

    Uni<Void> fire(Deadline deadline);
}
