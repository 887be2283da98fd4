package io.flowdesk.reports.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilding a reports consumer's rollups from the stream: under the consumer's cursor row lock (so no batch is in
 * flight) its tables are emptied and the cursor moves back to 0; the next drain replays every event. For a changed
 * definition (e.g. the FCR setting) and tests.
 */
public final class RollupReset {

    private RollupReset() {
    }

    /** {@code tables}: the consumer's own rollup tables (constants, never input). */
    public static Uni<Void> reset(String consumer, String... tables) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> {
            Uni<?> chain = s.createNativeQuery("insert into event_cursor (consumer, position) values (?1, 0) "
                    + "on conflict do nothing").setParameter(1, consumer).executeUpdate()
                    .chain(() -> s.createNativeQuery("select position from event_cursor where consumer = ?1 "
                            + "for update", Long.class).setParameter(1, consumer).getResultList());
            for (String table : tables) {
                chain = chain.chain(() -> s.createNativeQuery("delete from " + table).executeUpdate());
            }
            return chain.chain(() -> s.createNativeQuery("update event_cursor set position = 0, updated_at = now() "
                    + "where consumer = ?1").setParameter(1, consumer).executeUpdate()).replaceWithVoid();
        }));
    }
}
