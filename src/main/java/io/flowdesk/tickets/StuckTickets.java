package io.flowdesk.tickets;

import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.ProcessFailed;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tickets whose flow did not start (issue 15, ADR 0041): failed starts are counted on the row, a permanent failure
 * (or {@code flowdesk.reconcile.max-attempts} passing ones) marks the ticket FAILED with the reason, which the
 * reconciler then leaves alone. Admins list them, retry (on the template's newest version, which may carry the
 * fix) or cancel.
 */
@ApplicationScoped
public class StuckTickets {

    /** A PENDING ticket older than this is listed too: its start is overdue. */
    static final Duration OVERDUE = Duration.ofMinutes(1);

    @Inject
    TicketService tickets;

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @ConfigProperty(name = "flowdesk.reconcile.max-attempts", defaultValue = "5")
    int maxAttempts;

    /** A stuck ticket as an admin sees it; {@code reason} in the reader's language, {@code reasonKey} its key. */
    public record StuckTicket(String number, String title, String templateKey, long templateVersionId,
            String engineState, String status, int attempts, String reason, String reasonKey,
            OffsetDateTime createdAt, OffsetDateTime failedAt) {
    }

    /**
     * Counts a failed start of a PENDING ticket and keeps the reason; marks it FAILED when the failure is permanent
     * or happened too often. Returns what to answer: the failure told about this ticket.
     */
    Uni<ProcessFailed> recordFailure(long ticketId, ProcessFailed failure) {
        return Panache.withTransaction(() -> TicketEntity.locked(ticketId).map(ticket -> {
            if (ticket == null || !TicketEntity.PENDING.equals(ticket.engineState)) {
                return failure;
            }
            OffsetDateTime now = FlowClock.offsetNow();
            ticket.engineAttempts++;
            ticket.engineError = StoredText.write(failure.reason());
            ticket.updatedAt = now;
            boolean failed = failure.permanent() || ticket.engineAttempts >= maxAttempts;
            if (failed) {
                ticket.engineState = TicketEntity.FAILED;
                ticket.engineFailedAt = now;
            }
            return failure.about(Text.of(failed ? "ticket.error.startFailed" : "ticket.error.startDelayed",
                    ticket.number, failure.reason()), failed);
        }));
    }

    /** The answer for a ticket already marked FAILED (a replayed create). */
    static ProcessFailed failed(TicketEntity ticket) {
        Text reason = reason(ticket);
        return new ProcessFailed(reason, true, null).about(Text.of("ticket.error.startFailed", ticket.number,
                reason), true);
    }

    public Uni<List<StuckTicket>> list(CurrentUser user, Locale locale) {
        return admin(user).chain(() -> Panache.withSession(() -> TicketEntity.<TicketEntity>find(
                "engineState = ?1 or (engineState = ?2 and createdAt < ?3) order by createdAt desc",
                TicketEntity.FAILED, TicketEntity.PENDING, FlowClock.offsetNow().minus(OVERDUE)).page(0, 200).list()))
                .map(list -> list.stream().map(t -> view(t, locale)).toList());
    }

    /**
     * Starts the flow again. A ticket that never started moves to the template's newest published version (where
     * the fix is), provided its data still fits that version's start form.
     */
    public Uni<StuckTicket> retry(CurrentUser user, String number, Locale locale) {
        return admin(user).chain(() -> stuck(number)).chain(ticket -> newest(ticket)
                .chain(template -> fits(ticket, template, locale).replaceWith(template))
                .chain(template -> Panache.withTransaction(() -> TicketEntity.locked(ticket.id).chain(row -> {
                    requireStuck(row);
                    row.templateVersionId = template.id();
                    row.engineState = TicketEntity.PENDING;
                    row.engineAttempts = 0;
                    row.engineError = null;
                    row.engineFailedAt = null;
                    row.updatedAt = FlowClock.offsetNow();
                    return TicketRelay.timeline(row, "ENGINE_RETRY", user.username(), null,
                            Text.of("timeline.text.stuckRetried", user.displayName(), template.version()),
                            TicketRelay.details("version", Integer.toString(template.version())), true);
                })))
                .chain(() -> tickets.ensureStarted(ticket.id))
                .chain(() -> current(ticket.id, locale)));
    }

