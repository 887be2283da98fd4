package io.flowdesk.sla;

import java.time.Instant;
import java.time.ZonedDateTime;

/** The slow, obvious reference: walk minute by minute, asking the local date's ranges about the local time. */
final class MinuteCounter {

    private MinuteCounter() {
    }

    static Instant plus(BusinessCalendar calendar, Instant start, long minutes) {
        long s = start.getEpochSecond();
        Instant t = Instant.ofEpochSecond(s % 60 == 0 && start.getNano() == 0 ? s : (Math.floorDiv(s, 60) + 1) * 60);
        long left = minutes;
        while (true) {
            boolean working = working(calendar, t);
            if (working && left == 0) {
                return t;
            }
            if (working) {
                left--;
            }
            t = t.plusSeconds(60);
            if (left == 0 && working) {
                return t;
            }
        }
    }

    static boolean working(BusinessCalendar calendar, Instant t) {
        ZonedDateTime local = t.atZone(calendar.zone());
        int minute = local.getHour() * 60 + local.getMinute();
        return calendar.rangesOn(local.toLocalDate()).stream()
                .anyMatch(r -> r.startMinute() <= minute && minute < r.endMinute());
    }
}
