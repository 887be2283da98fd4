package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.notify.NoticeEvents;
import io.flowdesk.notify.NotifyAdmin;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Admins set up notifications (ADR 0028): the defaults everyone inherits, the per-recipient cap, the department
 * robots and the outbound webhook endpoints (list, add, edit, disable, delete, send a test). URLs and secrets are
 * write-only: a stored one shows as "••• set" and an empty field on save keeps it.
 */
@Route(value = "admin/notify", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class NotifySetupView extends VerticalLayout implements BeforeEnterObserver {

    private final NotifyAdmin admin;
    private final FlexLayout robots = new FlexLayout();
    private final FlexLayout endpoints = new FlexLayout();
    private final VerticalLayout robotForm = new VerticalLayout();
    private final VerticalLayout endpointForm = new VerticalLayout();
    private CurrentUser user;
    private List<NotifyAdmin.Department> departments = List.of();

    public NotifySetupView(NotifyAdmin admin) {
        this.admin = admin;
        addClassName("fd-notify-setup");
        setMaxWidth("72em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("notify.admin.notAllowed")));
            return;
        }
        departments = Ui.await(() -> admin.departments(user));
        add(new H2(getTranslation("notify.admin.title")));

        add(new H3(getTranslation("notify.admin.robots")));
        robots.setId("robot-list");
        cards(robots);
        Button addRobot = new Button(getTranslation("notify.admin.newRobot"), e -> editRobot(null));
        addRobot.setId("robot-add");
        robotForm.setVisible(false);
        robotForm.setPadding(false);
        add(robots, addRobot, robotForm);

        add(new H3(getTranslation("notify.admin.endpoints")));
        endpoints.setId("endpoint-list");
        cards(endpoints);
        Button addEndpoint = new Button(getTranslation("notify.admin.newEndpoint"), e -> editEndpoint(null));
        addEndpoint.setId("endpoint-add");
        endpointForm.setVisible(false);
        endpointForm.setPadding(false);
        add(endpoints, addEndpoint, endpointForm);

        add(new H3(getTranslation("notify.admin.caps")), caps());

        add(new H3(getTranslation("notify.admin.defaults")));
        add(new Paragraph(getTranslation("notify.prefs.defaultsHelp")));
        add(new PreferenceEditor(admin, user, "*"));
        refresh();
    }

    private Component actions(String kind, String key, boolean enabled, Runnable edit, Runnable test,
            Consumer<Boolean> toggle, Runnable delete) {
        Button editButton = small(getTranslation("notify.admin.edit"), e -> edit.run());
        editButton.setId(kind + "-edit-" + key);
        Button testButton = small(getTranslation("notify.admin.test"), e -> act(() -> {
            test.run();
            Ui.success(getTranslation("notify.admin.testQueued"));
        }));
        testButton.setId(kind + "-test-" + key);
        Button toggleButton = small(getTranslation(enabled ? "notify.admin.disable" : "notify.admin.enable"),
                e -> act(() -> toggle.accept(!enabled)));
        toggleButton.setId(kind + "-toggle-" + key);
        Button deleteButton = small(getTranslation("notify.admin.delete"), e -> confirmDelete(key, delete));
        deleteButton.setId(kind + "-delete-" + key);
        deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(editButton, testButton, toggleButton, deleteButton);
        row.setSpacing(false);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private static Button small(String label, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button b = new Button(label, listener);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void confirmDelete(String key, Runnable delete) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-delete");
        dialog.add(new Paragraph(getTranslation("notify.admin.deleteConfirm", key)));
        Button yes = new Button(getTranslation("notify.admin.delete"), e -> {
            dialog.close();
            act(() -> {
                delete.run();
                Ui.success(getTranslation("notify.admin.deleted"));
            });
        });
        yes.setId("confirm-delete-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("notify.admin.cancel"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void editRobot(NotifyAdmin.RobotView existing) {
        robotForm.removeAll();
        robotForm.setVisible(true);
        robotForm.add(new H4(existing == null ? getTranslation("notify.admin.newRobot")
                : getTranslation("notify.admin.editing", existing.key())));
        TextField key = new TextField(getTranslation("notify.view.key"));
        key.setId("robot-key");
        Select<String> department = new Select<>();
        department.setId("robot-department");
        department.setLabel(getTranslation("notify.view.department"));
        department.setItems(departments.stream().map(NotifyAdmin.Department::key).toList());
        department.setItemLabelGenerator(this::departmentName);
        Select<String> vendor = new Select<>();
        vendor.setId("robot-vendor");
        vendor.setLabel(getTranslation("notify.view.vendor"));
        vendor.setItems(List.of("wecom", "dingtalk", "feishu"));
        vendor.setItemLabelGenerator(v -> getTranslation("notify.vendor." + v));
        PasswordField url = new PasswordField(getTranslation("notify.view.url"));
        url.setId("robot-url");
        url.setRevealButtonVisible(false);
        PasswordField secret = new PasswordField(getTranslation("notify.view.secret"));
        secret.setId("robot-secret");
        secret.setRevealButtonVisible(false);
        MultiSelectComboBox<String> events = new MultiSelectComboBox<>(getTranslation("notify.view.events"));
        events.setId("robot-events");
        List<String> choices = new java.util.ArrayList<>();
        choices.add("*");
        choices.addAll(NoticeEvents.ALL);
        events.setItems(choices);
        events.setItemLabelGenerator(ev -> "*".equals(ev) ? getTranslation("notify.admin.allEvents")
                : getTranslation("notify.event." + ev));
        Select<String> locale = new Select<>();
        locale.setId("robot-locale");
        locale.setLabel(getTranslation("notify.admin.language"));
        locale.setItems("zh-CN", "en");
        locale.setItemLabelGenerator(l -> getTranslation(l.equals("en") ? "notify.lang.en" : "notify.lang.zh"));
        Checkbox enabled = new Checkbox(getTranslation("notify.admin.enabled"));
        enabled.setId("robot-enabled");
        if (existing == null) {
            vendor.setValue("dingtalk");
            events.setValue(new LinkedHashSet<>(List.of("*")));
            locale.setValue(UiSession.localeTag().startsWith("zh") ? "zh-CN" : "en");
            enabled.setValue(true);
            if (!departments.isEmpty()) {
                department.setValue(departments.get(0).key());
            }
        } else {
            key.setValue(existing.key());
            key.setReadOnly(true);
            department.setValue(existing.department());
            vendor.setValue(existing.vendor());
            events.setValue(new LinkedHashSet<>(existing.events()));
            locale.setValue("en".equals(existing.locale()) ? "en" : "zh-CN");
            enabled.setValue(existing.enabled());
            url.setPlaceholder(getTranslation("notify.admin.secretSet"));
            url.setHelperText(getTranslation("notify.admin.keepHint"));
            if (existing.hasSecret()) {
                secret.setPlaceholder(getTranslation("notify.admin.secretSet"));
                secret.setHelperText(getTranslation("notify.admin.keepHint"));
            }
        }
        Button save = new Button(getTranslation("notify.admin.save"), e -> {
            try {
                Ui.await(() -> admin.saveRobot(user, new NotifyAdmin.RobotRequest(key.getValue().trim(),
                        department.getValue(), vendor.getValue(), url.getValue(), secret.getValue(),
                        List.copyOf(events.getValue()), locale.getValue(), enabled.getValue())));
                robotForm.setVisible(false);
                refresh();
                Ui.success(getTranslation("notify.view.saved"));
            } catch (InvalidInput failure) {
                Ui.error(fieldErrors(failure));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("robot-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("notify.admin.cancel"), e -> robotForm.setVisible(false));
        robotForm.add(wrap(key, department, vendor, locale), wrap(url, secret), wrap(events, enabled),
                new HorizontalLayout(save, cancel));
        events.setWidth("24em");
        url.setWidth("24em");
    }

    private void editEndpoint(NotifyAdmin.EndpointView existing) {
        endpointForm.removeAll();
        endpointForm.setVisible(true);
        endpointForm.add(new H4(existing == null ? getTranslation("notify.admin.newEndpoint")
                : getTranslation("notify.admin.editing", existing.key())));
        TextField key = new TextField(getTranslation("notify.view.key"));
        key.setId("endpoint-key");
        PasswordField url = new PasswordField(getTranslation("notify.view.url"));
        url.setId("endpoint-url");
        url.setRevealButtonVisible(false);
        url.setWidth("24em");
        PasswordField secret = new PasswordField(getTranslation("notify.view.secret"));
        secret.setId("endpoint-secret");
        secret.setRevealButtonVisible(false);
        TextField events = new TextField(getTranslation("notify.view.events"));
        events.setId("endpoint-events");
        events.setHelperText(getTranslation("notify.admin.eventsHelp"));
        events.setWidth("24em");
        Checkbox enabled = new Checkbox(getTranslation("notify.admin.enabled"));
        enabled.setId("endpoint-enabled");
        if (existing == null) {
            events.setValue("*");
            enabled.setValue(true);
        } else {
            key.setValue(existing.key());
            key.setReadOnly(true);
            events.setValue(String.join(", ", existing.events()));
            enabled.setValue(existing.enabled());
            for (PasswordField f : List.of(url, secret)) {
                f.setPlaceholder(getTranslation("notify.admin.secretSet"));
                f.setHelperText(getTranslation("notify.admin.keepHint"));
            }
        }
        Button save = new Button(getTranslation("notify.admin.save"), e -> {
            List<String> kinds = Arrays.stream(events.getValue().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            try {
                Ui.await(() -> admin.saveEndpoint(user, new NotifyAdmin.EndpointRequest(key.getValue().trim(),
                        url.getValue(), secret.getValue(), kinds, enabled.getValue())));
                endpointForm.setVisible(false);
                refresh();
                Ui.success(getTranslation("notify.view.saved"));
            } catch (InvalidInput failure) {
                Ui.error(fieldErrors(failure));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("endpoint-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("notify.admin.cancel"), e -> endpointForm.setVisible(false));
        endpointForm.add(wrap(key, url, secret), wrap(events, enabled), new HorizontalLayout(save, cancel));
    }

    private Component caps() {
        NotifyAdmin.CapView cap = Ui.await(() -> admin.caps(user)).stream().filter(c -> "email".equals(c.channel()))
                .findFirst().orElse(new NotifyAdmin.CapView("email", 30, 10));
        IntegerField max = new IntegerField(getTranslation("notify.admin.capMax"));
        max.setId("cap-max");
        max.setValue(cap.max());
        max.setMin(1);
        IntegerField minutes = new IntegerField(getTranslation("notify.admin.capMinutes"));
        minutes.setId("cap-minutes");
        minutes.setValue(cap.minutes());
        minutes.setMin(1);
        Button save = new Button(getTranslation("notify.admin.saveCap"), e -> {
            try {
                Ui.await(() -> admin.setCap(user, new NotifyAdmin.CapView("email",
                        max.getValue() == null ? 0 : max.getValue(), minutes.getValue() == null ? 0 : minutes.getValue())));
                Ui.success(getTranslation("notify.admin.capSaved"));
            } catch (InvalidInput failure) {
                Ui.error(fieldErrors(failure));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("cap-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout row = wrap(max, minutes, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout box = new VerticalLayout(new Paragraph(getTranslation("notify.admin.capsHelp")), row);
        box.setPadding(false);
        return box;
    }

    private static FlexLayout wrap(Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private String fieldErrors(InvalidInput failure) {
        return failure.errors().isEmpty() ? Ui.message(failure)
                : String.join("; ", failure.errors().stream().map(err -> err.message(Ui.locale())).toList());
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    private String events(List<String> events) {
        return String.join(", ", events.stream().map(ev -> "*".equals(ev) ? getTranslation("notify.admin.allEvents")
                : getTranslation("notify.event." + ev)).toList());
    }

    private String departmentName(String key) {
        boolean zh = UiSession.localeTag().startsWith("zh");
        return departments.stream().filter(d -> d.key().equals(key)).findFirst()
                .map(d -> zh ? d.nameZh() : d.nameEn()).orElse(key);
    }

    private void refresh() {
        robots.removeAll();
        for (NotifyAdmin.RobotView r : Ui.await(() -> admin.robots(user))) {
            robots.add(card(r.key(), r.enabled(), List.of(departmentName(r.department()) + " · "
                    + getTranslation("notify.vendor." + r.vendor()), getTranslation("notify.view.events") + ": "
                    + events(r.events()), getTranslation("notify.view.secret") + ": " + (r.hasSecret()
                            ? getTranslation("notify.admin.secretSet") : "—")),
                    actions("robot", r.key(), r.enabled(), () -> editRobot(r),
                            () -> Ui.await(() -> admin.testRobot(user, r.key())),
                            on -> Ui.await(() -> admin.saveRobot(user, new NotifyAdmin.RobotRequest(r.key(),
                                    r.department(), r.vendor(), null, null, r.events(), r.locale(), on))),
                            () -> Ui.await(() -> admin.deleteRobot(user, r.key())))));
        }
        if (robots.getComponentCount() == 0) {
            robots.add(new Span(getTranslation("notify.admin.empty")));
        }
        endpoints.removeAll();
        for (NotifyAdmin.EndpointView ep : Ui.await(() -> admin.endpoints(user))) {
            endpoints.add(card(ep.key(), ep.enabled(), List.of(getTranslation("notify.view.events") + ": "
                    + String.join(", ", ep.events()), getTranslation("notify.view.secret") + ": "
                            + getTranslation("notify.admin.secretSet")),
                    actions("endpoint", ep.key(), ep.enabled(), () -> editEndpoint(ep),
                            () -> Ui.await(() -> admin.testEndpoint(user, ep.key())),
                            on -> Ui.await(() -> admin.saveEndpoint(user, new NotifyAdmin.EndpointRequest(ep.key(),
                                    null, null, ep.events(), on))),
                            () -> Ui.await(() -> admin.deleteEndpoint(user, ep.key())))));
        }
        if (endpoints.getComponentCount() == 0) {
            endpoints.add(new Span(getTranslation("notify.admin.empty")));
        }
    }

    /** One robot or endpoint as a card (readable at phone width): key and state, facts, actions. */
    private Component card(String key, boolean enabled, List<String> lines, Component actions) {
        Span title = new Span(key);
        title.getStyle().set("font-weight", "600");
        Span state = new Span(getTranslation(enabled ? "notify.admin.state.on" : "notify.admin.state.off"));
        state.getElement().getThemeList().add(enabled ? "badge success" : "badge contrast");
        HorizontalLayout head = new HorizontalLayout(title, state);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout card = new VerticalLayout(head);
        for (String line : lines) {
            Span fact = new Span(line);
            fact.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            card.add(fact);
        }
        card.add(actions);
        card.setSpacing(false);
        card.addClassName("fd-notify-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius",
                "var(--lumo-border-radius-l)").set("flex", "1 1 20em").set("max-width", "32em")
                .set("box-sizing", "border-box");
        return card;
    }

    private static void cards(FlexLayout list) {
        list.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        list.setWidthFull();
        list.getStyle().set("gap", "var(--lumo-space-m)");
    }
}
