package io.flowdesk.reports.flow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ui.ExportPanel;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.reports.flow.FlowStats.FlowReport;
import io.flowdesk.reports.flow.FlowStats.StepStats;
import io.flowdesk.reports.flow.FlowStats.TemplateName;
import io.flowdesk.reports.flow.FlowTexts;
import io.flowdesk.reports.ui.ReportFilterBar;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flow heatmap (ADR 0032): a template's BPMN with each user task coloured by its median waiting + working time,
 * counts on the flows taken, the slowest step named, and the numbers in a table under the diagram.
 */
@Route(value = "reports/flow", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class FlowHeatmapView extends VerticalLayout implements BeforeEnterObserver {

    /** The scale: five colours from short to long, as a share of the slowest step's median. */
    static final String[] COLORS = {"#e3f2fd", "#fff59d", "#ffcc80", "#ff8a65", "#e57373"};
    static final String NO_DATA = "#eeeeee";

    private final FlowStats stats;
    private final CurrentUser user;
    private final Locale locale;
    private final Select<String> template = new Select<>();
    private final Select<Integer> version = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Span slowest = new Span();
    private final Span tickets = new Span();
    private final FlowHeatmap heatmap = new FlowHeatmap();
    private final Div legend = new Div();
    private final ReportTable stepsTable = ReportTable.stacked();
    private final ReportTable flowsTable = ReportTable.plain();
    private Map<String, TemplateName> templates = Map.of();
    private FlowReport shown;

    private final ExportJobs jobs;

    @Inject
    public FlowHeatmapView(FlowStats stats, ExportJobs jobs) {
        this.stats = stats;
        this.jobs = jobs;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("flow-heatmap-view");
        addClassName("fd-flow-view");
        if (!FlowStats.mayRead(user)) {
            return;
        }
        H2 title = new H2(t("flowmap.view.title"));
        title.addClassName("fd-page-title");
        add(title);
        templates = new LinkedHashMap<>();
        for (TemplateName name : Ui.await(() -> stats.templates(user))) {
            templates.put(name.key(), name);
        }
        if (templates.isEmpty()) {
            add(new Span(t("flowmap.view.noTemplates")));
            return;
        }
        ReportFilterBar filters = new ReportFilterBar(locale);
        filters.choice(template, "flow-template", t("flowmap.view.template"), templates.keySet(),
                k -> templates.get(k).name(locale), null);
        template.setValue(templates.containsKey("it-incident") ? "it-incident" : templates.keySet().iterator().next());
        filters.choice(version, "flow-version", t("flowmap.view.version"), List.<Integer>of(), v -> "v" + v,
                t("flowmap.view.allVersions"));
        LocalDate today = LocalDate.ofInstant(FlowClock.instant(), FlowStats.ZONE);
        filters.date(from, "flow-from", t("flowmap.view.from"), today.minusDays(29));
        filters.date(to, "flow-to", t("flowmap.view.to"), today);
        slowest.setId("flow-slowest");
        slowest.addClassName("fd-flow-slowest");
        tickets.setId("flow-tickets");
        legend.setId("flow-legend");
        legend.addClassName("fd-flow-legend");
        heatmap.setWidthFull();
        heatmap.addStepClickListener(this::drill);
        H3 flowsTitle = new H3(t("flowmap.view.flows"));
        add(filters, slowest, tickets, heatmap, legend, stepsTable, flowsTitle, flowsTable);
        setVersions();
        template.addValueChangeListener(e -> {
            setVersions();
            refresh();
        });
        version.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!FlowStats.mayRead(user)) {
            event.forwardTo("");
        }
    }

    private boolean zh() {
        return "zh".equals(locale.getLanguage());
    }

    private String t(String key, Object... args) {
        return Ui.text(Text.of(key, args));
    }

    private void setVersions() {
        FlowReport all = load(null);
        version.setItems(all == null ? List.of() : all.versions());
        version.setValue(null);
    }

    private FlowReport load(Integer v) {
        try {
            return Ui.await(() -> stats.report(user, template.getValue(), from.getValue(), to.getValue(), v));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return null;
        }
    }

    private void refresh() {
        FlowReport report = load(version.getValue());
        shown = report;
        if (report == null) {
            return;
        }
        slowest.setText(FlowTexts.slowest(report, locale));
        tickets.setText(t("flowmap.view.tickets", report.tickets()));
        long max = report.steps().stream().filter(s -> s.totalMedian() != null).mapToLong(StepStats::totalMedian)
                .max().orElse(0);
        Map<String, Object> steps = new LinkedHashMap<>();
        for (StepStats step : report.steps()) {
            int bucket = bucket(step.totalMedian(), max);
            steps.put(step.stepId(), Map.of("color", bucket < 0 ? NO_DATA : COLORS[bucket],
                    "bucket", bucket < 0 ? "none" : String.valueOf(bucket),
                    "label", step.totalMedian() == null ? "" : FlowTexts.duration(step.totalMedian(), locale)));
        }
        Map<String, Object> flows = new LinkedHashMap<>();
        report.flows().forEach(f -> flows.put(f.flowId(), f.taken()));
        heatmap.show(FlowNames.localized(report.bpmnXml(), zh()), Json.write(Map.of("steps", steps, "flows", flows, "noData", NO_DATA)));
        legend(max);
        steps(report);
        flows(report);
    }

    static int bucket(Long total, long max) {
        if (total == null) {
            return -1;
        }
        if (max <= 0) {
            return 0;
        }
        return (int) Math.min(COLORS.length - 1, total * COLORS.length / (max + 1));
    }

    private void legend(long max) {
        legend.removeAll();
        legend.add(new Span(t("flowmap.view.legend") + ":"));
        for (int i = 0; i < COLORS.length; i++) {
            long low = max * i / COLORS.length;
            long high = max * (i + 1) / COLORS.length;
            legend.add(swatch(COLORS[i], max == 0 ? "—" : FlowTexts.duration(low, locale) + " – "
                    + FlowTexts.duration(high, locale)));
        }
        legend.add(swatch(NO_DATA, t("flowmap.view.legend.none")));
    }

    private static Span swatch(String color, String label) {
        Element box = new Element("i");
        box.getStyle().set("background", color);
        Span swatch = new Span();
        swatch.addClassName("fd-swatch");
        swatch.getElement().appendChild(box);
        swatch.add(new Span(label));
        return swatch;
    }

    private void steps(FlowReport report) {
        Element table = table("flow-steps", List.of(t("flowmap.view.col.step"), t("flowmap.view.col.count"),
                t("flowmap.view.col.waitMedian"), t("flowmap.view.col.waitP90"), t("flowmap.view.col.workMedian"),
                t("flowmap.view.col.workP90"), t("flowmap.view.col.total"), t("flowmap.view.col.rework")));
        Element body = new Element("tbody");
        for (StepStats s : report.steps().stream().sorted(java.util.Comparator.comparingInt(
                x -> position(report, x.stepId()))).toList()) {
            Element row = new Element("tr").setAttribute("data-step", s.stepId());
            Element name = new Element("th").setAttribute("scope", "row");
            Button open = new Button(FlowTexts.stepName(s, locale), e -> drill(s.stepId()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            open.getElement().setAttribute("title", t("flowmap.drill.open"));
            name.appendChild(open.getElement());
            row.appendChild(name);
            for (String cell : List.of(String.valueOf(s.count()), d(s.waitMedian()), d(s.waitP90()),
                    d(s.workMedian()), d(s.workP90()), d(s.totalMedian()), String.valueOf(s.rework()))) {
                row.appendChild(new Element("td").setText(cell));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        stepsTable.show(table);
    }

    private void flows(FlowReport report) {
        Map<String, String> names = FlowNames.of(report.bpmnXml(), zh());
        Element table = table("flow-flows", List.of(t("flowmap.view.col.flow"), t("flowmap.view.col.taken"),
                t("flowmap.view.col.flowTickets")));
        Element body = new Element("tbody");
        report.flows().stream().sorted(java.util.Comparator.comparingInt(f -> position(report, f.flowId())))
                .forEach(f -> {
            Element row = new Element("tr").setAttribute("data-flow", f.flowId());
            row.appendChild(new Element("th").setAttribute("scope", "row")
                    .setText(names.getOrDefault(f.flowId(), f.flowId())));
            row.appendChild(new Element("td").setText(String.valueOf(f.taken())));
            row.appendChild(new Element("td").setText(String.valueOf(f.tickets())));
            body.appendChild(row);
        });
        table.appendChild(body);
        flowsTable.show(table);
    }

    /** Opens the tickets behind a step (from the table or a click on the diagram). */
    private void drill(String stepId) {
        FlowReport report = shown;
        if (report == null) {
            return;
        }
        StepStats step = report.steps().stream().filter(x -> x.stepId().equals(stepId)).findFirst().orElse(null);
        if (step == null) {
            return;
        }
        try {
            StepTicketsDialog.open(FlowTexts.stepName(step, locale), Ui.await(() -> stats.stepTickets(user,
                    report.templateKey(), stepId, from.getValue(), to.getValue(), version.getValue())), locale,
                    ExportPanel.csvAndXlsx(jobs, user, locale, "flow-step", "step", () -> stepParams(report,
                            stepId)));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }

    /** The step list's selection as export job parameters (kind {@code step}). */
    private Map<String, String> stepParams(FlowReport report, String stepId) {
        Map<String, String> p = new java.util.HashMap<>();
        p.put("template", report.templateKey());
        p.put("step", stepId);
        p.put("from", from.getValue() == null ? null : from.getValue().toString());
        p.put("to", to.getValue() == null ? null : to.getValue().toString());
        p.put("version", version.getValue() == null ? null : String.valueOf(version.getValue()));
        return p;
    }

    /** Where an element is defined in the diagram: the tables follow the diagram's order. */
    private static int position(FlowReport report, String id) {
        int at = report.bpmnXml() == null ? -1 : report.bpmnXml().indexOf("id=\"" + id + "\"");
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private String d(Long seconds) {
        return FlowTexts.duration(seconds, locale);
    }

    private static Element table(String id, List<String> headers) {
        return ReportTable.table(id, "fd-flow-steps", headers);
    }
}
