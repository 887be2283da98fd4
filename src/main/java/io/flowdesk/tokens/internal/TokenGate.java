package io.flowdesk.tokens.internal;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The per-request database work of token authentication, on the reactive pool (no ORM session): find a token by
 * its public id, then record the use. The use is one row update that also counts the request in the token's
 * fixed one-minute window, under the row lock, so the limit holds across every node (ADR 0050).
 */
@ApplicationScoped
public class TokenGate {

    @Inject
    Pool pool;

    public Uni<Stored> find(String publicId) {
        return pool.preparedQuery("select id, user_id, secret_hash, scopes, rate_per_minute, expires_at, revoked_at "
                + "from api_token where public_id = $1").execute(Tuple.of(publicId)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new Stored(r.getLong("id"), r.getLong("user_id"), r.getString("secret_hash"),
                            r.getString("scopes"), r.getInteger("rate_per_minute"),
                            r.getOffsetDateTime("expires_at"), r.getOffsetDateTime("revoked_at"));
                });
    }

    /**
     * Records a use at {@code now} from {@code address} and answers the count of requests in the current window
     * and the window's start, or null when the token was revoked meanwhile.
     */
    public Uni<Window> use(long id, Instant now, String address) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime window = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("update api_token set "
                + "window_count = case when window_start >= $2 then window_count + 1 else 1 end, "
                + "window_start = greatest(coalesce(window_start, $2), $2), "
                + "last_used_at = $3, last_used_addr = $4 "
                + "where id = $1 and revoked_at is null returning window_count, window_start")
                .execute(Tuple.of(id, window, at, address)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new Window(r.getInteger("window_count"), r.getOffsetDateTime("window_start").toInstant());
                });
    }

    public record Stored(long id, long userId, String secretHash, String scopes, Integer ratePerMinute,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    }

    public record Window(int count, Instant start) {
    }
}
