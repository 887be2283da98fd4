package io.flowdesk.tokens.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tokens.CreateTokenRequest;
import io.flowdesk.tokens.CreatedToken;
import io.flowdesk.tokens.TokenService;
import io.flowdesk.tokens.TokenView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** My personal access tokens (ADR 0050). The secret is in the answer to the create, and nowhere ever after. */
@Path("/api/me/tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyTokensResource {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<TokenView>> list() {
        return tokens.mine(CurrentUser.of(identity));
    }

    /** Creates a token with the given scopes (never beyond what my role may do) and answers its secret once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the token, shown this once", content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    public Uni<Response> create(CreateTokenRequest request) {
        return tokens.createMine(CurrentUser.of(identity), request)
                .map(created -> Response.status(201).entity(created).build());
    }

    /** Revokes one of my tokens; it stops working at once. */
    @DELETE
    @APIResponse(responseCode = "204", description = "revoked")
    @Path("/{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tokens.revokeMine(CurrentUser.of(identity), id).map(v -> Response.noContent().build());
    }

}
