package io.flowdesk.automation.internal;

import io.flowdesk.shared.Json;
import io.flowdesk.tickets.TicketCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** Reads a {@link Snapshot} of a ticket through {@link TicketCommands}, in the caller's session. */
@ApplicationScoped
public class Snapshots {

    @Inject
    TicketCommands commands;

    public Uni<Snapshot> of(long ticketId) {
        return commands.facts(ticketId).chain(f -> commands.content(ticketId).chain(c -> commands.openTasks(ticketId)
                .chain(tasks -> commands.tags(ticketId).chain(tags -> RuleRows.tier(f.customerUserId())
                        .chain(tier -> RuleRows.firstResponse(ticketId).map(first -> new Snapshot(f.id(), f.number(),
                                f.templateKey(), f.priority(), f.status(), f.channel(), tasks.stream()
                                        .map(TicketCommands.OpenTask::department).filter(Objects::nonNull).toList(),
                                tasks.stream().map(TicketCommands.OpenTask::assignee).filter(Objects::nonNull)
                                        .toList(), List.copyOf(tags), tier, f.title(), c.customerName(),
                                Json.parse(c.dataJson()), first)))))));
    }
}
