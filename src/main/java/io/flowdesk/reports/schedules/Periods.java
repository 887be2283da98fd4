package io.flowdesk.reports.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Which period a schedule reports on at an instant (ADR 0036), in the schedule's zone: a daily schedule at 08:00
 * sends yesterday once 08:00 has passed; a weekly one on Monday 08:00 sends the seven days before that Monday.
 */
public final class Periods {

    private Periods() {
    }

    /**
     * The latest period due at {@code now}.
     *
     * @param key unique per schedule and period ({@code d:2029-01-07}, {@code w:2029-01-01})
     * @param sendAt when that period's mail falls due
     */
    public record Period(String key, LocalDate from, LocalDate to, Instant sendAt) {
    }

    public static Period latest(String frequency, Integer weekday, String time, String zone, Instant now) {
        ZoneId z = ZoneId.of(zone);
        LocalTime at = LocalTime.parse(time);
        ZonedDateTime local = now.atZone(z);
        LocalDate day = local.toLocalDate();
        if (local.toLocalTime().isBefore(at)) {
            day = day.minusDays(1);
        }
        if (ReportSchedule.WEEKLY.equals(frequency)) {
            int back = (day.getDayOfWeek().getValue() - weekday + 7) % 7;
            day = day.minusDays(back);
            return new Period("w:" + day.minusDays(7), day.minusDays(7), day.minusDays(1), day.atTime(at).atZone(z)
                    .toInstant());
        }
        return new Period("d:" + day.minusDays(1), day.minusDays(1), day.minusDays(1), day.atTime(at).atZone(z)
                .toInstant());
    }
}
