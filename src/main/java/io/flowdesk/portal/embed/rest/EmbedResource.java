package io.flowdesk.portal.embed.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.portal.embed.EmbedService;
import io.flowdesk.portal.embed.EmbedSubmission;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded web form's API (ADR 0045): visitors submit without an account; admins mark a template embeddable
 * and read its iframe snippet.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbedResource {

    @Inject
    EmbedService embed;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    /** Whether a template may be embedded: 200 with its name, else 404. */
    @GET
    @Path("/public/embed/{template}")
    public Uni<Map<String, String>> describe(@PathParam("template") String template, @QueryParam("lang") String lang) {
        Locale locale = locale(lang);
        return embed.embeddable(template).map(t -> Map.of("template", t.key(), "name", t.name(Messages.tag(locale))));
    }

    @POST
    @Path("/public/embed/{template}")
    public Uni<Response> submit(@PathParam("template") String template, @QueryParam("lang") String lang,
            EmbedSubmission submission) {
        return embed.submit(template, submission, client(), locale(lang))
                .map(result -> Response.status(201).entity(result).build());
    }

    @GET
    @Authenticated
    @Path("/admin/embed/{template}")
    public Uni<EmbedService.Snippet> snippet(@PathParam("template") String template) {
        return embed.snippet(CurrentUser.of(identity), template, baseUrl());
    }

    @PUT
    @Authenticated
    @Path("/admin/embed/{template}")
    public Uni<EmbedService.Snippet> mark(@PathParam("template") String template, Marking marking) {
        CurrentUser user = CurrentUser.of(identity);
        return embed.setEmbeddable(user, template, marking != null && marking.embeddable())
                .chain(() -> embed.snippet(user, template, baseUrl()));
    }

    public record Marking(boolean embeddable) {
    }

    private Locale locale(String lang) {
        return lang != null && !lang.isBlank() ? Messages.locale(lang) : RequestLocale.of(routing);
    }

    private String client() {
        var address = routing.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    private String baseUrl() {
        return routing.request().scheme() + "://" + routing.request().getHeader("Host");
    }
}
