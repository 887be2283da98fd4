package io.flowdesk.reports.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.dashboard.DrillDown;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ui.ExportPanel;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The tickets behind a number: a dialog listing number (a link), title, status, priority and creation, paged. */
final class DrillDialog extends Dialog {

    static final int SIZE = 20;

    private final DrillDown drillDown;
    private final CurrentUser user;
    private final ReportFilter filter;
    private final String metric;
    private final String bucket;
    private final Locale locale;
    private final ZoneId zone;
    private final Span total = new Span();
    private final ReportTable table = ReportTable.stacked();
    private final Span pageText = new Span();
    private final Button previous;
    private final Button next;
    private int page;
    private long count;

    DrillDialog(DrillDown drillDown, ExportJobs jobs, CurrentUser user, ReportFilter filter, String metric,
            String bucket, String title, Locale locale, ZoneId zone) {
        this.drillDown = drillDown;
        this.user = user;
        this.filter = filter;
        this.metric = metric;
        this.bucket = bucket;
        this.locale = locale;
        this.zone = zone;
        setId("dash-drill");
        getElement().setAttribute("data-metric", metric);
        setHeaderTitle(title);
        setWidth("min(960px, 96vw)");
        total.setId("dash-drill-total");
        total.addClassName("fd-dash-drill-total");
        previous = new Button(t("dashboard.drill.previous"), e -> show(page - 1));
        previous.setId("dash-drill-previous");
        next = new Button(t("dashboard.drill.next"), e -> show(page + 1));
        next.setId("dash-drill-next");
        pageText.setId("dash-drill-page");
        Div paging = new Div(previous, pageText, next);
        paging.addClassName("fd-dash-paging");
        add(total, ExportPanel.csvAndXlsx(jobs, user, locale, "dash-drill", "drill", this::params), table, paging);
        Button close = new Button(t("dashboard.drill.close"), e -> close());
        close.setId("dash-drill-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close);
        show(0);
    }

    private void show(int at) {
        DrillDown.Page p = drillDown.tickets(user, filter, new DrillDown.Query(metric, bucket, Math.max(0, at), SIZE));
        page = p.page();
        count = p.total();
        total.setText(p.outcomes() != p.total() ? t("dashboard.drill.totalOutcomes", p.total(), p.outcomes())
                : t("dashboard.drill.total", p.total()));
        getElement().setAttribute("data-total", String.valueOf(p.total()));
        long pages = Math.max(1, (count + SIZE - 1) / SIZE);
        pageText.setText(t("dashboard.drill.page", page + 1, pages));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        Element t = ReportTable.table("dash-drill-tickets", "fd-dash-table", Stream.of("number", "title", "status",
                "priority", "created").map(h -> t("dashboard.drill.col." + h)).toList());
        Element body = new Element("tbody");
        for (DrillDown.Row r : p.tickets()) {
            Element row = new Element("tr").setAttribute("data-number", r.number());
            row.appendChild(new Element("td").appendChild(new Element("a").setAttribute("href", "tickets/"
                    + r.number()).setAttribute("router-link", true).setText(r.number())));
            row.appendChild(new Element("td").setText(r.title() == null ? "" : r.title()));
            row.appendChild(new Element("td").setText(status(r.status())));
            row.appendChild(new Element("td").setText(r.priority()));
            row.appendChild(new Element("td").setText(r.createdAt() == null ? "" : when.format(r.createdAt())));
            body.appendChild(row);
        }
        if (p.tickets().isEmpty()) {
            body.appendChild(new Element("tr").appendChild(new Element("td").setAttribute("colspan", "5")
                    .setText(t("dashboard.drill.empty"))));
        }
        t.appendChild(body);
        table.show(t);
    }

    /** The list's filters as export job parameters (kind {@code drill}). */
    private Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("metric", metric);
        p.put("bucket", bucket);
        p.put("from", filter.from().toString());
        p.put("to", filter.to().toString());
        p.put("template", filter.template());
        p.put("department", filter.department());
        p.put("channel", filter.channel());
        p.put("priority", filter.priority());
        p.put("agent", filter.agent());
        return p;
    }

    private String status(String status) {
        return status != null && Messages.bundle(locale).containsKey("status." + status) ? t("status." + status)
                : status == null ? "" : status;
    }

    private String t(String key, Object... args) {
        return Text.of(key, args).in(locale);
    }
}
