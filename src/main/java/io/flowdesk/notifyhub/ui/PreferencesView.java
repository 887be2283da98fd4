package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.notify.NotifyAdmin;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's notification settings: events × channels (in-app always on; e-mail per event, at once or in the daily
 * digest), the digest time and quiet hours (ADR 0028). Admins edit the defaults with {@code ?user=*}.
 */
@Route(value = "me/notifications", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class PreferencesView extends VerticalLayout implements BeforeEnterObserver {

    private final NotifyAdmin admin;
    private final Calendars calendars;

    public PreferencesView(NotifyAdmin admin, Calendars calendars) {
        this.admin = admin;
        this.calendars = calendars;
        addClassName("fd-notify-prefs");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = UiSession.user().orElseThrow();
        removeAll();
        boolean defaults = user.has(Role.ADMIN) && event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("user", List.of()).contains("*");
        String who = defaults ? "*" : null;
        add(new H2(getTranslation(defaults ? "notify.prefs.defaults" : "notify.prefs.title")));
        add(new Paragraph(getTranslation(defaults ? "notify.prefs.defaultsHelp" : "notify.prefs.help")));
        add(new PreferenceEditor(admin, user, who));
        if (!defaults) {
            add(schedule(user));
        }
        setMaxWidth("52em");
    }

    private VerticalLayout schedule(CurrentUser user) {
        NotifyAdmin.Schedule current = Ui.await(() -> admin.schedule(user));
        List<BusinessCalendar> all = Ui.await(calendars::list);
        boolean zh = UiSession.localeTag().startsWith("zh");

        TimePicker digestAt = new TimePicker(getTranslation("notify.prefs.digestAt"));
        digestAt.setId("digest-at");
        digestAt.setStep(Duration.ofMinutes(30));
        digestAt.setValue(LocalTime.parse(current.digestAt() == null ? "09:00" : current.digestAt()));

        RadioButtonGroup<String> quiet = new RadioButtonGroup<>(getTranslation("notify.prefs.quiet"));
        quiet.setId("quiet-mode");
        quiet.setItems("off", "calendar", "window");
        quiet.setItemLabelGenerator(m -> getTranslation("notify.prefs.quiet." + m));
        quiet.setValue(current.quiet() == null ? "off" : current.quiet());

        TimePicker from = new TimePicker(getTranslation("notify.prefs.quietFrom"));
        from.setId("quiet-from");
        from.setStep(Duration.ofMinutes(30));
        TimePicker to = new TimePicker(getTranslation("notify.prefs.quietTo"));
        to.setId("quiet-to");
        to.setStep(Duration.ofMinutes(30));
        from.setValue(current.from() == null ? LocalTime.of(22, 0) : LocalTime.parse(current.from()));
        to.setValue(current.to() == null ? LocalTime.of(8, 0) : LocalTime.parse(current.to()));

        Select<String> calendar = new Select<>();
        calendar.setId("quiet-calendar");
        calendar.setLabel(getTranslation("notify.prefs.calendar"));
        List<String> keys = new ArrayList<>();
        keys.add("");
        all.forEach(c -> keys.add(c.key()));
        calendar.setItems(keys);
        calendar.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("notify.prefs.calendarDefault")
                : all.stream().filter(c -> c.key().equals(k)).findFirst()
                        .map(c -> (zh ? c.nameZh() : c.nameEn()) + " · " + c.zone().getId()).orElse(k));
        calendar.setValue(current.calendar() == null ? "" : current.calendar());

        Paragraph help = new Paragraph();
        help.addClassName("fd-hint");
        Runnable sync = () -> {
            boolean window = "window".equals(quiet.getValue());
            from.setVisible(window);
            to.setVisible(window);
            String key = calendar.getValue() == null || calendar.getValue().isEmpty() ? Calendars.DEFAULT_KEY
                    : calendar.getValue();
            String zone = all.stream().filter(c -> c.key().equals(key)).findFirst().map(c -> c.zone().getId())
                    .orElse("Asia/Shanghai");
            help.setText(getTranslation("notify.prefs.scheduleHelp", zone));
        };
        quiet.addValueChangeListener(e -> sync.run());
        calendar.addValueChangeListener(e -> sync.run());
        sync.run();

        Button save = new Button(getTranslation("notify.prefs.saveSchedule"), e -> {
            NotifyAdmin.Schedule body = new NotifyAdmin.Schedule(quiet.getValue(), text(from.getValue()),
                    text(to.getValue()), text(digestAt.getValue()), calendar.getValue());
            from.setInvalid(false);
            to.setInvalid(false);
            digestAt.setInvalid(false);
            try {
                Ui.await(() -> admin.setSchedule(user, body));
                Ui.success(Ui.text(Text.of("notify.prefs.scheduleSaved")));
            } catch (InvalidInput failure) {
                failure.errors().forEach(err -> {
                    TimePicker field = switch (err.pointer()) {
                        case "/from" -> from;
                        case "/to" -> to;
                        case "/digestAt" -> digestAt;
                        default -> null;
                    };
                    if (field != null) {
                        field.setErrorMessage(err.message(Ui.locale()));
                        field.setInvalid(true);
                    }
                });
                Ui.error(String.join("; ", failure.errors().stream().map(err -> err.message(Ui.locale())).toList()));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FlexLayout times = new FlexLayout(digestAt, calendar);
        times.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        times.getStyle().set("gap", "var(--lumo-space-m)");
        FlexLayout window = new FlexLayout(from, to);
        window.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        window.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("notify.prefs.schedule")), times, quiet,
                window, help, save);
        section.setPadding(false);
        section.setId("notification-schedule");
        section.setAlignItems(FlexComponent.Alignment.START);
        return section;
    }

    private static String text(LocalTime t) {
        return t == null ? null : t.toString().substring(0, 5);
    }
}
