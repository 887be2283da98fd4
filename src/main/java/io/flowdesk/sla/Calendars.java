package io.flowdesk.sla;

import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.CalendarDayEntity;
import io.flowdesk.sla.internal.CalendarEntity;
import io.flowdesk.sla.internal.CalendarRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business calendars, read from a cache in memory. At most every {@link #CHECK_NANOS} (2 s) a read compares each
 * row's {@code version} with the cached one (one small query) and reloads what changed, so an edit made on another
 * node is seen within 2 seconds; an edit made on this node is seen at once (ADR 0016).
 */
@ApplicationScoped
public class Calendars {

    public static final String DEFAULT_KEY = "cn-standard";
    public static final String ALWAYS_KEY = "24x7";
    static final long CHECK_NANOS = 2_000_000_000L;

    private record Cached(long version, BusinessCalendar calendar) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile long checkedAt;
    private volatile boolean loaded;

    public Uni<BusinessCalendar> get(String key) {
        return fresh().map(ignored -> {
            Cached cached = key == null ? null : cache.get(key);
            if (cached == null) {
                throw new NotFound(Text.of("calendar.error.notFound", key == null ? "" : key));
            }
            return cached.calendar();
        });
    }

    /** {@code cn-standard}. */
    public Uni<BusinessCalendar> defaultCalendar() {
        return get(DEFAULT_KEY);
    }

    /** Every calendar, by key. */
    public Uni<List<BusinessCalendar>> list() {
        return fresh().map(ignored -> cache.values().stream().map(Cached::calendar)
                .sorted(Comparator.comparing(BusinessCalendar::key)).toList());
    }

    /** The version of a calendar as last read, 0 if unknown; for optimistic writes and tests. */
    public long version(String key) {
        Cached cached = cache.get(key);
        return cached == null ? 0 : cached.version();
    }

    /** Forgets when the versions were last compared: the next read compares them again. */
    public void invalidate() {
        checkedAt = 0;
        loaded = false;
    }

    private Uni<Void> fresh() {
        if (loaded && System.nanoTime() - checkedAt < CHECK_NANOS) {
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createQuery("select c.key, c.version from CalendarEntity c", Object[].class).getResultList())
                .chain(rows -> reloadChanged(rows))).invoke(() -> {
                    checkedAt = started;
                    loaded = true;
                });
    }

    private Uni<Void> reloadChanged(List<Object[]> rows) {
        Map<String, Long> versions = new HashMap<>();
        rows.forEach(row -> versions.put((String) row[0], (Long) row[1]));
        cache.keySet().removeIf(key -> !versions.containsKey(key));
        List<String> changed = versions.entrySet().stream()
                .filter(e -> cache.get(e.getKey()) == null || cache.get(e.getKey()).version() != e.getValue())
                .map(Map.Entry::getKey).toList();
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CalendarEntity.<CalendarEntity>list("key in ?1", changed)
                .chain(calendarRows -> CalendarDayEntity.<CalendarDayEntity>list("calendarKey in ?1 order by day",
                        changed).invoke(days -> {
                            for (CalendarEntity row : calendarRows) {
                                List<CalendarDayEntity> own = days.stream()
                                        .filter(d -> d.calendarKey.equals(row.key)).toList();
                                cache.put(row.key, new Cached(row.version, CalendarRows.toValue(row, own)));
                            }
                        }))
                .replaceWithVoid();
    }
}
