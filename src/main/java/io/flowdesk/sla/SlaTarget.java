package io.flowdesk.sla;

import io.flowdesk.shared.Text;
import java.time.Instant;

/**
 * One SLA target of a ticket as views show it (contract of issue 10).
 *
 * @param target FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION or STEP
 * @param state ON_TRACK, AT_RISK, BREACHED, PAUSED or MET
 */
public record SlaTarget(String target, Text label, String taskId, Instant dueAt, String state,
        long usedWorkingMinutes, long targetMinutes, Long remainingWorkingMinutes, Instant pausedSince) {
}
