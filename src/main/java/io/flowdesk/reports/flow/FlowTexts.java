package io.flowdesk.reports.flow;

import io.flowdesk.shared.Text;
import java.util.Locale;

/** Durations and the slowest-step sentence of the flow report, in the reader's language. */
public final class FlowTexts {

    private FlowTexts() {
    }

    /** A duration in seconds as "3 h 20 min" / "3 小时 20 分钟" (days from 24 h, seconds under a minute). */
    public static String duration(Long seconds, Locale locale) {
        if (seconds == null) {
            return Text.of("flowmap.duration.none").in(locale);
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return Text.of("flowmap.duration.s", s).in(locale);
        }
        long minutes = s / 60;
        if (minutes < 60) {
            return Text.of("flowmap.duration.m", minutes).in(locale);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return Text.of("flowmap.duration.hm", hours, minutes % 60).in(locale);
        }
        return Text.of("flowmap.duration.dh", hours / 24, hours % 24).in(locale);
    }

    public static String stepName(FlowStats.StepStats step, Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? step.nameZh() : step.nameEn();
    }

    /** "The slowest step is “Repair”: median 3 h 20 min", or the sentence for a flow without finished steps. */
    public static String slowest(FlowStats.FlowReport report, Locale locale) {
        return report.steps().stream().filter(s -> s.stepId().equals(report.slowestStep())).findFirst()
                .map(s -> Text.of("flowmap.slowest", stepName(s, locale), duration(s.totalMedian(), locale))
                        .in(locale))
                .orElseGet(() -> Text.of("flowmap.slowest.none").in(locale));
    }
}
