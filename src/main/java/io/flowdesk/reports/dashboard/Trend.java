package io.flowdesk.reports.dashboard;

import io.flowdesk.shared.Text;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A headline number's trend against the previous period (ADR 0034): an arrow, the change (relative for counts,
 * durations and the CSAT average; in percentage points for rates) and a tone: good, bad or neutral.
 *
 * @param tone {@code good}, {@code bad} or {@code neutral}
 */
public record Trend(String arrow, String text, String tone) {

    /** Which way is better for a number. */
    public enum Better {
        HIGHER, LOWER, NEITHER
    }

    /** Relative change of a count, a duration or an average; no figure when the previous one is missing or 0. */
    public static Trend relative(Double current, Double previous, Better better, Locale locale) {
        if (current == null || previous == null || previous == 0) {
            return new Trend("", Text.of("dashboard.trend.none").in(locale), "neutral");
        }
        double change = (current - previous) / previous;
        NumberFormat pct = NumberFormat.getPercentInstance(locale);
        pct.setMaximumFractionDigits(Math.abs(change) < 0.1 ? 1 : 0);
        return of(change, pct.format(Math.abs(change)), better, locale);
    }

    /** Change of a rate (0..1) in percentage points. */
    public static Trend points(Double current, Double previous, Better better, Locale locale) {
        if (current == null || previous == null) {
            return new Trend("", Text.of("dashboard.trend.none").in(locale), "neutral");
        }
        double change = (current - previous) * 100;
        NumberFormat n = NumberFormat.getNumberInstance(locale);
        n.setMaximumFractionDigits(1);
        return of(change, Text.of("dashboard.trend.pp", n.format(Math.abs(change))).in(locale), better, locale);
    }

    private static Trend of(double change, String amount, Better better, Locale locale) {
        boolean flat = Math.abs(change) < 1e-9;
        String arrow = flat ? "→" : change > 0 ? "▲" : "▼";
        String tone = flat || better == Better.NEITHER ? "neutral"
                : (change > 0) == (better == Better.HIGHER) ? "good" : "bad";
        return new Trend(arrow, Text.of("dashboard.trend.vs", arrow + " " + amount).in(locale), tone);
    }
}