    /** Gives up on a ticket whose flow never started: it is closed as cancelled, with an entry saying so. */
    public Uni<StuckTicket> cancel(CurrentUser user, String number, Locale locale) {
        return admin(user).chain(() -> stuck(number)).chain(ticket -> bridge.call(() -> engine.findTicketProcess(
                ticket.id)).chain(process -> {
                    if (process.isPresent()) {
                        // the engine started it after all: the reconciler links it; nothing to cancel
                        return Uni.createFrom().failure(new Conflict(Text.of("stuck.error.started", number)));
                    }
                    return Panache.withTransaction(() -> TicketEntity.locked(ticket.id).chain(row -> {
                        requireStuck(row);
                        row.engineState = TicketEntity.CANCELLED;
                        row.status = TicketStatus.CANCELLED;
                        row.updatedAt = FlowClock.offsetNow();
                        return TicketRelay.timeline(row, "CANCELLED", user.username(), null,
                                Text.of("timeline.text.stuckCancelled"), TicketRelay.details("status",
                                        TicketStatus.CANCELLED), false);
                    }));
                }).chain(() -> current(ticket.id, locale)));
    }

    private Uni<Void> admin(CurrentUser user) {
        return user.has(Role.ADMIN) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new Forbidden(Text.of("stuck.error.forbidden")));
    }

    private Uni<TicketEntity> stuck(String number) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("number", number == null ? ""
                : number.strip().toUpperCase(Locale.ROOT)).firstResult()).map(ticket -> {
                    if (ticket == null) {
                        throw new NotFound(Text.of("ticket.notFound", number));
                    }
                    requireStuck(ticket);
                    return ticket;
                });
    }

    private static void requireStuck(TicketEntity ticket) {
        if (!TicketEntity.FAILED.equals(ticket.engineState) && !TicketEntity.PENDING.equals(ticket.engineState)) {
            throw new Conflict(Text.of("stuck.error.notStuck", ticket.number));
        }
    }

    private Uni<PublishedTemplate> newest(TicketEntity ticket) {
        return ticket.isTest ? templates.byVersionId(ticket.templateVersionId)
                : templates.latestPublished(ticket.templateKey);
    }

    private Uni<Void> fits(TicketEntity ticket, PublishedTemplate template, Locale locale) {
        if (template.id() == ticket.templateVersionId) {
            return Uni.createFrom().voidItem();
        }
        return forms.validate(template.startForm(), Json.parse(ticket.dataJson), "/data", locale.toLanguageTag()).map(errors -> {
            if (!errors.isEmpty()) {
                throw new InvalidInput(Text.of("stuck.error.dataNoLongerFits", ticket.number, template.version()),
                        errors.stream().map(e -> new FieldError(e.pointer(), e.text(), e.rule())).toList());
            }
            return null;
        });
    }

    private Uni<StuckTicket> current(long id, Locale locale) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(id)).map(t -> view(t, locale));
    }

    private static Text reason(TicketEntity ticket) {
        Text reason = StoredText.read(ticket.engineError);
        return reason == null ? Text.of("stuck.reason.overdue") : reason;
    }

    private static StuckTicket view(TicketEntity t, Locale locale) {
        boolean stuck = TicketEntity.FAILED.equals(t.engineState) || TicketEntity.PENDING.equals(t.engineState);
        Text reason = stuck ? reason(t) : null;
        return new StuckTicket(t.number, t.title, t.templateKey, t.templateVersionId, t.engineState, t.status,
                t.engineAttempts, reason == null ? null : reason.in(locale), reason == null ? null : reason.key(),
                t.createdAt, t.engineFailedAt);
    }
}
