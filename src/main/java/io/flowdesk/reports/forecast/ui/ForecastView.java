package io.flowdesk.reports.forecast.ui;

import com.vaadin.flow.component.dependency.CssImport;
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
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.reports.flow.FlowStats.TemplateName;
import io.flowdesk.reports.forecast.ForecastService;
import io.flowdesk.reports.forecast.VolumeForecast;
import io.flowdesk.reports.ui.ReportFilterBar;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.EChart;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ticket volume forecast (ADR 0037): expected tickets per day with the 80 % / 95 % intervals, drawn after the
 * history with holidays and make-up days shaded, the held-out error beside it, and the numbers in a table.
 */
@Route(value = "reports/forecast", layout = MainLayout.class)
@PageTitle("FlowDesk")
@CssImport("./fd-forecast.css")
public class ForecastView extends VerticalLayout implements BeforeEnterObserver {

    private final ForecastService forecasts;
    private final CurrentUser user;
    private final Locale locale;
    private final Select<String> template = new Select<>();
    private final Select<Integer> days = new Select<>();
    private final Span message = new Span();
    private final Span holdout = new Span();
    private final Span method = new Span();
    private final EChart chart = new EChart();
    private final ReportTable table = ReportTable.plain();

    @Inject
    public ForecastView(ForecastService forecasts, FlowStats stats) {
        this.forecasts = forecasts;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("forecast-view");
        if (!FlowStats.mayRead(user)) {
            return;
        }
        H2 title = new H2(t("forecast.view.title"));
        title.addClassName("fd-page-title");
        Map<String, TemplateName> names = new LinkedHashMap<>();
        Ui.await(() -> stats.templates(user)).forEach(n -> names.put(n.key(), n));
        ReportFilterBar filters = new ReportFilterBar(locale);
        filters.choice(template, "forecast-template", t("forecast.view.template"), names.keySet(),
                k -> names.get(k).name(locale), t("forecast.view.allTemplates"));
        filters.choice(days, "forecast-days", t("forecast.param.days"), List.of(7, 14, 21, ForecastService.MAX_DAYS),
                String::valueOf, null);
        days.setValue(ForecastService.DEFAULT_DAYS);
        message.setId("forecast-message");
        message.addClassName("fd-forecast-message");
        holdout.setId("forecast-holdout");
        holdout.addClassName("fd-forecast-holdout");
        method.setId("forecast-method");
        method.addClassName("fd-forecast-note");
        chart.setId("forecast-chart");
        chart.addClassName("fd-forecast-chart");
        chart.setHeight("360px");
        table.setId("forecast-table-wrap");
        table.addClassName("fd-forecast-table-wrap");
        add(title, filters, message, holdout, chart, table, method);
        template.addValueChangeListener(e -> refresh());
        days.addValueChangeListener(e -> refresh());
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

    private void refresh() {
        VolumeForecast f;
        try {
            f = forecasts.forecast(user, template.getValue(), days.getValue() == null ? ForecastService.DEFAULT_DAYS
                    : days.getValue());
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        message.setVisible(!f.available());
        message.setText(f.available() ? "" : Ui.text(f.message()));
        holdout.setVisible(f.available());
        method.setVisible(f.available());
        chart.setVisible(f.available());
        table.setVisible(f.available());
        if (!f.available()) {
            return;
        }
        VolumeForecast.Holdout h = f.holdout();
        holdout.setText(h == null ? t("forecast.view.holdout.none", ForecastService.MIN_HISTORY
                + ForecastService.HOLDOUT) : t("forecast.view.holdout", h.days(), h.mape() == null ? "–"
                        : String.format(Locale.ROOT, "%.1f", h.mape()), String.format(Locale.ROOT, "%.1f", h.mae())));
        var p = f.params();
        method.setText(t("forecast.view.method", f.calendar(), fmt(p.alpha()), fmt(p.beta()), fmt(p.gamma()),
                String.format(Locale.ROOT, "%.0f %%", 100 * p.holidayRatio())));
        Map<String, String> names = new LinkedHashMap<>();
        for (String k : List.of("history", "expected", "band80", "band95")) {
            names.put(k, t("forecast.view.series." + k));
        }
        for (String k : List.of("holiday", "makeup")) {
            names.put(k, t("forecast.dayType." + k));
        }
        chart.setOption(ForecastChart.option(f, names));
        table(f);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void table(VolumeForecast f) {
        Element t = ReportTable.table("forecast-table", "fd-forecast-table", List.of(t("forecast.view.col.date"),
                t("forecast.view.col.dayType"), t("forecast.view.col.expected"), t("forecast.view.col.interval80"),
                t("forecast.view.col.interval95")));
        ReportTable.wideOnly(t, 4); // a phone has room for the 80 % interval only
        Element body = new Element("tbody");
        DateTimeFormatter date = DateTimeFormatter.ofPattern(zh() ? "M月d日" : "MMM d", locale);
        for (VolumeForecast.Day d : f.forecast()) {
            Element row = new Element("tr").setAttribute("data-date", d.date().toString())
                    .setAttribute("data-day-type", d.dayType().json());
            row.getClassList().add("fd-day-" + d.dayType().json());
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(date.format(d.date()) + " "
                    + d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale)));
            row.appendChild(new Element("td").setText(t("forecast.dayType." + d.dayType().json())));
            row.appendChild(new Element("td").setText(String.format(Locale.ROOT, "%.1f", d.expected())));
            row.appendChild(new Element("td").setText(range(d.low80(), d.high80())));
            row.appendChild(new Element("td").setText(range(d.low95(), d.high95())));
            body.appendChild(row);
        }
        t.appendChild(body);
        table.show(t);
    }

    private static String range(double low, double high) {
        return String.format(Locale.ROOT, "%.1f – %.1f", low, high);
    }
}
