package io.flowdesk.sla.internal;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.sla.BusinessCalendar;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Ships two calendars, each created once (a row that exists is left as the admins made it, also when two nodes start
 * together): {@code cn-standard} (Asia/Shanghai, Mon–Fri 09:00–18:00, China's official schedule) and {@code 24x7}.
 */
@ApplicationScoped
public class CalendarSeeder {

    private static final Logger LOG = Logger.getLogger(CalendarSeeder.class);

    @Inject
    AuditLog audit;

    /** After {@code Bootstrap} (priority 10) has migrated the database. */
    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        int created = VertxContextSupport.subscribeAndAwait(() -> seed(standard()).chain(a -> seed(always())
                .map(b -> a + b)));
        LOG.infof("Business calendars ready (%d new)", created);
    }

    public static BusinessCalendar standard() {
        return CalendarChinaSchedule.mergeInto(BusinessCalendar.builder("cn-standard", ZoneId.of("Asia/Shanghai"))
                .names("中国标准工作日", "China standard working days").weekdays("09:00-18:00").build());
    }

    public static BusinessCalendar always() {
        return BusinessCalendar.ALWAYS;
    }

    Uni<Integer> seed(BusinessCalendar calendar) {
        CalendarEntity row = new CalendarEntity();
        CalendarRows.copyInto(calendar, row);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into calendar (key, name_zh, name_en, zone, week_json, make_up_weekday, twenty_four_seven,
                    version, updated_at, updated_by)
                values (:key, :zh, :en, :zone, :week, :makeUp, :always, 1, now(), 'system')
                on conflict (key) do nothing""").setParameter("key", row.key).setParameter("zh", row.nameZh)
                .setParameter("en", row.nameEn).setParameter("zone", row.zone).setParameter("week", row.weekJson)
                .setParameter("makeUp", row.makeUpWeekday).setParameter("always", row.twentyFourSeven)
                .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(0)
                        : CalendarRows.persistDays(calendar)
                                .chain(() -> audit.record("system", "calendar.seeded", "calendar", calendar.key(),
                                        Map.of("holidays", calendar.holidays().size(),
                                                "makeUpDays", calendar.makeUpDays().size())))
                                .replaceWith(1)));
    }
}
