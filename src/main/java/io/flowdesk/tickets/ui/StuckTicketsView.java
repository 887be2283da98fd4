package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.tickets.StuckTickets;
import io.flowdesk.tickets.StuckTickets.StuckTicket;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Admins see the tickets whose flow did not start (ADR 0041) with the engine's reason in words, and retry (on the
 * template's newest version) or cancel each. Data in, events out: the work is {@link StuckTickets}'.
 */
@Route(value = "admin/stuck-tickets", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class StuckTicketsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StuckTickets stuck;
    private final Grid<StuckTicket> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private CurrentUser user;

    public StuckTicketsView(StuckTickets stuck) {
        this.stuck = stuck;
        addClassName("fd-stuck-tickets");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("stuckview.notAllowed")));
            return;
        }
        add(new H2(getTranslation("stuckview.title")));
        Paragraph intro = new Paragraph(getTranslation("stuckview.intro"));
        intro.addClassName("fd-muted");
        add(intro);
        grid.setId("stuck-list");
        // the ticket, its reason and the actions come first, so a phone shows them without scrolling sideways
        grid.addComponentColumn(this::summary).setHeader(getTranslation("stuckview.number")).setWidth("18em")
                .setFlexGrow(3);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("stuckview.state." + t.engineState())).setHeader(
                getTranslation("stuckview.state")).setAutoWidth(true);
        grid.addColumn(StuckTicket::attempts).setHeader(getTranslation("stuckview.attempts")).setAutoWidth(true);
        grid.addColumn(StuckTicket::templateKey).setHeader(getTranslation("stuckview.template")).setAutoWidth(true);
        grid.addColumn(t -> t.createdAt() == null ? "" : WHEN.format(t.createdAt())).setHeader(
                getTranslation("stuckview.created")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("28em");
        add(grid, empty);
        refresh();
    }

    private Div summary(StuckTicket t) {
        Anchor number = new Anchor("tickets/" + t.number(), t.number());
        number.getStyle().set("font-weight", "600");
        Div title = new Div(t.title());
        Div reason = new Div(getTranslation("stuckview.reason") + ": " + (t.reason() == null ? "" : t.reason()));
        reason.addClassName("fd-muted");
        reason.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return new Div(number, title, reason);
    }

    private VerticalLayout actions(StuckTicket t) {
        Locale locale = Ui.locale();
        Button retry = new Button(getTranslation("stuckview.retry"), e -> act(() -> stuck.retry(user, t.number(),
                locale), "stuckview.retried", t.number()));
        retry.setId("stuck-retry-" + t.number());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("stuckview.cancel"), e -> confirmCancel(t));
        cancel.setId("stuck-cancel-" + t.number());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        VerticalLayout actions = new VerticalLayout(retry, cancel);
        actions.setPadding(false);
        actions.setSpacing(false);
        return actions;
    }

    private void confirmCancel(StuckTicket t) {
        Dialog dialog = new Dialog();
        dialog.setId("stuck-cancel-dialog");
        dialog.setHeaderTitle(getTranslation("stuckview.cancelConfirm.title", t.number()));
        dialog.add(new Paragraph(getTranslation("stuckview.cancelConfirm.text", t.number())));
        Button keep = new Button(getTranslation("stuckview.cancelConfirm.keep"), e -> dialog.close());
        keep.setId("stuck-cancel-keep");
        Button confirm = new Button(getTranslation("stuckview.cancel"), e -> {
            dialog.close();
            Locale locale = Ui.locale();
            act(() -> stuck.cancel(user, t.number(), locale), "stuckview.cancelled", t.number());
        });
        confirm.setId("stuck-cancel-yes");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(keep, confirm);
        dialog.open();
    }

    private void act(java.util.function.Supplier<io.smallrye.mutiny.Uni<StuckTicket>> action, String doneKey,
            String number) {
        try {
            Ui.await(action);
            Ui.success(getTranslation(doneKey, number));
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
        refresh();
    }

    private void refresh() {
        Locale locale = Ui.locale(); // read here: the call below runs off the UI thread
        List<StuckTicket> list = Ui.await(() -> stuck.list(user, locale));
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setText(list.isEmpty() ? getTranslation("stuckview.none") : "");
        empty.setVisible(list.isEmpty());
    }
}
