package io.flowdesk.forms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.forms.FormService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/forms")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    @Inject
    FormService forms;

    /** A form version with its schema (any signed-in user: portals and task views render from it). */
    @GET
    @Path("/{key}/{version}")
    public Uni<FormView> get(@PathParam("key") String key, @PathParam("version") int version) {
        return forms.get(key, version).map(FormView::of);
    }

    public record FormView(String key, int version, String status, JsonNode schema) {
        static FormView of(FormDefinition form) {
            return new FormView(form.key(), form.version(), form.status(), form.schema());
        }
    }
}
