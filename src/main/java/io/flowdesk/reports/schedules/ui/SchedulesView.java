package io.flowdesk.reports.schedules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.schedules.ReportSchedule;
import io.flowdesk.reports.schedules.ScheduleService;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Scheduled report mails: the list with their last run, and one form to create or edit (ADR 0036). */
@CssImport("./fd-reports.css")
@Route(value = "reports/schedules", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class SchedulesView extends VerticalLayout implements BeforeEnterObserver {

    private final ScheduleService schedules;
    private final CurrentUser user;
    private final Locale locale;
    private final Div list = new Div();
    private final TextField name = new TextField();
    private final Select<String> frequency = new Select<>();
    private final Select<Integer> weekday = new Select<>();
    private final TextField time = new TextField();
    private final TextField zone = new TextField();
    private final TextField recipients = new TextField();
    private final TextField template = new TextField();
    private final TextField department = new TextField();
    private final H3 formTitle = new H3();
    private Long editing;

    @Inject
    public SchedulesView(ScheduleService schedules) {
        this.schedules = schedules;
        this.user = UiSession.user().orElseThrow();
        this.locale = Ui.locale();
        setId("schedules-view");
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            return;
        }
        H2 title = new H2(t("reports.schedules.title"));
        title.addClassName("fd-page-title");
        list.setId("schedules-list");
        list.setWidthFull();
        name.setId("schedule-name");
        name.setLabel(t("reports.schedules.field.name"));
        frequency.setId("schedule-frequency");
        frequency.setLabel(t("reports.schedules.field.frequency"));
        frequency.setItems(ReportSchedule.DAILY, ReportSchedule.WEEKLY);
        frequency.setItemLabelGenerator(f -> t("reports.schedules.frequency." + f));
        weekday.setId("schedule-weekday");
        weekday.setLabel(t("reports.schedules.field.weekday"));
        weekday.setItems(1, 2, 3, 4, 5, 6, 7);
        weekday.setItemLabelGenerator(d -> t("reports.insights.weekday." + d));
        frequency.addValueChangeListener(e -> weekday.setVisible(ReportSchedule.WEEKLY.equals(e.getValue())));
        time.setId("schedule-time");
        time.setLabel(t("reports.schedules.field.time"));
        time.setPlaceholder("08:00");
        zone.setId("schedule-zone");
        zone.setLabel(t("reports.schedules.field.zone"));
        recipients.setId("schedule-recipients");
        recipients.setLabel(t("reports.schedules.field.recipients"));
        recipients.setHelperText(t("reports.schedules.recipientsHint"));
        template.setId("schedule-template");
        template.setLabel(t("reports.schedules.field.template"));
        department.setId("schedule-department");
        department.setLabel(t("reports.schedules.field.department"));
        Button save = new Button(t("reports.schedules.save"), e -> save());
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(t("reports.schedules.new"), e -> edit(null));
        fresh.setId("schedule-new");
        Div form = new Div(name, frequency, weekday, time, zone, recipients, template, department);
        form.addClassName("fd-report-form");
        Div buttons = new Div(save, fresh);
        buttons.getStyle().set("display", "flex").set("gap", "8px");
        add(title, list, formTitle, form, buttons);
        edit(null);
        reload();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            event.forwardTo("");
        }
    }

    private String t(String key, Object... args) {
        return Text.of(key, args).in(locale);
    }

    private void reload() {
        list.removeAll();
        List<ReportSchedule> all = Ui.await(() -> schedules.list(user));
        if (all.isEmpty()) {
            list.add(new Span(t("reports.schedules.none")));
        }
        for (ReportSchedule s : all) {
            String when = t("reports.schedules.frequency." + s.frequency()) + (s.weekday() == null ? "" : " · "
                    + t("reports.insights.weekday." + s.weekday())) + " · " + s.time() + " " + s.zone();
            String last = s.lastRun() == null ? t("reports.schedules.never") : t("reports.schedules.last",
                    s.lastRun().from(), s.lastRun().to(), t("reports.schedules.status." + s.lastRun().status()));
            Span head = new Span(s.name());
            head.getStyle().set("font-weight", "600");
            Span detail = new Span(when + " · " + String.join(", ", s.recipients()) + " · " + last);
            detail.addClassName("fd-muted");
            Button edit = new Button(t("reports.schedules.edit"), e -> edit(s));
            Button delete = new Button(t("reports.schedules.delete"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> schedules.delete(user, s.id())))) {
                    Ui.success(t("reports.schedules.deleted"));
                    reload();
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(head, detail, edit, delete);
            row.getElement().setAttribute("data-schedule", String.valueOf(s.id()));
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                    .set("gap", "4px 12px").set("padding", "8px 0").set("border-bottom",
                            "1px solid var(--lumo-contrast-10pct)");
            list.add(row);
        }
    }

    private void edit(ReportSchedule s) {
        editing = s == null ? null : s.id();
        formTitle.setText(s == null ? t("reports.schedules.new") : t("reports.schedules.edit") + ": " + s.name());
        name.setValue(s == null ? "" : s.name());
        frequency.setValue(s == null ? ReportSchedule.DAILY : s.frequency());
        weekday.setValue(s == null || s.weekday() == null ? 1 : s.weekday());
        weekday.setVisible(ReportSchedule.WEEKLY.equals(frequency.getValue()));
        time.setValue(s == null ? "08:00" : s.time());
        zone.setValue(s == null ? "Asia/Shanghai" : s.zone());
        recipients.setValue(s == null ? user.username() : String.join(", ", s.recipients()));
        template.setValue(s == null || s.template() == null ? "" : s.template());
        department.setValue(s == null || s.department() == null ? "" : s.department());
    }

    private void save() {
        ReportSchedule.Request request = new ReportSchedule.Request(name.getValue(), frequency.getValue(),
                weekday.getValue(), time.getValue(), zone.getValue(), Arrays.stream(recipients.getValue().split(","))
                        .map(String::strip).filter(x -> !x.isEmpty()).toList(), template.getValue(),
                department.getValue(), true);
        try {
            Ui.await(() -> editing == null ? schedules.create(user, request) : schedules.update(user, editing,
                    request));
            Ui.success(t("reports.schedules.saved"));
            edit(null);
            reload();
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }
}
