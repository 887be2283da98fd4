package io.flowdesk.routing.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.routing.RoutingService;
import io.flowdesk.shared.Messages;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * Routing's task endpoints, beside tickets' own {@code /api/tasks} resource: the assignment preview and the
 * supervisor's reassign.
 */
@Path("/api/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingTaskResource {

    @Inject
    RoutingService routing;

    @Inject
    SecurityIdentity identity;

    /** The decision the router would make now, with why in the reader's language; nothing is written. */
    @GET
    @Path("/{id}/assignment-preview")
    public Uni<RoutingService.Preview> preview(@PathParam("id") String id,
            @HeaderParam("Accept-Language") String language) {
        CurrentUser user = CurrentUser.of(identity);
        return routing.preview(user, id, RoutingResource.locale(language, user));
    }

    @POST
    @Path("/{id}/reassign")
    public Uni<RoutingService.Reassigned> reassign(@PathParam("id") String id, ReassignRequest request) {
        return routing.reassign(CurrentUser.of(identity), id, request == null ? null : request.user(),
                request == null ? null : request.department(), request == null ? null : request.reason());
    }

    public record ReassignRequest(String user, String department, String reason) {
    }

}
