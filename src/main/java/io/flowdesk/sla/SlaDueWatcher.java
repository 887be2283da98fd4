package io.flowdesk.sla;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * Told whenever one ticket's SLA deadlines are (re)computed, in the transaction that stores them, so another feature
 * can keep deadlines of its own relative to them (automation's "N minutes before the resolution target"). The sla
 * package knows nothing of the watchers beyond this interface.
 */
public interface SlaDueWatcher {

    /**
     * @param running the ticket's open, running targets with their deadline now (paused, met and stopped ones are
     *        absent: a watcher drops what it had scheduled for them)
     */
    Uni<Void> dueChanged(long ticketId, List<RunningTarget> running);

    /** An open target whose clock runs: {@code target} FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION or STEP. */
    record RunningTarget(String target, String taskId, int cycle, Instant dueAt, String calendarKey) {
    }
}
