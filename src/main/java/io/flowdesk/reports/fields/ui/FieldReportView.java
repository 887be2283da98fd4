package io.flowdesk.reports.fields.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.FieldCatalogue;
import io.flowdesk.reports.fields.FieldQuery;
import io.flowdesk.reports.fields.FieldReport;
import io.flowdesk.reports.fields.FieldReports;
import io.flowdesk.reports.ui.ReportFilterBar;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.EChart;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.PublishedTemplate;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports over form fields (ADR 0035): pick a template, a field to group by, a number field to sum, an interval and
 * dates; a chart and a table of the result, exports of the result and of the tickets as background jobs.
 */
@Route(value = "reports/fields", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class FieldReportView extends VerticalLayout implements BeforeEnterObserver {

    private final FieldReports reports;
    private final CurrentUser user;
    private final Locale locale;
    private final Select<String> template = new Select<>();
    private final Select<String> groupBy = new Select<>();
    private final Select<String> sum = new Select<>();
    private final Select<String> interval = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final EChart chart = new EChart();
    private final ReportTable table = ReportTable.plain();
    private final Span empty = new Span();
    private Map<String, String> templateNames = Map.of();
    private FieldCatalogue.Catalogue catalogue;

    public static boolean mayRead(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    @Inject
    public FieldReportView(FieldReports reports, ExportJobs jobs, io.flowdesk.reports.fields.FieldCatalogue all) {
        this.reports = reports;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("field-report-view");
        if (!mayRead(user)) {
            return;
        }
        H2 title = new H2(t("reports.fields.view.title"));
        title.addClassName("fd-page-title");
        add(title);
        templateNames = new LinkedHashMap<>();
        for (PublishedTemplate p : Ui.await(all::templates)) {
            templateNames.put(p.key(), p.name(Messages.tag(locale)));
        }
        if (templateNames.isEmpty()) {
            add(new Span(t("reports.fields.view.noTemplates")));
            return;
        }
        ReportFilterBar filters = new ReportFilterBar(locale);
        filters.setId("fields-filters");
        filters.choice(template, "fields-template", t("reports.fields.view.template"), templateNames.keySet(),
                k -> templateNames.getOrDefault(k, k), null);
        template.setValue(templateNames.containsKey("ecommerce-refund") ? "ecommerce-refund"
                : templateNames.keySet().iterator().next());
        filters.choice(groupBy, "fields-group", t("reports.fields.view.groupBy"), List.<String>of(), this::label,
                t("reports.fields.view.none"));
        filters.choice(sum, "fields-sum", t("reports.fields.view.sum"), List.<String>of(), this::label,
                t("reports.fields.view.none"));
        filters.choice(interval, "fields-interval", t("reports.fields.view.interval"), FieldQuery.INTERVALS,
                i -> t("reports.fields.view.interval." + i), null);
        interval.setValue("week");
        LocalDate today = reports.today();
        filters.date(from, "fields-from", t("reports.fields.view.from"), today.minusDays(29));
        filters.date(to, "fields-to", t("reports.fields.view.to"), today);
        chart.setId("fields-chart");
        chart.setHeight("320px");
        table.setId("fields-table-wrap");
        empty.setId("fields-empty");
        ExportPanel exports = new ExportPanel(jobs, user, locale)
                .button("fields-export-csv", "reports.fields.view.exportCsv", "fields", "csv", this::params)
                .button("fields-export-xlsx", "reports.fields.view.exportXlsx", "fields", "xlsx", this::params)
                .button("fields-export-tickets", "reports.fields.view.exportTickets", "tickets", "csv",
                        this::params);
        setWidthFull();
        add(filters, exports, empty, chart, table);
        setFields();
        template.addValueChangeListener(e -> {
            setFields();
            refresh();
        });
        groupBy.addValueChangeListener(e -> refresh());
        sum.addValueChangeListener(e -> refresh());
        interval.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mayRead(user)) {
            event.forwardTo("");
        }
    }

    private String t(String key, Object... args) {
        return Ui.text(Text.of(key, args));
    }

    private String label(String key) {
        FieldCatalogue.Field f = catalogue == null ? null : catalogue.fields().get(key);
        return f == null ? key : f.label(locale);
    }

    /** The template's fields; the first choice field and the first number field are picked to start with. */
    private void setFields() {
        try {
            catalogue = reports.catalogue(user, template.getValue());
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        List<String> groups = catalogue.groupable().stream().map(FieldCatalogue.Field::key).toList();
        List<String> sums = catalogue.summable().stream().map(FieldCatalogue.Field::key).toList();
        groupBy.setItems(groups);
        sum.setItems(sums);
        groupBy.setValue(catalogue.groupable().stream().filter(f -> !f.options().isEmpty()).map(
                FieldCatalogue.Field::key).findFirst().orElse(null));
        sum.setValue(sums.isEmpty() ? null : sums.get(0));
    }

    /** The current choices as report parameters (also what an export job is given). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("template", template.getValue());
        if (groupBy.getValue() != null) {
            p.put("groupBy", groupBy.getValue());
        }
        if (sum.getValue() != null) {
            p.put("sum", sum.getValue());
        }
        p.put("interval", interval.getValue());
        p.put("from", from.getValue() == null ? null : from.getValue().toString());
        p.put("to", to.getValue() == null ? null : to.getValue().toString());
        return p;
    }

    private void refresh() {
        if (catalogue == null) {
            return;
        }
        FieldReport report;
        try {
            Map<String, String> p = params();
            ReportFilter filter = ExportJobs.filter(p, reports.today());
            report = reports.report(user, template.getValue(), FieldQuery.of(p.get("groupBy"), p.get("sum"),
                    p.get("interval"), filter), locale);
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        String yName = report.sum() == null ? t("reports.fields.view.col.count")
                : t("reports.fields.view.col.sum", report.sumLabel());
        chart.setOption(FieldChart.option(report, yName, t("reports.fields.view.total")));
        empty.setText(report.rows().isEmpty() ? t("reports.fields.view.empty") : "");
        table(report);
    }

    private void table(FieldReport report) {
        List<String> headers = new ArrayList<>(List.of(t("reports.fields.view.col.period"),
                report.groupBy() == null ? t("reports.fields.view.col.value") : report.groupByLabel(),
                t("reports.fields.view.col.count")));
        if (report.sum() != null) {
            headers.add(t("reports.fields.view.col.sum", report.sumLabel()));
        }
        Element tableEl = ReportTable.table("fields-table", "fd-fields-table", headers);
        Element body = new Element("tbody");
        for (FieldReport.Row r : report.rows()) {
            Element row = new Element("tr").setAttribute("data-value", r.value());
            row.appendChild(new Element("td").setText(report.interval().equals("none")
                    ? report.from() + " – " + report.to() : r.period().toString()));
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(report.groupBy() == null
                    ? t("reports.fields.view.total") : r.label()));
            row.appendChild(new Element("td").setText(String.valueOf(r.count())));
            if (report.sum() != null) {
                row.appendChild(new Element("td").setText(r.sum() == null ? "" : r.sum().toPlainString()));
            }
            body.appendChild(row);
        }
        tableEl.appendChild(body);
        table.show(tableEl);
    }
}
