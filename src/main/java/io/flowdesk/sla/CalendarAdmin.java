package io.flowdesk.sla;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.CalendarChinaSchedule;
import io.flowdesk.sla.internal.CalendarDayEntity;
import io.flowdesk.sla.internal.CalendarEntity;
import io.flowdesk.sla.internal.CalendarIcs;
import io.flowdesk.sla.internal.CalendarRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Admin writes to calendars: save, load China's official schedule, import {@code .ics}. Each is audited. */
@ApplicationScoped
public class CalendarAdmin {

    static final String AUDIT_TYPE = "calendar";

    @Inject
    Calendars calendars;

    @Inject
    AuditLog audit;

    /** What a merge changed: dates added or changed, as holidays and as make-up days. */
    public record Merge(BusinessCalendar calendar, int holidays, int makeUpDays) {
        public boolean changed() {
            return holidays + makeUpDays > 0;
        }
    }

    /** Creates or replaces the calendar {@code key}. */
    public Uni<BusinessCalendar> save(CurrentUser user, String key, CalendarInput input) {
        requireAdmin(user);
        BusinessCalendar value = input.toCalendar(key);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zone", value.zone().getId());
        details.put("week", CalendarInput.of(value).week());
        details.put("holidays", value.holidays().size());
        details.put("makeUpDays", value.makeUpDays().size());
        return Panache.withTransaction(() -> write(value, user.username())
                .call(() -> audit.record(user.username(), "calendar.saved", AUDIT_TYPE, key, details)))
                .invoke(calendars::invalidate);
    }

    /** Merges China's official schedule (2024–2026) into the calendar; a second time changes nothing. */
    public Uni<Merge> loadChinaSchedule(CurrentUser user, String key) {
        requireAdmin(user);
        return merge(user, key, "calendar.chinaScheduleLoaded", CalendarChinaSchedule::mergeInto,
                Map.of("years", CalendarChinaSchedule.YEARS));
    }

    /** Merges the all-day events of an iCalendar file; see {@link CalendarIcs}. */
    public Uni<Merge> importIcs(CurrentUser user, String key, String ics) {
        requireAdmin(user);
        CalendarIcs.Parsed parsed = CalendarIcs.parse(ics);
        return merge(user, key, "calendar.icsImported", parsed::mergeInto,
                Map.of("events", parsed.events(), "skippedTimedEvents", parsed.skipped()));
    }

    private Uni<Merge> merge(CurrentUser user, String key, String action,
            Function<BusinessCalendar, BusinessCalendar> change, Map<String, Object> extra) {
        calendars.invalidate(); // merge into what the database holds now, not a copy up to 2 s old
        return calendars.get(key).chain(before -> {
            BusinessCalendar after = change.apply(before);
            Merge merge = new Merge(after, differing(before.holidays(), after.holidays()),
                    differing(before.makeUpDays(), after.makeUpDays()));
            Map<String, Object> details = new LinkedHashMap<>(extra);
            details.put("holidaysChanged", merge.holidays());
            details.put("makeUpDaysChanged", merge.makeUpDays());
            return Panache.withTransaction(() -> (merge.changed() ? write(after, user.username())
                    : Uni.createFrom().voidItem())
                    .call(() -> audit.record(user.username(), action, AUDIT_TYPE, key, details)))
                    .invoke(calendars::invalidate).replaceWith(merge);
        });
    }

    private static int differing(Map<java.time.LocalDate, String> before, Map<java.time.LocalDate, String> after) {
        return (int) after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
    }

    /** Writes the row and its days, bumping the version; call inside a transaction. */
    Uni<BusinessCalendar> write(BusinessCalendar value, String actor) {
        return CalendarEntity.<CalendarEntity>findById(value.key()).chain(found -> {
            CalendarEntity row = found != null ? found : new CalendarEntity();
            CalendarRows.copyInto(value, row);
            row.version = found == null ? 1 : found.version + 1;
            row.updatedAt = FlowClock.offsetNow();
            row.updatedBy = actor;
            Uni<?> saved = found == null ? row.persist() : Uni.createFrom().item(row);
            return saved.chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> CalendarDayEntity.delete("calendarKey", value.key()))
                    .chain(() -> CalendarRows.persistDays(value))
                    .replaceWith(value);
        });
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new Forbidden(Text.of("calendar.error.adminOnly"));
        }
    }
}
