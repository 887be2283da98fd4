package io.flowdesk.reports.board.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.board.BoardService;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The live wall board's numbers (ADR 0036), the same as the view shows; supervisors and admins. */
@Path("/api/reports/board")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    @Inject
    BoardService board;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<WallBoard> board(@QueryParam("department") String department, @Context RoutingContext context) {
        return board.board(CurrentUser.of(identity), department, RequestLocale.of(context));
    }
}
