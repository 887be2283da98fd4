package io.flowdesk.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamp as a native query hands it back (the reactive client's types vary by column and driver), as an Instant. */
public final class SqlTime {

    private SqlTime() {
    }

    /** The instant of a non-null timestamp; anything else is a programming error. */
    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }

    /** {@link #instant}, with SQL null as null. */
    public static Instant instantOrNull(Object value) {
        return value == null ? null : instant(value);
    }
}
