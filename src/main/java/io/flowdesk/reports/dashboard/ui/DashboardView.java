package io.flowdesk.reports.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.CssImport;
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
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.Summary;
import io.flowdesk.reports.dashboard.DrillDown;
import io.flowdesk.reports.dashboard.Trend;
import io.flowdesk.reports.dashboard.Trend.Better;
import io.flowdesk.reports.flow.FlowTexts;
import io.flowdesk.reports.ui.ReportFilterBar;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.EChart;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.reports.fields.ExportJobs;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The supervisor dashboard (ADR 0034): headline numbers with their trend, six charts and the per-agent and
 * per-department tables, all from {@link ReportService#summary}; every number and chart element opens the tickets
 * behind it ({@link DrillDown}). Supervisors and admins only.
 */
@Route(value = "reports/dashboard", layout = MainLayout.class)
@PageTitle("FlowDesk")
@CssImport("./fd-dashboard.css")
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    private final ReportService reports;
    private final DrillDown drillDown;
    private final CurrentUser user;
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> department = new Select<>();
    private final Select<String> template = new Select<>();
    private final Select<String> priority = new Select<>();
    private final Select<String> channel = new Select<>();
    private final Select<String> agent = new Select<>();
    private final Div tiles = new Div();
    private final Map<String, EChart> charts = new java.util.LinkedHashMap<>();
    private final ReportTable agents = ReportTable.stacked();
    private final ReportTable departments = ReportTable.stacked();
    private Names names;
    private DashboardCharts options;
    private ReportFilter filter;
    private Summary summary;

    private final ExportJobs jobs;

    @Inject
    public DashboardView(ReportService reports, DrillDown drillDown, TemplateService templates, FormService forms,
            IdentityService identity, ExportJobs jobs) {
        this.jobs = jobs;
        this.reports = reports;
        this.drillDown = drillDown;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("dashboard-view");
        addClassName("fd-dash");
        if (!DashboardShell.mayRead(user)) {
            return;
        }
        names = new Names(templates, forms, identity, locale);
        options = new DashboardCharts(locale);
        H2 title = new H2(t("dashboard.title"));
        title.addClassName("fd-page-title");
        add(title, filters(), tiles);
        tiles.setId("dash-tiles");
        tiles.addClassName("fd-dash-tiles");
        Div grid = new Div();
        grid.addClassName("fd-dash-charts");
        for (String chart : List.of("daily", "backlog", "sla", "csat", "channel", "category")) {
            EChart c = new EChart();
            c.setId("dash-chart-" + chart);
            c.addClickListener(click -> Ui.attempt(() -> chartClick(chart, click)));
            charts.put(chart, c);
            Div card = new Div(new H3(t("dashboard.chart." + chart)), c);
            card.addClassName("fd-dash-card");
            grid.add(card);
        }
        add(grid, new H3(t("dashboard.table.agents")), agents, new H3(t("dashboard.table.departments")),
                departments);
        preset(30);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!DashboardShell.mayRead(user)) {
            event.forwardTo("");
        }
    }

    private ReportFilterBar filters() {
        LocalDate today = reports.today();
        ReportFilterBar filters = new ReportFilterBar(locale);
        for (DatePicker p : List.of(filters.date(from, "dash-from", t("dashboard.filter.from"), null),
                filters.date(to, "dash-to", t("dashboard.filter.to"), null))) {
            p.setMax(today);
            p.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    refresh();
                }
            });
        }
        Div presets = filters.extras();
        for (int days : List.of(7, 30, 90)) {
            Button b = new Button(t("dashboard.filter.preset", days), e -> preset(days));
            b.setId("dash-preset-" + days);
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            presets.add(b);
        }
        Set<String> people = new LinkedHashSet<>(names.agents.keySet());
        people.add(ReportFilter.NONE);
        String all = t("dashboard.filter.all");
        filters.choice(department, "dash-department", t("dashboard.filter.department"), names.departments.keySet(),
                names::department, all);
        filters.choice(template, "dash-template", t("dashboard.filter.template"), names.templates.keySet(),
                names::template, all);
        filters.choice(priority, "dash-priority", t("dashboard.filter.priority"), List.of("P1", "P2", "P3", "P4"),
                p -> p, all);
        filters.choice(channel, "dash-channel", t("dashboard.filter.channel"), Names.CHANNELS, names::channel, all);
        filters.choice(agent, "dash-agent", t("dashboard.filter.agent"), people, names::agent, all);
        for (Select<String> select : List.of(department, template, priority, channel, agent)) {
            select.addValueChangeListener(e -> refresh());
        }
        return filters;
    }

    private void preset(int days) {
        LocalDate today = reports.today();
        to.setValue(today);
        from.setValue(today.minusDays(days - 1));
        refresh();
    }

    private void refresh() {
        try {
            filter = ReportFilter.parse(str(from.getValue()), str(to.getValue()), template.getValue(),
                    department.getValue(), channel.getValue(), priority.getValue(), agent.getValue(), reports.today());
            from.setInvalid(false);
            to.setInvalid(false);
        } catch (FlowDeskException e) {
            from.setInvalid(true);
            Ui.error(Ui.message(e));
            return;
        }
        summary = reports.summary(user, filter);
        tiles();
        charts.get("daily").setOption(options.daily(summary));
        charts.get("backlog").setOption(options.backlog(summary));
        charts.get("sla").setOption(options.sla(summary));
        charts.get("csat").setOption(options.csat(summary));
        charts.get("channel").setOption(options.channel(summary, names));
        charts.get("category").setOption(options.category(summary, names));
        table(agents, "dash-agents", "agent", names::agent);
        table(departments, "dash-departments", "department", names::department);
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    // --- headline tiles ---------------------------------------------------------------------------------------

    private void tiles() {
        tiles.removeAll();
        Summary.Headline c = summary.current();
        Summary.Headline p = summary.previous();
        NumberFormat n = NumberFormat.getIntegerInstance(locale);
        tile("created", n.format(c.created()), Trend.relative((double) c.created(), (double) p.created(),
                Better.NEITHER, locale), "created");
        tile("resolved", n.format(c.resolved()), Trend.relative((double) c.resolved(), (double) p.resolved(),
                Better.HIGHER, locale), "resolved");
        tile("firstResponse", minutes(c.firstResponse().medianWorking()), Trend.relative(
                c.firstResponse().medianWorking(), p.firstResponse().medianWorking(), Better.LOWER, locale),
                "first-response");
        tile("resolution", minutes(c.resolution().medianWorking()), Trend.relative(c.resolution().medianWorking(),
                p.resolution().medianWorking(), Better.LOWER, locale), "resolution");
        tile("fcr", percent(c.fcrRate()), Trend.points(c.fcrRate(), p.fcrRate(), Better.HIGHER, locale), "fcr");
        tile("reopen", percent(c.reopenRate()), Trend.points(c.reopenRate(), p.reopenRate(), Better.LOWER, locale),
                "reopened");
        NumberFormat avg = NumberFormat.getNumberInstance(locale);
        avg.setMaximumFractionDigits(2);
        tile("csat", c.csat().average() == null ? "—" : t("dashboard.csat.value", avg.format(c.csat().average())),
                Trend.relative(c.csat().average(), p.csat().average(), Better.HIGHER, locale), "csat");
        tile("sla", percent(attainment(c)), Trend.points(attainment(c), attainment(p), Better.HIGHER, locale),
                "sla");
    }

    /** Every target together: met ÷ total outcomes. */
    static Double attainment(Summary.Headline h) {
        long total = h.sla().stream().mapToLong(Summary.Sla::total).sum();
        long met = h.sla().stream().mapToLong(Summary.Sla::met).sum();
        return total == 0 ? null : (double) met / total;
    }

    private void tile(String name, String value, Trend trend, String metric) {
        Span label = new Span(t("dashboard.tile." + name));
        label.addClassName("fd-dash-tile-label");
        Span number = new Span(value);
        number.addClassName("fd-dash-tile-value");
        Span change = new Span(trend.text());
        change.addClassName("fd-trend-" + trend.tone());
        change.getElement().setAttribute("title", t("dashboard.trend.title", summary.previousFrom(),
                summary.previousTo()));
        Div tile = new Div(label, number, change);
        tile.setId("dash-tile-" + name);
        tile.addClassName("fd-dash-tile");
        tile.getElement().setAttribute("data-trend", trend.tone());
        tile.getElement().setAttribute("role", "button");
        tile.getElement().setAttribute("tabindex", "0");
        tile.addClickListener(e -> drill(metric, null, t("dashboard.tile." + name), filter));
        tiles.add(tile);
    }

    private String minutes(Double working) {
        return working == null ? "—" : FlowTexts.duration(Math.round(working * 60), locale);
    }

    private String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        NumberFormat pct = NumberFormat.getPercentInstance(locale);
        pct.setMaximumFractionDigits(1);
        return pct.format(rate);
    }

    // --- drill-down -------------------------------------------------------------------------------------------

    private void chartClick(String chart, EChart.Click click) {
        int i = click.index();
        if (i < 0) {
            return;
        }
        String title = t("dashboard.chart." + chart) + " · " + click.name();
        switch (chart) {
            case "daily" -> drill(click.series().equals(t("dashboard.series.resolved")) ? "resolved" : "created",
                    summary.createdVsResolved().get(i).day().toString(), title, filter);
            case "backlog" -> drill("backlog", summary.backlog().get(i).bucket(), title, filter);
            case "sla" -> drill(click.series().equals(t("dashboard.series.met")) ? "sla-met" : "sla-breached",
                    summary.current().sla().get(i).target(), title + " · " + click.series(), filter);
            case "csat" -> drill("csat", String.valueOf(i + 1), title, filter);
            case "channel" -> drill("created", null, title, with(filter, "channel",
                    DashboardCharts.channels(summary).get(i).key()));
            case "category" -> drill("category", DashboardCharts.categories(summary).get(i).key(), title, filter);
            default -> {
                // no other chart
            }
        }
    }

    private void drill(String metric, String bucket, String title, ReportFilter f) {
        new DrillDialog(drillDown, jobs, user, f, metric, bucket, title, locale, reports.zone()).open();
    }

    /** The filter with one dimension set to a table row's value ({@link ReportFilter#NONE} for "none"). */
    static ReportFilter with(ReportFilter f, String dimension, String key) {
        String v = key == null || key.isEmpty() ? ReportFilter.NONE : key;
        return switch (dimension) {
            case "agent" -> new ReportFilter(f.from(), f.to(), f.template(), f.department(), f.channel(),
                    f.priority(), v);
            case "department" -> new ReportFilter(f.from(), f.to(), f.template(), v, f.channel(), f.priority(),
                    f.agent());
            case "channel" -> new ReportFilter(f.from(), f.to(), f.template(), f.department(), v, f.priority(),
                    f.agent());
            default -> f;
        };
    }

    // --- per agent / per department ------------------------------------------------------------------------

    /** An agent is overloaded with at least 3 open tickets and twice the average of those with any open. */
    static boolean overloaded(long open, double averageOpen) {
        return open >= 3 && open >= 2 * averageOpen;
    }

    private void table(ReportTable wrap, String id, String dimension, Function<String, String> label) {
        List<Summary.Group> rows = summary.by().getOrDefault(dimension, List.of());
        double average = rows.stream().filter(g -> g.open() > 0).mapToLong(Summary.Group::open).average().orElse(0);
        Element table = ReportTable.table(id, "fd-dash-table", Stream.of(dimension, "open", "created", "handled",
                "median", "reopened").map(h -> t("dashboard.col." + h)).toList());
        Element body = new Element("tbody");
        NumberFormat n = NumberFormat.getIntegerInstance(locale);
        for (Summary.Group g : rows) {
            ReportFilter rowFilter = with(filter, dimension, g.key());
            String name = label.apply(g.key());
            Element row = new Element("tr").setAttribute("data-key", g.key());
            Element th = new Element("th").setAttribute("scope", "row").setText(name);
            if ("agent".equals(dimension) && overloaded(g.open(), average)) {
                row.getClassList().add("fd-dash-overloaded");
                th.appendChild(new Element("span").setText(t("dashboard.overloaded")));
            }
            row.appendChild(th);
            row.appendChild(cell(n.format(g.open()), "open", rowFilter, name, "open"));
            row.appendChild(cell(n.format(g.created()), "created", rowFilter, name, "created"));
            row.appendChild(cell(n.format(g.resolved()), "resolved", rowFilter, name, "handled"));
            row.appendChild(cell(minutes(g.medianResolutionWorking()), "resolution", rowFilter, name, "median"));
            row.appendChild(cell(n.format(g.reopened()), "resolved-reopened", rowFilter, name, "reopened"));
            body.appendChild(row);
        }
        table.appendChild(body);
        wrap.show(table);
    }

    private Element cell(String text, String metric, ReportFilter f, String rowName, String column) {
        Element button = new Element("button").setText(text).setAttribute("type", "button")
                .setAttribute("data-metric", metric);
        button.getClassList().add("fd-dash-cell");
        button.addEventListener("click", e -> drill(metric, null, rowName + " · " + t("dashboard.col." + column), f));
        return new Element("td").appendChild(button);
    }

    private String t(String key, Object... args) {
        return Ui.text(Text.of(key, args));
    }
}
