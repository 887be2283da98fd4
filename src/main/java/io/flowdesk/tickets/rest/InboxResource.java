package io.flowdesk.tickets.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.InboxQuery;
import io.flowdesk.tickets.InboxRow;
import io.flowdesk.tickets.InboxService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/api/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    SecurityIdentity identity;

    /**
     * A page of an inbox view (MINE, QUEUE, OPEN) with filters, plus the counts of every view. {@code sort=due}
     * puts the earliest SLA deadline first; {@code sla=at-risk|breached} keeps tickets in that SLA state.
     */
    @GET
    public Uni<InboxPage> page(@QueryParam("view") @DefaultValue("MINE") String view, @QueryParam("type") String type,
            @QueryParam("priority") String priority, @QueryParam("status") String status,
            @QueryParam("customer") String customer, @QueryParam("q") String text,
            @QueryParam("sort") @DefaultValue("PRIORITY") String sort, @QueryParam("sla") String sla, @QueryParam("tag") String tag,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("counts") @DefaultValue("true") boolean withCounts) {
        CurrentUser user = CurrentUser.of(identity);
        InboxQuery query = new InboxQuery(view, type, priority, status, customer, text, sort, sla, tag);
        int bounded = Math.max(1, Math.min(size, 200));
        return inbox.page(user, query, Math.max(0, page) * bounded, bounded)
                .chain(rows -> (withCounts ? inbox.counts(user, query) : Uni.createFrom().item(Map.<String, Long>of()))
                        .map(counts -> new InboxPage(rows, page, bounded, counts)));
    }

    public record InboxPage(List<InboxRow> items, int page, int size, Map<String, Long> counts) {
    }
}
