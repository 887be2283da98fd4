package io.flowdesk.reports.insights;

import io.flowdesk.reports.ReportFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * An insight as the API, the view and the report mail show it: the sentence in the reader's language, the numbers,
 * and links to the tickets behind it (the ticket export of that period and template, CSV and XLSX).
 */
public record InsightJson(String rule, String sentence, String detail, String template, LocalDate from,
        LocalDate to, Map<String, Object> numbers, String ticketsCsv, String ticketsXlsx) {

    public static InsightJson of(Insight insight, Locale locale) {
        String query = query(insight.tickets());
        return new InsightJson(insight.rule(), insight.text().in(locale), insight.detail().in(locale),
                insight.template(), insight.tickets().from(), insight.tickets().to(), insight.numbers(),
                "/api/reports/tickets.csv?" + query, "/api/reports/tickets.xlsx?" + query);
    }

    static String query(ReportFilter f) {
        StringBuilder q = new StringBuilder("from=" + f.from() + "&to=" + f.to());
        String[][] dims = {{"template", f.template()}, {"department", f.department()}, {"channel", f.channel()},
            {"priority", f.priority()}};
        for (String[] d : dims) {
            if (d[1] != null) {
                q.append('&').append(d[0]).append('=').append(URLEncoder.encode(d[1], StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
