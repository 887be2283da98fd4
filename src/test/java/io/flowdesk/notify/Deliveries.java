package io.flowdesk.notify;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;

/** Reads and writes notify_delivery rows for the tests. */
final class Deliveries {

    record Row(long id, String key, String channel, String recipient, String kind, String status, int attempts,
            String reason, Long mergedInto, String payload) {
    }

    private Deliveries() {
    }

    static List<Row> where(String condition, Object... args) throws Throwable {
        List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> {
                    var q = s.createNativeQuery("select id, delivery_key, channel, recipient, kind, status, attempts, "
                            + "reason, merged_into, payload_json from notify_delivery where " + condition
                            + " order by id", Object[].class);
                    for (int i = 0; i < args.length; i++) {
                        q.setParameter(i + 1, args[i]);
                    }
                    return q.getResultList();
                })));
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue(), (String) r[7],
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9])).toList();
    }

    static int execute(String sql, Object... args) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> {
                    var q = s.createNativeQuery(sql);
                    for (int i = 0; i < args.length; i++) {
                        q.setParameter(i + 1, args[i]);
                    }
                    return q.executeUpdate();
                })));
    }
}
