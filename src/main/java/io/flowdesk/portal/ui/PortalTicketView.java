package io.flowdesk.portal.ui;

import io.flowdesk.shared.FlowClock;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.forms.FormService;
import io.flowdesk.forms.ui.FormRenderer;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.CustomerPage;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.TaskView;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.ui.AttachmentsPanel;
import io.flowdesk.tickets.ui.TimelinePanel;
import io.flowdesk.shared.ui.Countdown;
import io.flowdesk.sla.SlaService;
import io.flowdesk.sla.SlaTarget;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Optional;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One of my tickets: a way back to my tickets, a summary (type, status, current step, last update, what I
 * submitted), reply, attachments, the public timeline, then rating or reopening.
 */
@Route(value = "portal/tickets/:number", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class PortalTicketView extends VerticalLayout implements CustomerPage, BeforeEnterObserver {

    private final TicketService tickets;
    private final CollaborationService collaboration;
    private final AttachmentService attachments;
    private final TemplateService templates;
    private final FormService forms;
    private final CurrentUser user;
    private final SlaService sla;
    private final int reopenDays;
    private String number;

    @Inject
    public PortalTicketView(TicketService tickets, CollaborationService collaboration, AttachmentService attachments,
            TemplateService templates, FormService forms, SlaService sla, @ConfigProperty(name = "flowdesk.portal.reopen-days", defaultValue = "7") int reopenDays) {
        this.tickets = tickets;
        this.collaboration = collaboration;
        this.attachments = attachments;
        this.templates = templates;
        this.forms = forms;
        this.user = UiSession.user().orElseThrow();
        this.reopenDays = reopenDays;
        this.sla = sla;
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
        RouterLink back = new RouterLink("", PortalHomeView.class);
        back.add(VaadinIcon.ARROW_LEFT.create(), new Span(getTranslation("portal.back")));
        back.setId("portal-back");
        back.addClassName("fd-portal-back");
        add(back);
        TicketDetails ticket;
        try {
            ticket = Ui.await(() -> tickets.get(user, number));
        } catch (NotFound e) {
            add(new H1(getTranslation("ticket.notFound", number)));
            return;
        }
        H1 title = new H1(ticket.number());
        title.setId("portal-ticket-number");
        add(title, new Paragraph(ticket.title()), summary(ticket));

        boolean resolved = TicketStatus.RESOLVED.equals(ticket.status()) || TicketStatus.CLOSED.equals(ticket.status());
        if (resolved) {
            add(ratingBox(ticket));
        }

        TextArea reply = new TextArea(getTranslation("portal.reply"));
        reply.setWidthFull();
        reply.setId("portal-reply");
        Button send = new Button(getTranslation("portal.send"), e -> {
            if (reply.getValue() == null || reply.getValue().isBlank()) {
                reply.setErrorMessage(getTranslation("portal.reply.empty"));
                reply.setInvalid(true);
                return;
            }
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Where the ticket stands, for its customer: type, status, current step, dates, when to expect an answer and
     * what they submitted.
     */
    private Div summary(TicketDetails ticket) {
        String locale = UiSession.localeTag();
        PublishedTemplate template = Ui.await(() -> templates.version(ticket.type(), ticket.templateVersion()));
        Div card = new Div();
        card.addClassName("fd-card");
        card.addClassName("fd-portal-summary");
        card.setId("portal-summary");
        card.add(new H3(getTranslation("portal.summary.title")));
        Div list = new Div();
        list.addClassName("fd-facts");
        list.add(fact("summary-type", "portal.summary.type", new Span(template.name(locale))));
        Span status = new Span(getTranslation("status." + ticket.status()));
        status.addClassName("fd-status");
        status.addClassName("fd-status-" + ticket.status());
        status.setId("portal-status");
        list.add(fact("summary-status", "portal.summary.status", status));
        boolean finished = TicketStatus.RESOLVED.equals(ticket.status()) || TicketStatus.CLOSED.equals(ticket.status());
        String steps = ticket.openTasks().stream().map(t -> stepName(t, locale)).distinct()
                .collect(Collectors.joining(locale.equals("en") ? ", " : "、"));
        if (!finished && !steps.isBlank()) {
            list.add(fact("summary-step", "portal.summary.step", new Span(steps)));
        }
        list.add(fact("summary-created", "portal.summary.created", new Span(time(ticket.createdAt()))));
        list.add(fact("summary-updated", "portal.summary.updated", new Span(time(ticket.updatedAt()))));
        card.add(list);
        if (!finished) {
            card.add(expect(ticket));
        }
        if (template.startForm() != null && ticket.data() != null) {
            FormDefinition start = Ui.await(() -> forms.get(template.startForm().key(), template.startForm().version()));
            FormRenderer submitted = new FormRenderer(start.schema(), locale, true);
            submitted.setValue(ticket.data());
            H4 heading = new H4(getTranslation("portal.summary.submitted"));
            Div box = new Div(heading, submitted);
            box.addClassName("fd-portal-submitted");
            box.setId("portal-submitted");
            card.add(box);
        }
        return card;
    }

    /**
     * When the customer may expect an answer: the open first or next response target (never internal targets such
     * as resolution or step targets); without one the card says that the team answers as soon as it can.
     */
    private static final String MARK = "@@due@@";

    private Paragraph expect(TicketDetails ticket) {
        long id = Ui.await(() -> tickets.id(user, number));
        Optional<SlaTarget> response = Ui.await(() -> sla.targets(id)).stream()
                .filter(t -> "FIRST_RESPONSE".equals(t.target()) || "NEXT_RESPONSE".equals(t.target()))
                .filter(t -> t.dueAt() != null && !"MET".equals(t.state()))
                .min(Comparator.comparing(SlaTarget::dueAt));
        Paragraph expect = new Paragraph();
        expect.setId("summary-expect");
        if (response.isEmpty()) {
            expect.setText(getTranslation("portal.summary.expect"));
            expect.addClassName("fd-muted");
            return expect;
        }
        Countdown at = new Countdown(response.get().dueAt(), response.get().state(), null, UiSession.locale())
                .showDueTime();
        at.setId("summary-expect-at");
        String[] around = getTranslation("portal.summary.answerBy", MARK).split(MARK, 2);
        expect.add(new Span(around[0]), at);
        if (around.length > 1) {
            expect.add(new Span(around[1]));
        }
        expect.addClassName("fd-portal-expect");
        return expect;
    }

    private Div fact(String id, String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fd-fact-label");
        Div row = new Div(label, value);
        row.addClassName("fd-fact");
        row.setId(id);
        return row;
    }

    private static String stepName(TaskView task, String locale) {
        String en = task.nameEn();
        return locale.equals("en") && en != null && !en.isBlank() ? en : task.name();
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(ZoneId.systemDefault()));
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
            StarRating stars = new StarRating(getTranslation("portal.rating.group"));
            stars.setId("csat-rating");
            TextArea comment = new TextArea(getTranslation("portal.rate.comment"));
            comment.setId("csat-comment");
            comment.setWidthFull();
            Button rate = new Button(getTranslation("portal.rate.submit"), e -> {
                if (stars.getValue() == null) {
                    stars.setError(getTranslation("portal.rate.choose"));
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
        if (ticket.resolvedAt() != null && ticket.resolvedAt().isAfter(FlowClock.offsetNow()
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
