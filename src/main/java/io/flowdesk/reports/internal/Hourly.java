package io.flowdesk.reports.internal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one fact row contributes to {@code report_hourly} (tickets created and resolved per hour, with the agent as a
 * dimension besides the daily ones); the consumer applies new minus old, as for {@link Daily}.
 */
final class Hourly {

    record Key(OffsetDateTime hour, String template, String department, String channel, String priority,
            String agent) {
    }

    /** created, resolved */
    static final int WIDTH = 2;

    private Hourly() {
    }

    static Map<Key, long[]> contribution(FactEntity f, int sign) {
        Map<Key, long[]> out = new LinkedHashMap<>();
        if (f == null) {
            return out;
        }
        out.computeIfAbsent(key(f, f.createdAt), k -> new long[WIDTH])[0] += sign;
        if (f.resolvedAt != null) {
            out.computeIfAbsent(key(f, f.resolvedAt), k -> new long[WIDTH])[1] += sign;
        }
        return out;
    }

    private static Key key(FactEntity f, OffsetDateTime at) {
        OffsetDateTime hour = at.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        return new Key(hour, f.templateKey, f.department, f.channel, f.priority, f.agent);
    }
}
