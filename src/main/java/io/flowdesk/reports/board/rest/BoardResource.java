package io.flowdesk.reports.board.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.board.BoardService;
import io.flowdesk.reports.board.BoardTokens;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The live wall board's numbers (ADR 0036), the same as the view shows; supervisors and admins. */
@Path("/api/reports/board")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    @Inject
    BoardService board;

    @Inject
    BoardTokens tokens;

    @Inject
    SecurityIdentity identity;

    /** {@code {"department": "it-support", "label": "TV 3F"}}; the answer holds the token once. */
    public record LinkRequest(String department, String label) {
    }

    @GET
    public Uni<WallBoard> board(@QueryParam("department") String department, @Context RoutingContext context) {
        return board.board(CurrentUser.of(identity), department, RequestLocale.of(context));
    }

    @POST
    @Path("/links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createLink(LinkRequest request) {
        LinkRequest r = request == null ? new LinkRequest(null, null) : request;
        return tokens.create(CurrentUser.of(identity), r.department(), r.label())
                .map(created -> Response.status(Response.Status.CREATED).entity(created).build());
    }

    @GET
    @Path("/links")
    public Uni<List<BoardTokens.Link>> links() {
        return tokens.list(CurrentUser.of(identity));
    }

    @DELETE
    @Path("/links/{id}")
    public Uni<Response> revoke(@PathParam("id") long id) {
        return tokens.revoke(CurrentUser.of(identity), id).map(v -> Response.noContent().build());
    }
}
