package io.flowdesk.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one fact row contributes to {@code report_daily}; the consumer applies new minus old. */
final class Daily {

    record Key(LocalDate day, String template, String department, String channel, String priority) {
    }

    /** created, resolved, reopened, first_reply_count, first_reply_working_sum, resolution_count, resolution_working_sum */
    static final int WIDTH = 7;

    private Daily() {
    }

    static Map<Key, long[]> contribution(FactEntity f, int sign) {
        Map<Key, long[]> out = new LinkedHashMap<>();
        if (f == null) {
            return out;
        }
        long[] c = out.computeIfAbsent(key(f, f.createdDay), k -> new long[WIDTH]);
        c[0] += sign;
        if (f.firstReplyWorking != null) {
            c[3] += sign;
            c[4] += sign * f.firstReplyWorking;
        }
        if (f.resolvedDay != null) {
            long[] r = out.computeIfAbsent(key(f, f.resolvedDay), k -> new long[WIDTH]);
            r[1] += sign;
            if (f.reopenedCount > 0) {
                r[2] += sign;
            }
            if (f.resolutionWorking != null) {
                r[5] += sign;
                r[6] += sign * f.resolutionWorking;
            }
        }
        return out;
    }

    /** {@code removed}: the old row's {@code contribution(old, -1)}, taken before the entity changed. */
    static List<Map.Entry<Key, long[]>> delta(Map<Key, long[]> removed, FactEntity after) {
        return delta(removed, contribution(after, 1), WIDTH);
    }

    /** The non-zero sums of an old row's negative and a new row's positive contributions, per key. */
    static <K> List<Map.Entry<K, long[]>> delta(Map<K, long[]> removed, Map<K, long[]> added, int width) {
        Map<K, long[]> sum = new LinkedHashMap<>(added);
        removed.forEach((k, v) -> {
            long[] s = sum.computeIfAbsent(k, x -> new long[width]);
            for (int i = 0; i < width; i++) {
                s[i] += v[i];
            }
        });
        List<Map.Entry<K, long[]>> changed = new ArrayList<>();
        sum.forEach((k, v) -> {
            for (long x : v) {
                if (x != 0) {
                    changed.add(Map.entry(k, v));
                    return;
                }
            }
        });
        return changed;
    }

    private static Key key(FactEntity f, LocalDate day) {
        return new Key(day, f.templateKey, f.department, f.channel, f.priority);
    }
}
