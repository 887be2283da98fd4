package io.flowdesk.routing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.routing.Availability;
import io.flowdesk.routing.RoutingService;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The availability switch in the header (everyone who works tasks) and the board in the navigation (supervisors). */
@ApplicationScoped
public class RoutingShell implements ShellContribution {

    @Inject
    RoutingService routing;

    static boolean works(CurrentUser user) {
        return user.has(Role.AGENT) || user.has(Role.STAFF) || user.has(Role.SUPERVISOR);
    }

    static boolean supervises(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    @Override
    public List<Component> header() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !works(user)) {
            return List.of();
        }
        Select<Availability> select = new Select<>();
        select.setId("availability");
        select.addClassName("fd-availability");
        select.setItems(Availability.values());
        select.setItemLabelGenerator(a -> Ui.text(Text.of("routing.status." + a.id())));
        select.setAriaLabel(Ui.text(Text.of("routing.header.label")));
        select.setTooltipText(Ui.text(Text.of("routing.header.label")));
        String current = Ui.await(() -> routing.availability(user)).status();
        select.setValue(Availability.of(current));
        mark(select, select.getValue());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                Ui.await(() -> routing.setAvailability(user, e.getValue().id()));
                mark(select, e.getValue());
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
                select.setValue(e.getOldValue());
            }
        });
        return List.of(select);
    }

    private static void mark(Select<Availability> select, Availability status) {
        for (Availability a : Availability.values()) {
            select.removeClassName("fd-status-" + a.id());
        }
        if (status != null) {
            select.addClassName("fd-status-" + status.id());
        }
    }

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !supervises(user)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("routing.nav.board")), "routing/board",
                VaadinIcon.USERS.create()));
    }
}
