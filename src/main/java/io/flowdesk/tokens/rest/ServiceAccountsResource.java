package io.flowdesk.tokens.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tokens.CreateTokenRequest;
import io.flowdesk.tokens.CreatedToken;
import io.flowdesk.tokens.ServiceAccount;
import io.flowdesk.tokens.TokenService;
import io.flowdesk.tokens.TokenView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** Service accounts and their tokens, for admins (ADR 0050). */
@Path("/api/admin/service-accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAccountsResource {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<ServiceAccount>> serviceAccounts() {
        return tokens.serviceAccounts(CurrentUser.of(identity));
    }

    /** Creates a service account: a user without password or sign-in, reached only through its tokens. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the service account", content = @Content(schema = @Schema(implementation = ServiceAccount.class)))
    public Uni<Response> createServiceAccount(ServiceAccount.Create request) {
        return tokens.createServiceAccount(CurrentUser.of(identity), request)
                .map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("/{username}/tokens")
    public Uni<List<TokenView>> serviceAccountTokens(@PathParam("username") String username) {
        return tokens.serviceAccountTokens(CurrentUser.of(identity), username);
    }

    /** Creates a token for a service account and answers its secret once. */
    @POST
    @Path("/{username}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the token, shown this once", content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    public Uni<Response> createServiceAccountToken(@PathParam("username") String username,
            CreateTokenRequest request) {
        return tokens.createForServiceAccount(CurrentUser.of(identity), username, request)
                .map(created -> Response.status(201).entity(created).build());
    }

    /** Every token of every user, newest first. */
}
