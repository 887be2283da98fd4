package io.flowdesk.sla;

import io.flowdesk.shared.Text;
import java.time.Instant;

/**
 * One SLA target of a ticket as it stands now, for views and REST.
 *
 * @param target FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION or STEP
 * @param state ON_TRACK, AT_RISK, BREACHED, PAUSED or MET
 * @param dueAt null while paused
 * @param remainingWorkingMinutes null once stopped
 */
public record SlaTarget(String target, Text label, String taskId, Instant dueAt, String state,
        long usedWorkingMinutes, long targetMinutes, Long remainingWorkingMinutes, Instant pausedSince) {

    public static final String ON_TRACK = "ON_TRACK";
    public static final String AT_RISK = "AT_RISK";
    public static final String BREACHED = "BREACHED";
    public static final String PAUSED = "PAUSED";
    public static final String MET = "MET";
}
