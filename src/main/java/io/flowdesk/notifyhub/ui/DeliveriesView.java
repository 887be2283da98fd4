package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.util.List;

/**
 * Admins read the delivery log per channel and status (reason, attempts, digest lead), replay failed deliveries, and
 * add or change department robots; a robot's URL and secret are write-only (never shown again).
 */
@Route(value = "admin/deliveries", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class DeliveriesView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> CHANNELS = List.of("", "email", "robot", "webhook");
    private static final List<String> STATUSES = List.of("", "pending", "sending", "sent", "retry", "failed",
            "suppressed");

    private final NotifyAdmin admin;
    private final Grid<NotifyAdmin.DeliveryView> log = new Grid<>();
    private final Grid<NotifyAdmin.RobotView> robots = new Grid<>();
    private final Select<String> channel = new Select<>();
    private final Select<String> status = new Select<>();
    private CurrentUser user;

    public DeliveriesView(NotifyAdmin admin) {
        this.admin = admin;
        addClassName("fd-deliveries");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("notify.view.notAllowed")));
            return;
        }
        add(new H2(getTranslation("notify.view.title")));
        channel.setId("delivery-channel");
        channel.setLabel(getTranslation("notify.view.channel"));
        channel.setItems(CHANNELS);
        channel.setItemLabelGenerator(c -> c.isEmpty() ? getTranslation("notify.view.all")
                : getTranslation("notify.channel." + c));
        channel.setValue("");
        status.setId("delivery-status");
        status.setLabel(getTranslation("notify.view.status"));
        status.setItems(STATUSES);
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("notify.view.all")
                : getTranslation("notify.status." + s));
        status.setValue("");
        channel.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(channel, status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        log.setId("delivery-log");
        log.addColumn(NotifyAdmin.DeliveryView::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        log.addColumn(d -> getTranslation("notify.channel." + d.channel())).setHeader(getTranslation(
                "notify.view.channel")).setAutoWidth(true);
        log.addColumn(NotifyAdmin.DeliveryView::recipient).setHeader(getTranslation("notify.view.recipient"))
                .setAutoWidth(true);
        log.addColumn(d -> getTranslation("notify.event." + NoticeEvents.of(d.kind())))
                .setHeader(getTranslation("notify.view.kind")).setAutoWidth(true);
        log.addColumn(d -> getTranslation("notify.status." + d.status())).setHeader(getTranslation(
                "notify.view.status")).setAutoWidth(true);
        log.addColumn(NotifyAdmin.DeliveryView::attempts).setHeader(getTranslation("notify.view.attempts"))
                .setAutoWidth(true);
        log.addColumn(d -> d.reason() == null ? "" : d.reason()).setHeader(getTranslation("notify.view.reason"))
                .setFlexGrow(1);
        log.addComponentColumn(d -> {
            if (!"failed".equals(d.status())) {
                return new Span();
            }
            Button replay = new Button(getTranslation("notify.view.replay"), e -> replay(d.id()));
            replay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            replay.addClassName("fd-replay");
            return replay;
        }).setAutoWidth(true);
        log.setHeight("24em");
        add(log);

        add(new H3(getTranslation("notify.view.robots")));
        robots.setId("robot-list");
        robots.addColumn(NotifyAdmin.RobotView::key).setHeader(getTranslation("notify.view.key")).setAutoWidth(true);
        robots.addColumn(NotifyAdmin.RobotView::department).setHeader(getTranslation("notify.view.department"))
                .setAutoWidth(true);
        robots.addColumn(r -> getTranslation("notify.vendor." + r.vendor())).setHeader(getTranslation(
                "notify.view.vendor")).setAutoWidth(true);
        robots.addColumn(r -> String.join(", ", r.events())).setHeader(getTranslation("notify.view.events"));
        robots.addColumn(r -> r.hasSecret() ? getTranslation("notify.view.secretSet") : "")
                .setHeader(getTranslation("notify.view.secret")).setAutoWidth(true);
        robots.setAllRowsVisible(true);
        add(robots, robotForm());
        refresh();
    }

    private HorizontalLayout robotForm() {
        TextField key = new TextField(getTranslation("notify.view.key"));
        key.setId("robot-key");
        TextField department = new TextField(getTranslation("notify.view.department"));
        department.setId("robot-department");
        Select<String> vendor = new Select<>();
        vendor.setId("robot-vendor");
        vendor.setLabel(getTranslation("notify.view.vendor"));
        vendor.setItems(List.of("wecom", "dingtalk", "feishu"));
        vendor.setItemLabelGenerator(v -> getTranslation("notify.vendor." + v));
        vendor.setValue("wecom");
        TextField url = new TextField(getTranslation("notify.view.url"));
        url.setId("robot-url");
        PasswordField secret = new PasswordField(getTranslation("notify.view.secret"));
        secret.setId("robot-secret");
        secret.setRevealButtonVisible(false);
        Button save = new Button(getTranslation("notify.view.saveRobot"), e -> {
            try {
                Ui.await(() -> admin.saveRobot(user, new NotifyAdmin.RobotRequest(key.getValue().trim(),
                        department.getValue().trim(), vendor.getValue(), url.getValue(), secret.getValue(),
                        NoticeEvents.ALL, UiSession.localeTag().startsWith("zh") ? "zh-CN" : "en", true)));
                url.clear();
                secret.clear();
                refresh();
                Ui.success(Ui.text(Text.of("notify.view.saved")));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("robot-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(key, department, vendor, url, secret, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void replay(long id) {
        try {
            Ui.await(() -> admin.replay(user, id));
            refresh();
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    private void refresh() {
        log.setItems(Ui.await(() -> admin.deliveries(user, channel.getValue(), status.getValue(), 200)));
        robots.setItems(Ui.await(() -> admin.robots(user)));
    }
}
