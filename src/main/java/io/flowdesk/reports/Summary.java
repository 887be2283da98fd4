package io.flowdesk.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code GET /api/reports/summary}: headline metrics for the period and the one before, per day, backlog. */
public record Summary(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
        Headline current, Headline previous, List<Day> createdVsResolved, List<Bucket> backlog,
        Map<String, List<Group>> by) {

    /** Minutes: count of tickets measured, average and median, working (SLA calendar) and calendar. */
    public record Duration(long count, Double avgWorking, Double medianWorking, Double avgCalendar,
            Double medianCalendar) {
    }

    public record Csat(long responses, Double average, Double responseRate, Map<Integer, Long> distribution) {
    }

    public record Sla(String target, long total, long met, Double attainment) {
    }

    public record Headline(long created, long resolved, Duration firstResponse, Duration nextResponse,
            Duration resolution,
            Duration fullResolution, long fcr, Double fcrRate, long firstResolved, long reopened, Double reopenRate,
            Csat csat, List<Sla> sla) {
    }

    public record Day(LocalDate day, long created, long resolved) {
    }

    public record Bucket(String bucket, long count) {
    }

    /**
     * One value of a dimension (agent, department, channel, template, category): created and resolved in the period,
     * median first-resolution working minutes and reopened among those resolved, and open now.
     */
    public record Group(String key, long created, long resolved, Double medianResolutionWorking, long reopened,
            long open) {
    }
}
