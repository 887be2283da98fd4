package io.flowdesk.conversion.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.conversion.ConversionService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.TicketDetails;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Converting a ticket into another template's flow (ADR 0049); agents, supervisors and admins. */
@Path("/api/tickets/{number}/convert")
@Produces(MediaType.APPLICATION_JSON)
public class ConversionResource {

    @Inject
    ConversionService conversions;

    @Inject
    SecurityIdentity identity;

    /**
     * Converts the ticket: {@code {template, fields}}; answers the ticket on its new flow, or 422 naming the
     * missing required fields of the new start form by label.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketDetails> convert(@PathParam("number") String number, ConversionService.ConvertRequest request) {
        return conversions.convert(CurrentUser.of(identity), number, request);
    }

    /** The new start form filled from what the ticket knows, and the labels of the required fields still empty. */
    @GET
    @Path("/prefill")
    public Uni<PrefillJson> prefill(@PathParam("number") String number, @QueryParam("template") String template) {
        return conversions.prefill(CurrentUser.of(identity), number, template).map(p -> new PrefillJson(
                p.target().key(), p.target().version(), p.schema(), p.data(), p.missing()));
    }

    public record PrefillJson(String template, int version, JsonNode schema, ObjectNode data, List<String> missing) {
    }
}
