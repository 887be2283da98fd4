package io.flowdesk.notify;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The business calendars as the hub needs them (quiet hours "outside working hours", the zone of the daily digest).
 * The calendars live in {@code sla}, which depends on {@code tickets}, which calls {@code notify}; so {@code notify}
 * declares what it needs and {@code notifyhub} implements it (no cycle). Without an implementation the hub uses
 * Asia/Shanghai and treats every instant as working.
 */
public interface WorkingTime {

    /** The calendar's zone; an unknown or null key means the default calendar. */
    Uni<ZoneId> zone(String calendarKey);

    /** Null when {@code at} is working time in the calendar, else the instant the next working time starts. */
    Uni<Instant> quietUntil(String calendarKey, Instant at);
}
