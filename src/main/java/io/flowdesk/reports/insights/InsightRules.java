package io.flowdesk.reports.insights;

import io.flowdesk.reports.ReportFilter;
import io.flowdesk.shared.Text;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The insight rules, each a simple statistic with a threshold and a minimum sample (docs/metrics.md, "Insights"), so
 * noise makes no sentence. Pure: numbers in, insights out.
 */
public final class InsightRules {

    /** share: both periods need this many tickets, the template this many in the two together. */
    public static final int SHARE_MIN_TOTAL = 20;
    public static final int SHARE_MIN_TEMPLATE = 10;
    /** share: the change must be at least 10 percentage points and significant (two-proportion z ≥ 1.96). */
    public static final double SHARE_MIN_POINTS = 0.10;
    public static final double SHARE_MIN_Z = 1.96;
    /** first response: both medians over at least 10 tickets, 1.5× apart and at least 15 working minutes. */
    public static final int FIRST_RESPONSE_MIN_COUNT = 10;
    public static final double FIRST_RESPONSE_MIN_RATIO = 1.5;
    public static final double FIRST_RESPONSE_MIN_MINUTES = 15;
    /** weekday: 28 days at least, 20 tickets of the template, 10 on the weekday, 3 such days, 1.5× the mean. */
    public static final int WEEKDAY_WINDOW_DAYS = 28;
    public static final int WEEKDAY_MIN_TEMPLATE = 20;
    public static final int WEEKDAY_MIN_ON_DAY = 10;
    public static final int WEEKDAY_MIN_DAYS = 3;
    public static final double WEEKDAY_MIN_RATIO = 1.5;

    private InsightRules() {
    }

    /** Created tickets per day and template (from {@code report_daily}). */
    public record Daily(LocalDate day, String template, long created) {
    }

    /** The days the weekday rule looks at: the period, or the 28 days up to its end when it is shorter. */
    public static LocalDate weekdayFrom(ReportFilter f) {
        LocalDate earliest = f.to().minusDays(WEEKDAY_WINDOW_DAYS - 1L);
        return f.from().isBefore(earliest) ? f.from() : earliest;
    }

    /** A template's share of all created tickets, this period against the previous one of the same length. */
    public static List<Insight> share(ReportFilter f, List<Daily> daily, Function<String, Object> name) {
        ReportFilter prev = f.previous();
        Map<String, long[]> byTemplate = new LinkedHashMap<>();
        long n1 = 0;
        long n2 = 0;
        for (Daily d : daily) {
            int at = in(d.day(), f) ? 0 : in(d.day(), prev) ? 1 : -1;
            if (at < 0) {
                continue;
            }
            byTemplate.computeIfAbsent(d.template(), k -> new long[2])[at] += d.created();
            if (at == 0) {
                n1 += d.created();
            } else {
                n2 += d.created();
            }
        }
        List<Insight> out = new ArrayList<>();
        if (n1 < SHARE_MIN_TOTAL || n2 < SHARE_MIN_TOTAL) {
            return out;
        }
        for (var e : byTemplate.entrySet()) {
            long x1 = e.getValue()[0];
            long x2 = e.getValue()[1];
            if (x1 + x2 < SHARE_MIN_TEMPLATE) {
                continue;
            }
            double p1 = (double) x1 / n1;
            double p2 = (double) x2 / n2;
            double pooled = (double) (x1 + x2) / (n1 + n2);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
            double z = se == 0 ? 0 : (p1 - p2) / se;
            if (Math.abs(p1 - p2) < SHARE_MIN_POINTS || Math.abs(z) < SHARE_MIN_Z) {
                continue;
            }
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("previousShare", round(p2));
            numbers.put("share", round(p1));
            numbers.put("previousTickets", x2);
            numbers.put("tickets", x1);
            numbers.put("previousTotal", n2);
            numbers.put("total", n1);
            numbers.put("z", round(z));
            String key = p1 > p2 ? "reports.insights.share.rose" : "reports.insights.share.fell";
            out.add(new Insight(Insight.SHARE, Text.of(key, name.apply(e.getKey()), percent(p2), percent(p1),
                    f.from(), f.to(), f.days()), Text.of("reports.insights.detail.share", x2, n2, x1, n1,
                            String.format(java.util.Locale.ROOT, "%.2f", z)), e.getKey(), numbers,
                    filter(f, e.getKey())));
        }
        return out;
    }

