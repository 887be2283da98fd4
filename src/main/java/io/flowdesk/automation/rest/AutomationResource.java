package io.flowdesk.automation.rest;

import io.flowdesk.automation.AutomationService;
import io.flowdesk.automation.Rule;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.Messages;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Automation rules over REST (admins), the per-ticket trace (admins, supervisors) and the dry run. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutomationResource {

    @Inject
    AutomationService automation;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/automation/rules")
    public Uni<List<Rule>> list() {
        return automation.list(CurrentUser.of(identity));
    }

    @GET
    @Path("/automation/rules/{key}")
    public Uni<Rule> get(@PathParam("key") String key) {
        return automation.get(CurrentUser.of(identity), key);
    }

    @POST
    @Path("/automation/rules")
    public Uni<Response> create(Rule rule) {
        return automation.create(CurrentUser.of(identity), rule == null ? empty() : rule)
                .map(saved -> Response.status(201).entity(saved).build());
    }

    @PUT
    @Path("/automation/rules/{key}")
    public Uni<Rule> update(@PathParam("key") String key, Rule rule) {
        return automation.update(CurrentUser.of(identity), key, rule == null ? empty() : rule);
    }

    @POST
    @Path("/automation/rules/{key}/enable")
    public Uni<Rule> enable(@PathParam("key") String key) {
        return automation.enable(CurrentUser.of(identity), key, true);
    }

    @POST
    @Path("/automation/rules/{key}/disable")
    public Uni<Rule> disable(@PathParam("key") String key) {
        return automation.enable(CurrentUser.of(identity), key, false);
    }

    @DELETE
    @Path("/automation/rules/{key}")
    public Uni<Response> delete(@PathParam("key") String key) {
        return automation.delete(CurrentUser.of(identity), key).map(v -> Response.noContent().build());
    }

    public record OrderRequest(List<String> keys) {
    }

    @PUT
    @Path("/automation/rules/order")
    public Uni<List<Rule>> reorder(OrderRequest request) {
        return automation.reorder(CurrentUser.of(identity), request == null ? List.of() : request.keys());
    }

    public record DryRunRequest(Rule rule, Integer n) {
    }

    public record DryRunView(String number, String title, boolean matched, String failed, List<String> wouldDo) {
    }

    @POST
    @Path("/automation/rules/dry-run")
    public Uni<List<DryRunView>> dryRun(DryRunRequest request, @HeaderParam("Accept-Language") String language) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = locale(language, user);
        return automation.dryRun(user, request == null || request.rule() == null ? empty() : request.rule(),
                request == null || request.n() == null ? 20 : request.n()).map(rows -> rows.stream()
                        .map(r -> new DryRunView(r.number(), r.title(), r.matched(), r.failed(), r.wouldDo().stream()
                                .map(t -> t.in(locale)).toList())).toList());
    }

    private static Rule empty() {
        return new Rule(null, null, null, null, null, null, null, null);
    }

    static Locale locale(String header, CurrentUser user) {
        if (header != null && !header.isBlank() && !header.strip().equals("*")) {
            return Messages.locale(header);
        }
        return Messages.locale(user.locale());
    }
}
