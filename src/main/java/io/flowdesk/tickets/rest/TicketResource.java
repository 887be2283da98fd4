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

    @Inject
    io.flowdesk.tickets.CollaborationService collaboration;

    @Inject
    io.flowdesk.tickets.AttachmentService attachments;

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
    public Uni<List<TimelineEntry>> timeline(@PathParam("number") String number,
            @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext context) {
        java.util.Locale locale = io.flowdesk.shared.rest.RequestLocale.of(context);
        return tickets.timeline(CurrentUser.of(identity), number)
                .map(list -> list.stream().map(e -> e.in(locale)).toList());
    }

    /**
     * Adds an internal note ({@code internal: true}, never shown to customers) or a public reply. {@code @user}
     * mentions notify that user.
     */
    @POST
    @Path("/{number}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> comment(@PathParam("number") String number, CommentRequest request) {
        return collaboration.post(CurrentUser.of(identity), number, request == null ? null : request.text(),
                request != null && request.internal()).map(entry -> Response.status(201).entity(entry).build());
    }

    public record CommentRequest(String text, boolean internal) {
    }

    /** Changes the priority with a reason. */
    @POST
    @Path("/{number}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketDetails> priority(@PathParam("number") String number, PriorityRequest request) {
        return collaboration.changePriority(CurrentUser.of(identity), number, request == null ? null
                : request.priority(), request == null ? null : request.reason());
    }

    public record PriorityRequest(String priority, String reason) {
    }

    /** The customer's rating (1-5 and a comment), once, after resolution. */
    @POST
    @Path("/{number}/csat")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> rate(@PathParam("number") String number, RatingRequest request) {
        return tickets.rate(CurrentUser.of(identity), number, request == null ? 0 : request.rating(),
                request == null ? null : request.comment()).map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Path("/{number}/csat")
    public Uni<Response> rating(@PathParam("number") String number) {
        return tickets.rating(CurrentUser.of(identity), number).map(r -> r == null ? Response.noContent().build()
                : Response.ok(r).build());
    }

    public record RatingRequest(int rating, String comment) {
    }

    /** Reopens a resolved ticket within the configured number of days, saying why. */
    @POST
    @Path("/{number}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketDetails> reopen(@PathParam("number") String number, ReopenRequest request) {
        return tickets.reopen(CurrentUser.of(identity), number, request == null ? null : request.reason(), reopenDays);
    }

    public record ReopenRequest(String reason) {
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "flowdesk.portal.reopen-days", defaultValue = "7")
    int reopenDays;

    @GET
    @Path("/{number}/watchers")
    public Uni<List<String>> watchers(@PathParam("number") String number) {
        return collaboration.watchers(CurrentUser.of(identity), number);
    }

    /** Adds a watcher (CC); without a body, the caller. */
    @POST
    @Path("/{number}/watchers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<String>> watch(@PathParam("number") String number, WatcherRequest request) {
        return collaboration.watch(CurrentUser.of(identity), number, request == null ? null : request.username());
    }

    @jakarta.ws.rs.DELETE
    @Path("/{number}/watchers/{username}")
    public Uni<List<String>> unwatch(@PathParam("number") String number, @PathParam("username") String username) {
        return collaboration.unwatch(CurrentUser.of(identity), number, username);
    }

    public record WatcherRequest(String username) {
    }

    @GET
    @Path("/{number}/attachments")
    public Uni<List<io.flowdesk.tickets.AttachmentView>> attachments(@PathParam("number") String number) {
        return attachments.list(CurrentUser.of(identity), number);
    }

    /** Uploads a file (multipart field {@code file}; {@code internal=true} hides it from customers). */
    @POST
    @Path("/{number}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> upload(@PathParam("number") String number,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file,
            @org.jboss.resteasy.reactive.RestForm("internal") @DefaultValue("false") boolean internal) {
        if (file == null) {
            return Uni.createFrom().failure(io.flowdesk.shared.InvalidInput.of("/file",
                    io.flowdesk.shared.Text.of("ticket.error.fileField"), "required"));
        }
        return attachments.store(CurrentUser.of(identity), number, file.fileName(), file.contentType(),
                file.uploadedFile(), internal).map(a -> Response.status(201).entity(a).build());
    }

    /** Downloads an attachment, authorised like the ticket; always as a download, never rendered inline. */
    @GET
    @Path("/{number}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> download(@PathParam("number") String number, @PathParam("id") long id) {
        return attachments.open(CurrentUser.of(identity), number, id).map(file -> Response
                .ok(file.path().toFile(), file.meta().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(
                        file.meta().fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + file.meta().sha256())
                .build());
    }
}
