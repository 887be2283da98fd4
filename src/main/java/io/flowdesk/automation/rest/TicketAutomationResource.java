package io.flowdesk.automation.rest;

import io.flowdesk.automation.AutomationService;
import io.flowdesk.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A ticket's automation trace (admins, supervisors) and its tags (staff who may see it). */
@Path("/api/tickets/{number}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketAutomationResource {

    @Inject
    AutomationService automation;

    @Inject
    SecurityIdentity identity;

    public record TraceView(long eventId, String eventKind, String rule, String ruleName, String outcome,
            String failed, Instant at) {
    }

    @GET
    @Path("/automation-trace")
    public Uni<List<TraceView>> trace(@PathParam("number") String number,
            @HeaderParam("Accept-Language") String language, @QueryParam("limit") @DefaultValue("500") int limit) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = AutomationResource.locale(language, user);
        return automation.trace(user, number).map(rows -> rows.stream().limit(Math.max(1, limit))
                .map(t -> new TraceView(t.eventId(), t.eventKind(), t.rule(), t.ruleName().in(locale), t.outcome(),
                        t.failed(), t.at())).toList());
    }

    @GET
    @Path("/tags")
    public Uni<List<String>> tags(@PathParam("number") String number) {
        return automation.tags(CurrentUser.of(identity), number);
    }
}
