package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.notify.DeliveryReasons;
import io.flowdesk.notify.NoticeEvents;
import io.flowdesk.notify.NotifyAdmin;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.util.List;

/**
 * Admins read the delivery log per channel and status (status and reason in words, attempts, digest lead) and replay
 * failed deliveries; robots, webhook endpoints and caps are set up in {@link NotifySetupView}.
 */
@Route(value = "admin/deliveries", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class DeliveriesView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> CHANNELS = List.of("", "email", "robot", "webhook");
    private static final List<String> STATUSES = List.of("", "pending", "sending", "sent", "retry", "failed",
            "suppressed", "held");

    private final NotifyAdmin admin;
    private final Grid<NotifyAdmin.DeliveryView> log = new Grid<>();
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
        log.addColumn(d -> getTranslation(d.kind() != null && d.kind().matches("DIGEST|SUMMARY|TEST")
                ? "notify.kind." + d.kind().toLowerCase() : "notify.event." + NoticeEvents.of(d.kind())))
                .setHeader(getTranslation("notify.view.kind")).setAutoWidth(true);
        log.addColumn(d -> getTranslation("notify.status." + d.status())).setHeader(getTranslation(
                "notify.view.status")).setAutoWidth(true);
        log.addColumn(NotifyAdmin.DeliveryView::attempts).setHeader(getTranslation("notify.view.attempts"))
                .setAutoWidth(true);
        log.addColumn(d -> Ui.text(DeliveryReasons.text(d.reason()))).setHeader(getTranslation("notify.view.reason"))
                .setTooltipGenerator(d -> Ui.text(DeliveryReasons.text(d.reason()))).setWidth("18em").setFlexGrow(3);
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

        com.vaadin.flow.router.RouterLink setup = new com.vaadin.flow.router.RouterLink(
                getTranslation("notify.view.setup"), NotifySetupView.class);
        setup.setId("delivery-setup-link");
        add(setup);
        refresh();
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
    }
}
