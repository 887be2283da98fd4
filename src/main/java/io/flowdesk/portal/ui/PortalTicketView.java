package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.CustomerPage;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.ui.AttachmentsPanel;
import io.flowdesk.tickets.ui.TimelinePanel;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One of my tickets: status, public timeline, reply, attachments, then rating or reopening. */
@Route(value = "portal/tickets/:number", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class PortalTicketView extends VerticalLayout implements CustomerPage, BeforeEnterObserver {

    private final TicketService tickets;
    private final CollaborationService collaboration;
    private final AttachmentService attachments;
    private final CurrentUser user;
    private final int reopenDays;
    private String number;

    @Inject
    public PortalTicketView(TicketService tickets, CollaborationService collaboration, AttachmentService attachments,
            @ConfigProperty(name = "flowdesk.portal.reopen-days", defaultValue = "7") int reopenDays) {
        this.tickets = tickets;
        this.collaboration = collaboration;
        this.attachments = attachments;
        this.user = UiSession.user().orElseThrow();
        this.reopenDays = reopenDays;
        addClassName("fd-portal-ticket");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get("number").orElse("");
        render();
    }

    private void render() {
        removeAll();
        TicketDetails ticket;
        try {
            ticket = Ui.await(() -> tickets.get(user, number));
        } catch (NotFound e) {
            add(new H1(getTranslation("ticket.notFound", number)));
            return;
        }
        H1 title = new H1(ticket.number());
        title.setId("portal-ticket-number");
        Span status = new Span(getTranslation("status." + ticket.status()));
        status.addClassName("fd-status");
        status.addClassName("fd-status-" + ticket.status());
        status.setId("portal-status");
        add(title, new Paragraph(ticket.title()), status);

        boolean resolved = TicketStatus.RESOLVED.equals(ticket.status()) || TicketStatus.CLOSED.equals(ticket.status());
        if (resolved) {
            add(ratingBox(ticket));
        }

        TextArea reply = new TextArea(getTranslation("portal.reply"));
        reply.setWidthFull();
        reply.setId("portal-reply");
        Button send = new Button(getTranslation("ticket.reply"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> collaboration.post(user, number, reply.getValue(), false)))) {
                render();
            }
        });
        send.setId("portal-reply-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reply, send);
        add(new H3(getTranslation("ticket.attachments")), new AttachmentsPanel(attachments, user, number));
        add(new H3(getTranslation("ticket.timeline")), new TimelinePanel(Ui.await(() -> tickets.timeline(user,
                number))));
    }

    private Div ratingBox(TicketDetails ticket) {
        Div box = new Div();
        box.addClassName("fd-card");
        box.setId("csat");
        var rating = Ui.await(() -> tickets.rating(user, number));
        if (rating != null) {
            Span done = new Span(getTranslation("portal.rated", rating.rating()));
            done.setId("csat-done");
            box.add(done);
        } else {
            box.add(new H3(getTranslation("portal.rate")));
            RadioButtonGroup<Integer> stars = new RadioButtonGroup<>();
            stars.setItems(1, 2, 3, 4, 5);
            stars.setItemLabelGenerator(n -> "★".repeat(n));
            stars.setId("csat-rating");
            TextArea comment = new TextArea(getTranslation("portal.rate.comment"));
            comment.setId("csat-comment");
            comment.setWidthFull();
            Button rate = new Button(getTranslation("portal.rate.submit"), e -> {
                if (stars.getValue() == null) {
                    stars.setInvalid(true);
                    stars.setErrorMessage(getTranslation("portal.rate.choose"));
                    return;
                }
                if (Ui.attempt(() -> Ui.await(() -> tickets.rate(user, number, stars.getValue(),
                        comment.getValue())))) {
                    render();
                }
            });
            rate.setId("csat-submit");
            rate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(stars, comment, rate);
        }
        if (ticket.resolvedAt() != null && ticket.resolvedAt().isAfter(java.time.OffsetDateTime.now()
                .minusDays(reopenDays))) {
            TextArea reason = new TextArea(getTranslation("portal.reopen.reason"));
            reason.setId("reopen-reason");
            reason.setWidthFull();
            Button reopen = new Button(getTranslation("portal.reopen"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> tickets.reopen(user, number, reason.getValue(), reopenDays)))) {
                    render();
                }
            });
            reopen.setId("reopen");
            box.add(new Paragraph(getTranslation("portal.reopen.explain", reopenDays)), reason, reopen);
        }
        return box;
    }
}
