package io.flowdesk.notify.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A person's schedule (ADR 0028): quiet hours ({@code off}, {@code calendar} = outside the working hours of their
 * business calendar, {@code window} = a local from–to that may cross midnight) and the local time of the daily
 * digest. Their calendar is the one they chose, else the one routing knows them by, else the default.
 */
public final class Schedules {

    public static final String OFF = "off";
    public static final String CALENDAR = "calendar";
    public static final String WINDOW = "window";
    public static final List<String> MODES = List.of(OFF, CALENDAR, WINDOW);
    public static final LocalTime DEFAULT_DIGEST = LocalTime.of(9, 0);

    public record Schedule(String mode, LocalTime from, LocalTime to, LocalTime digestAt, String calendarKey,
            String ownCalendarKey) {

        public static Schedule none() {
            return new Schedule(OFF, null, null, DEFAULT_DIGEST, null, null);
        }
    }

    private Schedules() {
    }

    /** The schedule of a person in the caller's session. */
    public static Uni<Schedule> of(String username) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select q.mode, q.quiet_from, q.quiet_to, "
                + "q.digest_at, q.calendar_key, (select r.calendar_key from routing_agent r where r.username = ?1) "
                + "from (select 1) one left join notify_quiet q on q.username = ?1", Object[].class)
                .setParameter(1, username).getResultList()).map(rows -> {
                    Object[] r = rows.get(0);
                    String mode = r[0] == null ? OFF : (String) r[0];
                    String own = (String) r[4];
                    String calendar = own != null ? own : (String) r[5];
                    return new Schedule(mode, time(r[1]), time(r[2]), r[3] == null ? DEFAULT_DIGEST : time(r[3]),
                            calendar, own);
                });
    }

    /** When a window's quiet period that contains {@code now} ends; null if {@code now} is not in it. */
    public static Instant windowEnd(LocalTime from, LocalTime to, ZoneId zone, Instant now) {
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean quiet = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        if (!quiet) {
            return null;
        }
        LocalDate endDay = t.isBefore(to) ? day : day.plusDays(1);
        return ZonedDateTime.of(endDay, to, zone).toInstant();
    }

    /** The first local {@code at} in {@code zone} at or after {@code now}, shifted by {@code daysLater}. */
    public static ZonedDateTime nextDigest(LocalTime at, ZoneId zone, Instant now, int daysLater) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), at, zone);
        ZonedDateTime first = today.toInstant().isBefore(now) ? ZonedDateTime.of(local.toLocalDate().plusDays(1), at,
                zone) : today;
        return daysLater == 0 ? first : ZonedDateTime.of(first.toLocalDate().plusDays(daysLater), at, zone);
    }

    static LocalTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalTime t) {
            return t;
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return LocalTime.parse(value.toString());
    }
}
