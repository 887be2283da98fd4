package io.flowdesk.macros.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.macros.Macro;
import io.flowdesk.macros.MacroService;
import io.flowdesk.shared.Messages;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Macros over REST: the caller's usable macros and search, CRUD, preview and apply on a ticket. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MacroResource {

    @Inject
    MacroService macros;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/macros")
    public Uni<List<Macro>> list(@QueryParam("q") String query, @HeaderParam("Accept-Language") String language) {
        CurrentUser user = CurrentUser.of(identity);
        return macros.usable(user, query, locale(language, user));
    }

    @GET
    @Path("/macros/{key}")
    public Uni<Macro> get(@PathParam("key") String key) {
        return macros.get(CurrentUser.of(identity), key);
    }

    @POST
    @Path("/macros")
    public Uni<Response> create(JsonNode body) {
        return macros.create(CurrentUser.of(identity), body).map(m -> Response.status(201).entity(m).build());
    }

    @PUT
    @Path("/macros/{key}")
    public Uni<Macro> update(@PathParam("key") String key, JsonNode body) {
        return macros.update(CurrentUser.of(identity), key, body);
    }

    @DELETE
    @Path("/macros/{key}")
    public Uni<Response> delete(@PathParam("key") String key) {
        return macros.delete(CurrentUser.of(identity), key).map(v -> Response.noContent().build());
    }

    static Locale locale(String header, CurrentUser user) {
        if (header != null && !header.isBlank() && !header.strip().equals("*")) {
            return Messages.locale(header);
        }
        return Messages.locale(user.locale());
    }
}
