package io.flowdesk.tickets.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.TaskView;
import io.flowdesk.tickets.TaskWorkService;
import io.flowdesk.tickets.TicketDetails;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskWorkService tasks;

    @Inject
    SecurityIdentity identity;

    @Inject
    io.flowdesk.tickets.CollaborationService collaboration;

    /** {@code scope=mine} (default): assigned to me; {@code scope=group}: unassigned, in my departments. */
    @GET
    public Uni<List<TaskView>> list(@QueryParam("scope") String scope) {
        return tasks.list(CurrentUser.of(identity), scope);
    }

    @GET
    @Path("/{id}")
    public Uni<TaskView> get(@PathParam("id") String id) {
        return tasks.get(CurrentUser.of(identity), id);
    }

    @POST
    @Path("/{id}/claim")
    public Uni<TaskView> claim(@PathParam("id") String id) {
        return tasks.claim(CurrentUser.of(identity), id);
    }

    @POST
    @Path("/{id}/unclaim")
    public Uni<TaskView> unclaim(@PathParam("id") String id) {
        return tasks.unclaim(CurrentUser.of(identity), id);
    }

    /** Completes the task with {@code {"data": {...}}}, validated against the task's pinned form version. */
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketDetails> complete(@PathParam("id") String id, CompleteTaskRequest request) {
        return tasks.complete(CurrentUser.of(identity), id, request == null ? null : request.data());
    }

    public record CompleteTaskRequest(JsonNode data) {
    }

    /** Transfers the task to a department ({@code department}) or a person ({@code user}) with a reason. */
    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TaskView> transfer(@PathParam("id") String id, TransferRequest request) {
        return collaboration.transfer(CurrentUser.of(identity), id, request == null ? null : request.department(),
                request == null ? null : request.user(), request == null ? null : request.reason());
    }

    public record TransferRequest(String department, String user, String reason) {
    }
}
