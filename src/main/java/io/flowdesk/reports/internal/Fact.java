package io.flowdesk.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One ticket's row in {@code report_ticket_fact}, as docs/metrics.md defines its columns. */
public record Fact(long ticketId, String number, String templateKey, String department, String channel,
        String priority, String agent, String calendarKey, Instant createdAt, LocalDate createdDay,
        Instant firstReplyAt, Long firstReplyMinutes, Long firstReplyWorking, Instant firstResolvedAt,
        Long resolutionMinutes, Long resolutionWorking, Instant resolvedAt, LocalDate resolvedDay,
        Long fullResolutionMinutes, Long fullResolutionWorking, int reopenedCount, int staffReplies,
        int customerReplies, boolean fcr, Integer csat, long lastEventId, List<ReplyGap> nextReplies) {

    /**
     * One next response: a public customer reply after a public staff reply (the first since it) until the next
     * public staff reply. Minutes as for every duration (calendar, working).
     */
    public record ReplyGap(Instant askedAt, Instant repliedAt, LocalDate repliedDay, long minutes, long working) {
    }
}
