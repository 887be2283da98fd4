package io.flowdesk.portal.rest;

import io.flowdesk.portal.PortalService;
import io.flowdesk.portal.StatusView;
import io.flowdesk.shared.rest.RequestLocale;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/** Endpoints without an account: sign-up and the status lookup (number + phone, then a mailed code). */
@Path("/api/public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicResource {

    @Inject
    PortalService portal;

    @Context
    HttpServerRequest http;

    @Inject
    RoutingContext routing;

    @POST
    @Path("/signup")
    public Uni<Response> signUp(SignUpRequest request) {
        SignUpRequest r = request == null ? new SignUpRequest(null, null, null, null) : request;
        return portal.signUp(r.email(), r.password(), r.name(), r.phone()).map(user -> Response.status(201)
                .entity(Map.of("username", user.username())).build());
    }

    /**
     * Step 1 of a status lookup. Always 202 with the same message (in the request's language), whatever matched;
     * the code mail is written in that language too.
     */
    @POST
    @Path("/status/request")
    public Uni<Response> requestStatus(LookupRequest request) {
        Locale locale = RequestLocale.of(routing);
        return portal.requestStatusCode(request == null ? null : request.number(), request == null ? null
                : request.phone(), client(), locale).map(message -> Response.accepted(Map.of("message",
                        message.in(locale))).build());
    }

    @POST
    @Path("/status/verify")
    public Uni<StatusView> verifyStatus(VerifyRequest request, @Context io.vertx.ext.web.RoutingContext context) {
        java.util.Locale locale = io.flowdesk.shared.rest.RequestLocale.of(context);
        return portal.verifyStatusCode(request == null ? null : request.number(), request == null ? null
                : request.code(), client()).map(v -> new StatusView(v.number(), v.title(), v.status(),
                        v.currentStep(), v.createdAt(), v.updatedAt(), v.timeline().stream().map(e -> e.in(locale))
                                .toList()));
    }

    private String client() {
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    public record SignUpRequest(String email, String password, String name, String phone) {
    }

    public record LookupRequest(String number, String phone) {
    }

    public record VerifyRequest(String number, String code) {
    }
}
