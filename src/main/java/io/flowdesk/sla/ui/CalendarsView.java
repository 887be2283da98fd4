package io.flowdesk.sla.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarAdmin;
import io.flowdesk.sla.Calendars;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** Admins edit business calendars: zone, ranges per weekday, holidays, make-up days; load China's schedule, .ics. */
@Route(value = "admin/calendars", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class CalendarsView extends VerticalLayout implements BeforeEnterObserver {

    private final Calendars calendars;
    private final CalendarAdmin admin;
    private final Select<BusinessCalendar> chooser = new Select<>();
    private CalendarForm form;
    private CurrentUser user;
    private boolean isNew;

    public CalendarsView(Calendars calendars, CalendarAdmin admin) {
        this.calendars = calendars;
        this.admin = admin;
        addClassName("fd-calendars");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("calendar.view.notAllowed")));
            return;
        }
        form = new CalendarForm();
        chooser.setId("calendar-select");
        chooser.setWidth("min(100%, 24em)");
        chooser.setLabel(getTranslation("calendar.view.choose"));
        chooser.setItemLabelGenerator(c -> (UiSession.localeTag().startsWith("zh") ? c.nameZh() : c.nameEn())
                + " (" + c.key() + ")");
        chooser.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(e.getValue(), false);
            }
        });
        Button create = new Button(getTranslation("calendar.view.new"), VaadinIcon.PLUS.create(), e -> newCalendar());
        create.setId("calendar-new");
        add(new H2(getTranslation("calendar.view.title")), row(chooser, create), form, actions(),
                new CalendarTryIt(this::current));
        reload(Calendars.DEFAULT_KEY);
    }

    private FlexLayout actions() {
        Button save = new Button(getTranslation("calendar.view.save"), e -> save());
        save.setId("calendar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button china = new Button(getTranslation("calendar.view.loadChina"), VaadinIcon.FLAG.create(),
                e -> loadChina());
        china.setId("calendar-china");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> importIcs(new String(bytes,
                StandardCharsets.UTF_8))));
        upload.setAcceptedFileTypes(".ics", "text/calendar");
        upload.setMaxFileSize(2 * 1024 * 1024);
        upload.setUploadButton(new Button(getTranslation("calendar.view.importIcs"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("calendar.view.importIcsHint")));
        upload.setId("calendar-ics");
        return row(save, china, upload);
    }

    private void reload(String select) {
        List<BusinessCalendar> all = Ui.await(calendars::list);
        chooser.setItems(all);
        all.stream().filter(c -> c.key().equals(select)).findFirst().or(() -> all.stream().findFirst())
                .ifPresent(c -> show(c, false));
    }

    private void show(BusinessCalendar c, boolean fresh) {
        isNew = fresh;
        if (!fresh) {
            chooser.setValue(c);
        }
        form.show(c, fresh);
    }

    private void newCalendar() {
        chooser.clear();
        show(BusinessCalendar.builder("", ZoneId.of("Asia/Shanghai")).names("", "").weekdays("09:00-18:00").build(),
                true);
    }

    /** The calendar as the form shows it now, or null after showing why not. */
    private BusinessCalendar current() {
        try {
            BusinessCalendar c = form.input().toCalendar(form.keyValue().isEmpty() ? "draft" : form.keyValue());
            form.showErrors(List.of());
            return c;
        } catch (InvalidInput e) {
            showProblems(e);
            return null;
        }
    }

    private boolean save() {
        String key = form.keyValue();
        try {
            Ui.await(() -> admin.save(user, key, form.input()));
        } catch (InvalidInput e) {
            showProblems(e);
            return false;
        } catch (FlowDeskException e) {
            Ui.error(Ui.text(e.text()));
            return false;
        }
        Ui.success(getTranslation("calendar.view.saved", key));
        reload(key);
        return true;
    }

    private void loadChina() {
        if (isNew && !save()) {
            return;
        }
        String key = form.keyValue();
        merged(() -> Ui.await(() -> admin.loadChinaSchedule(user, key)), "calendar.view.chinaLoaded");
    }

    private void importIcs(String text) {
        if (isNew && !save()) {
            return;
        }
        String key = form.keyValue();
        merged(() -> Ui.await(() -> admin.importIcs(user, key, text)), "calendar.view.icsImported");
    }

    private void merged(Supplier<CalendarAdmin.Merge> call, String messageKey) {
        try {
            CalendarAdmin.Merge merge = call.get();
            Ui.success(getTranslation(messageKey, merge.holidays(), merge.makeUpDays()));
            reload(merge.calendar().key());
        } catch (InvalidInput e) {
            showProblems(e);
        } catch (FlowDeskException e) {
            Ui.error(Ui.text(e.text()));
        }
    }

    private void showProblems(InvalidInput e) {
        List<FieldError> rest = form.showErrors(e.errors());
        Ui.error(rest.isEmpty() ? getTranslation("calendar.view.fix") : Ui.text(rest.get(0).text()));
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }
}
