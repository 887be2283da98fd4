package io.flowdesk.reports.schedules.internal;

import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.Summary;
import io.flowdesk.reports.insights.Insight;
import io.flowdesk.shared.Text;
import io.quarkus.mailer.Mail;
import java.util.List;
import java.util.Locale;

/** One report mail in the recipient's language: the period's summary numbers, its insights, the tickets as XLSX. */
final class ReportMail {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportMail() {
    }

    static String fileName(ReportFilter f) {
        return "tickets-" + f.from() + "-" + f.to() + ".xlsx";
    }

    static Mail compose(String to, Locale locale, String name, ReportFilter f, Summary s, List<Insight> insights,
            byte[] xlsx, String messageId) {
        Summary.Headline h = s.current();
        long open = s.backlog().stream().mapToLong(Summary.Bucket::count).sum();
        StringBuilder text = new StringBuilder();
        text.append(t(locale, "reports.schedules.mail.intro", name, f.from(), f.to())).append("\n\n");
        text.append(t(locale, "reports.schedules.mail.created", h.created())).append('\n');
        text.append(t(locale, "reports.schedules.mail.resolved", h.resolved())).append('\n');
        text.append(t(locale, "reports.schedules.mail.backlog", open)).append('\n');
        text.append(t(locale, "reports.schedules.mail.firstResponse", number(h.firstResponse().medianWorking())))
                .append('\n');
        text.append(t(locale, "reports.schedules.mail.resolution", number(h.resolution().medianWorking())))
                .append('\n');
        text.append(t(locale, "reports.schedules.mail.fcr", percent(h.fcrRate()))).append('\n');
        text.append(t(locale, "reports.schedules.mail.csat", number(h.csat().average()))).append("\n\n");
        text.append(t(locale, "reports.schedules.mail.insights")).append('\n');
        if (insights.isEmpty()) {
            text.append("- ").append(t(locale, "reports.insights.none")).append('\n');
        }
        for (Insight i : insights) {
            text.append("- ").append(i.text().in(locale)).append('\n');
        }
        text.append('\n').append(t(locale, "reports.schedules.mail.attachment", fileName(f)));
        Mail mail = Mail.withText(to, t(locale, "reports.schedules.mail.subject", name, f.from(), f.to()),
                text.toString());
        mail.addAttachment(fileName(f), xlsx, XLSX);
        mail.addHeader("Message-ID", "<" + messageId + ">");
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    private static String t(Locale locale, String key, Object... args) {
        return Text.of(key, args).in(locale);
    }

    private static String number(Double v) {
        return v == null ? "–" : String.valueOf(Math.round(v));
    }

    private static String percent(Double v) {
        return v == null ? "–" : Math.round(v * 100) + " %";
    }
}
