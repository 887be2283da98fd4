package io.flowdesk.reports.board.rest;

import io.flowdesk.reports.board.BoardTokens;
import io.flowdesk.reports.board.WallBoard;
import io.flowdesk.shared.rest.RequestLocale;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** A wall board through its read-only link (no sign-in): an unknown or revoked link is a 404. */
@Path("/api/public/board")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicBoardResource {

    @Inject
    BoardTokens tokens;

    @GET
    @Path("/{token}")
    public Uni<WallBoard> board(@PathParam("token") String token, @Context RoutingContext context) {
        return tokens.board(token, RequestLocale.of(context));
    }
}