    /** The median first response (working minutes) of tickets created this period against the previous one. */
    public static List<Insight> firstResponse(ReportFilter f, long count, Double median, long previousCount,
            Double previousMedian) {
        if (count < FIRST_RESPONSE_MIN_COUNT || previousCount < FIRST_RESPONSE_MIN_COUNT || median == null
                || previousMedian == null) {
            return List.of();
        }
        double high = Math.max(median, previousMedian);
        double low = Math.min(median, previousMedian);
        if (high - low < FIRST_RESPONSE_MIN_MINUTES || (low > 0 && high / low < FIRST_RESPONSE_MIN_RATIO)) {
            return List.of();
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("previousMedianWorking", previousMedian);
        numbers.put("medianWorking", median);
        numbers.put("previousCount", previousCount);
        numbers.put("count", count);
        String key = median > previousMedian ? "reports.insights.firstResponse.rose"
                : "reports.insights.firstResponse.fell";
        return List.of(new Insight(Insight.FIRST_RESPONSE, Text.of(key, Math.round(previousMedian),
                Math.round(median), f.from(), f.to(), f.days()), Text.of("reports.insights.detail.firstResponse",
                        previousCount, count), f.template(), numbers, f));
    }

    /** The weekday on which a template gets the most tickets, when it is well above its daily mean. */
    public static List<Insight> weekday(ReportFilter f, List<Daily> daily, Function<String, Object> name) {
        LocalDate from = weekdayFrom(f);
        long days = f.to().toEpochDay() - from.toEpochDay() + 1;
        int[] daysOf = new int[8];
        for (LocalDate d = from; !d.isAfter(f.to()); d = d.plusDays(1)) {
            daysOf[d.getDayOfWeek().getValue()]++;
        }
        Map<String, long[]> byTemplate = new LinkedHashMap<>();
        for (Daily d : daily) {
            if (d.day().isBefore(from) || d.day().isAfter(f.to())) {
                continue;
            }
            byTemplate.computeIfAbsent(d.template(), k -> new long[8])[d.day().getDayOfWeek().getValue()] +=
                    d.created();
        }
        List<Insight> out = new ArrayList<>();
        for (var e : byTemplate.entrySet()) {
            long[] c = e.getValue();
            long total = 0;
            for (int w = 1; w <= 7; w++) {
                total += c[w];
            }
            if (total < WEEKDAY_MIN_TEMPLATE) {
                continue;
            }
            double mean = (double) total / days;
            int best = 0;
            double bestRatio = 0;
            for (int w = 1; w <= 7; w++) {
                if (daysOf[w] < WEEKDAY_MIN_DAYS || c[w] < WEEKDAY_MIN_ON_DAY) {
                    continue;
                }
                double ratio = ((double) c[w] / daysOf[w]) / mean;
                if (ratio > bestRatio) {
                    best = w;
                    bestRatio = ratio;
                }
            }
            if (best == 0 || bestRatio < WEEKDAY_MIN_RATIO) {
                continue;
            }
            double onDay = (double) c[best] / daysOf[best];
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("weekday", DayOfWeek.of(best).name());
            numbers.put("perWeekday", round(onDay));
            numbers.put("perDay", round(mean));
            numbers.put("ratio", Math.round(bestRatio * 10) / 10.0);
            numbers.put("tickets", total);
            numbers.put("from", from.toString());
            ReportFilter window = new ReportFilter(from, f.to(), e.getKey(), f.department(), f.channel(),
                    f.priority());
            out.add(new Insight(Insight.WEEKDAY, Text.of("reports.insights.weekday", name.apply(e.getKey()),
                    Text.of("reports.insights.weekday." + best), String.format(java.util.Locale.ROOT, "%.1f",
                            bestRatio), String.format(java.util.Locale.ROOT, "%.1f", onDay),
                    String.format(java.util.Locale.ROOT, "%.1f", mean), from, f.to()), Text.of(
                            "reports.insights.detail.weekday", total, days, c[best], daysOf[best]), e.getKey(),
                    numbers, window));
        }
        return out;
    }

    private static ReportFilter filter(ReportFilter f, String template) {
        return new ReportFilter(f.from(), f.to(), template, f.department(), f.channel(), f.priority());
    }

    private static boolean in(LocalDate day, ReportFilter f) {
        return !day.isBefore(f.from()) && !day.isAfter(f.to());
    }

    private static long percent(double share) {
        return Math.round(share * 100);
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
