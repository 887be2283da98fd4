package io.flowdesk.portal.embed.rest;

import io.flowdesk.portal.embed.EmbedService;
import io.flowdesk.portal.embed.EmbedSubmission;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.rest.RequestLocale;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded web form's public API (ADR 0045): visitors submit without an account.
 */
@Path("/api/public/embed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbedResource {

    @Inject
    EmbedService embed;

    @Inject
    RoutingContext routing;

    /** Whether a template may be embedded: 200 with its name, else 404. */
    @GET
    @Path("/{template}")
    public Uni<Map<String, String>> describe(@PathParam("template") String template, @QueryParam("lang") String lang) {
        Locale locale = locale(lang);
        return embed.embeddable(template).map(t -> Map.of("template", t.key(), "name", t.name(Messages.tag(locale))));
    }

    @POST
    @Path("/{template}")
    public Uni<Response> submit(@PathParam("template") String template, @QueryParam("lang") String lang,
            EmbedSubmission submission) {
        return embed.submit(template, submission, client(), locale(lang))
                .map(result -> Response.status(201).entity(result).build());
    }

    private Locale locale(String lang) {
        return RequestLocale.of(routing); // reads lang too, as the problem answers do
    }

    private String client() {
        var address = routing.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
