package io.flowdesk.reports.insights.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.insights.Insight;
import io.flowdesk.reports.insights.InsightService;
import io.flowdesk.reports.ui.ReportFilterBar;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Insights of a period as sentences, each with the numbers and the tickets behind it (an XLSX of those tickets). */
@Route(value = "reports/insights", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class InsightsView extends VerticalLayout implements BeforeEnterObserver {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final InsightService insights;
    private final ReportService reports;
    private final CurrentUser user;
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div list = new Div();

    @Inject
    public InsightsView(InsightService insights, ReportService reports) {
        this.insights = insights;
        this.reports = reports;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("insights-view");
        if (!mayRead(user)) {
            return;
        }
        H2 title = new H2(t("reports.insights.title"));
        title.addClassName("fd-page-title");
        Paragraph hint = new Paragraph(t("reports.insights.hint"));
        hint.addClassName("fd-muted");
        LocalDate today = reports.today();
        ReportFilterBar filters = new ReportFilterBar(locale);
        filters.date(from, "insights-from", t("reports.param.from"), today.minusDays(6));
        filters.date(to, "insights-to", t("reports.param.to"), today);
        list.setId("insights-list");
        list.setWidthFull();
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "12px");
        add(title, hint, filters, list);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
    }

    static boolean mayRead(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mayRead(user)) {
            event.forwardTo("");
        }
    }

    private String t(String key, Object... args) {
        return Text.of(key, args).in(locale);
    }

    private void refresh() {
        list.removeAll();
        List<Insight> found;
        try {
            ReportFilter f = ReportFilter.parse(String.valueOf(from.getValue()), String.valueOf(to.getValue()), null,
                    null, null, null, reports.today());
            found = insights.insights(user, f);
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        if (found.isEmpty()) {
            Span none = new Span(t("reports.insights.none"));
            none.setId("insights-none");
            list.add(none);
        }
        for (Insight insight : found) {
            list.add(card(insight));
        }
    }

    private Div card(Insight insight) {
        Span sentence = new Span(insight.text().in(locale));
        sentence.addClassName("insight-sentence");
        sentence.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Span detail = new Span(insight.detail().in(locale));
        detail.addClassName("fd-muted");
        detail.getStyle().set("font-size", "var(--lumo-font-size-s)");
        ReportFilter tickets = insight.tickets();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reports.xlsx(user, tickets, out);
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "tickets-" + tickets.from() + "-"
                    + tickets.to() + ".xlsx", XLSX, bytes.length);
        }), t("reports.insights.tickets"));
        download.getElement().setAttribute("download", true);
        download.addClassName("insight-tickets");
        Div card = new Div(sentence, detail, download);
        card.getElement().setAttribute("data-rule", insight.rule());
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "4px")
                .set("padding", "12px 16px").set("border-radius", "8px").set("border-left", "6px solid "
                        + "var(--lumo-primary-color)").set("background", "var(--lumo-contrast-5pct)");
        return card;
    }
}
