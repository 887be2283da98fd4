package io.flowdesk.portal.embed.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.portal.embed.EmbedService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admins: mark a published template embeddable (or not) and read its iframe snippet (ADR 0045). */
@Authenticated
@Path("/api/admin/embed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbedAdminResource {

    @Inject
    EmbedService embed;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @GET
    @Path("/{template}")
    public Uni<EmbedService.Snippet> snippet(@PathParam("template") String template) {
        return embed.snippet(CurrentUser.of(identity), template, baseUrl());
    }

    @PUT
    @Path("/{template}")
    public Uni<EmbedService.Snippet> mark(@PathParam("template") String template, Marking marking) {
        CurrentUser user = CurrentUser.of(identity);
        return embed.setEmbeddable(user, template, marking != null && marking.embeddable())
                .chain(() -> embed.snippet(user, template, baseUrl()));
    }

    public record Marking(boolean embeddable) {
    }

    private String baseUrl() {
        return routing.request().scheme() + "://" + routing.request().getHeader("Host");
    }
}
