package io.flowdesk.reports.board;

import java.time.Instant;
import java.util.List;

/**
 * The live wall board of a team ({@code GET /api/reports/board}), as docs/metrics.md ("Live wall board") defines
 * each number: open tickets now, those with an open step nobody has, at risk and breached by the SLA state, agents
 * online, and per agent their open tickets.
 *
 * @param department the department key, or null for every department
 * @param at the FlowDesk clock's instant the numbers were read at
 */
public record WallBoard(String department, String departmentName, Instant at, long open, long unassigned,
        long atRisk, long breached, long agentsOnline, long agentsTotal, List<AgentLine> agents) {

    /** One agent of the strip: availability (online, away, offline) and their open tickets. */
    public record AgentLine(String username, String displayName, String status, long open, long atRisk,
            long breached) {
    }
}
