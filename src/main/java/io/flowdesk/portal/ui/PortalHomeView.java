package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.CustomerPage;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.TicketSummary;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** My tickets, as cards that read well on a phone. */
@Route(value = "portal", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class PortalHomeView extends VerticalLayout implements CustomerPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    public PortalHomeView(TicketService tickets) {
        CurrentUser user = UiSession.user().orElseThrow();
        addClassName("fd-portal-home");
        setPadding(false);
        Button create = new Button(getTranslation("portal.newTicket"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("portal/new")));
        create.setId("portal-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setWidthFull();
        add(new H1(getTranslation("portal.myTickets")), create);
        var page = Ui.await(() -> tickets.list(user, null, null, null, 0, 100));
        if (page.items().isEmpty()) {
            add(new Span(getTranslation("home.tickets.empty")));
        }
        for (TicketSummary t : page.items()) {
            Div card = new Div();
            card.addClassName("fd-card");
            Anchor link = new Anchor("portal/tickets/" + t.number(), t.number() + " · " + t.title());
            link.setId("my-" + t.number());
            Span status = new Span(getTranslation("status." + t.status()));
            status.addClassName("fd-status");
            status.addClassName("fd-status-" + t.status());
            Span updated = new Span(getTranslation("home.col.updated") + " " + TIME.format(t.updatedAt()
                    .atZoneSameInstant(ZoneId.systemDefault())));
            updated.addClassName("fd-muted");
            card.add(link, new Div(status, updated));
            add(card);
        }
    }
}
