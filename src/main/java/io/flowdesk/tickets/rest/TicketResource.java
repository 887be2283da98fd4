package io.flowdesk.tickets.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Page;
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.TicketSummary;
import io.flowdesk.tickets.TimelineEntry;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketService tickets;

    @Inject
    SecurityIdentity identity;

    /**
     * Opens a ticket. {@code data} is validated against the template's start form (422 with one entry per
     * error). With {@code Idempotency-Key} the same key and body return the same ticket.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateTicketRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return tickets.create(CurrentUser.of(identity), request, idempotencyKey).map(created -> Response
                .created(URI.create("/api/tickets/" + created.ticket().number())).entity(created.ticket())
                .header("Idempotent-Replayed", created.replayed() ? "true" : null).build());
    }

    @GET
    @Path("/{number}")
    public Uni<TicketDetails> get(@PathParam("number") String number) {
        return tickets.get(CurrentUser.of(identity), number);
    }

    @GET
    public Uni<Page<TicketSummary>> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("priority") String priority, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return tickets.list(CurrentUser.of(identity), status, type, priority, page, size);
    }

    @GET
    @Path("/{number}/timeline")
    public Uni<List<TimelineEntry>> timeline(@PathParam("number") String number) {
        return tickets.timeline(CurrentUser.of(identity), number);
    }

    /** Adds a comment; {@code internal: true} hides it from customers (ignored for customers). */
    @POST
    @Path("/{number}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> comment(@PathParam("number") String number, CommentRequest request) {
        return tickets.comment(CurrentUser.of(identity), number, request == null ? null : request.text(),
                request != null && request.internal()).map(entry -> Response.status(201).entity(entry).build());
    }

    public record CommentRequest(String text, boolean internal) {
    }
}
