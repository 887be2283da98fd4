package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The ticket-side steps of moving a ticket onto another template's flow (used by {@code conversion}, ADR 0049):
 * end the running flow, re-point the ticket row, start the new flow. Each step is idempotent, so a caller that
 * crashed between two of them repeats all of them: the old flow is cancelled once, the new one starts once per
 * (ticket, n-th conversion) by its business key, the row gets fixed values.
 */
@ApplicationScoped
public class TicketFlowSwitch {

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @Inject
    TicketRelay relay;

    /** What a conversion needs to know of a ticket. */
    public record Facts(long ticketId, String number, String templateKey, long templateVersionId, String engineState,
            String processInstanceId, String title, String customerEmail, String customerPhone, ObjectNode data,
            boolean test) {

        public boolean running() {
            return TicketEntity.ACTIVE.equals(engineState) || TicketEntity.PENDING.equals(engineState);
        }
    }

    /** The ticket's facts (no access check: the caller has checked the user may work the ticket). */
    public Uni<Facts> facts(long ticketId) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(ticketId)).map(t -> {
            if (t == null) {
                throw new NotFound(Text.of("ticket.notFound", ticketId));
            }
            return new Facts(t.id, t.number, t.templateKey, t.templateVersionId, t.engineState, t.processInstanceId,
                    t.title, t.customerEmail, t.customerPhone, Json.parseObject(t.dataJson), t.isTest);
        });
    }

    /**
     * Cancels the flow instance with the reason (its open steps end as cancelled on the timeline) and applies what
     * the engine recorded; nothing happens to an instance that is not running any more.
     */
    public Uni<Void> endFlow(long ticketId, String processInstanceId, String reason) {
        return bridge.call(() -> engine.cancelProcess(processInstanceId, reason)).chain(() -> relay.drain(ticketId));
    }

    /**
     * Puts the ticket on {@code target} with {@code data} and starts that flow (exactly once for the n-th
     * conversion); {@code kind}/{@code text}/{@code details} are the timeline entry written when the ticket is
     * re-pointed, once. Returns the new process instance id.
     */
    public Uni<String> restartOn(long ticketId, int conversion, PublishedTemplate target, ObjectNode data,
            String actor, String kind, Text text, ObjectNode details) {
        // first the row: events of the new flow are read against the ticket's template version
        Uni<TicketEntity> repointed = Panache.withTransaction(() -> TicketEntity.locked(ticketId).invoke(t -> {
            t.templateVersionId = target.id();
            t.templateKey = target.key();
            t.ticketType = target.ticketType();
            t.dataJson = data.toString();
            t.updatedAt = FlowClock.offsetNow();
        }));
        return repointed.chain(ticket -> {
            Map<String, Object> variables = ProcessVariables.of(data);
            variables.put("ticketId", ticket.id);
            variables.put("ticketNumber", ticket.number);
            variables.put("ticketPriority", ticket.priority);
            variables.put("ticketType", ticket.ticketType);
            return bridge.call(() -> engine.startConvertedProcess(ticketId, conversion,
                    target.processDefinitionId(), variables));
        }).chain(processInstanceId -> Panache.withTransaction(() -> TicketEntity.locked(ticketId).chain(t -> {
            if (processInstanceId.equals(t.processInstanceId)) {
                return Uni.createFrom().voidItem(); // a repeat: done already
            }
            t.processInstanceId = processInstanceId;
            t.engineState = TicketEntity.ACTIVE;
            t.resolvedAt = null;
            t.status = TicketStatus.NEW;
            t.currentStep = null;
            t.updatedAt = FlowClock.offsetNow();
            return TicketRelay.timeline(t, kind, actor, null, text, details, false);
        })).chain(() -> relay.drain(ticketId)).replaceWith(processInstanceId));
    }
}
