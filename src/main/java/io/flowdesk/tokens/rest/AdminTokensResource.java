package io.flowdesk.tokens.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tokens.TokenService;
import io.flowdesk.tokens.TokenView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every token of every user, for admins (ADR 0050). */
@Path("/api/admin/tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminTokensResource {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<TokenView>> all() {
        return tokens.all(CurrentUser.of(identity));
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "revoked")
    @Path("/{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tokens.revokeAny(CurrentUser.of(identity), id).map(v -> Response.noContent().build());
    }
}
