package io.flowdesk.designer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.forms.FormRef;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplateArchive;
import io.flowdesk.templates.TemplateDiff;
import io.flowdesk.templates.TemplateDrafts;
import io.flowdesk.templates.TemplateVersions;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The designer's API (designers and admins): drafts, lint, publish (admin), versions, diff, export/import and
 * "Try it". Every write goes through the same services and gate as the designer views.
 */
@Path("/api/design")
@Produces(MediaType.APPLICATION_JSON)
public class DesignResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    TemplateDrafts drafts;

    @Inject
    TemplateVersions versions;

    @Inject
    FormDrafts formDrafts;

    @Inject
    TicketService tickets;

    /** Body of a template draft save. */
    public record TemplateDraftBody(JsonNode metadata, String bpmn) {
    }

    /** A template draft as returned. */
    public record TemplateDraftView(String key, JsonNode metadata, String bpmn, int revision, boolean saved) {
        static TemplateDraftView of(TemplateDrafts.Draft d) {
            return new TemplateDraftView(d.key(), d.metadata(), d.bpmnXml(), d.revision(), d.saved());
        }
    }

    /** Body of "Try it". */
    public record TryBody(String title, String priority, JsonNode data) {
    }

    private CurrentUser designer() {
        CurrentUser user = CurrentUser.of(identity);
        if (!(user.has(Role.DESIGNER) || user.has(Role.ADMIN))) {
            throw new Forbidden(Text.of("template.error.designerDesignersOnly"));
        }
        return user;
    }

    @GET
    @Path("/templates")
    public Uni<List<TemplateDrafts.Summary>> templates() {
        designer();
        return drafts.list();
    }

    @GET
    @Path("/templates/{key}/draft")
    public Uni<TemplateDraftView> draft(@PathParam("key") String key) {
        designer();
        return drafts.draft(key).map(TemplateDraftView::of);
    }

    @PUT
    @Path("/templates/{key}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TemplateDraftView> save(@PathParam("key") String key, TemplateDraftBody body) {
        CurrentUser user = designer();
        if (body == null) {
            throw InvalidInput.of("", Text.of("template.error.designBodyRequired"), "required");
        }
        return drafts.save(user, key, body.metadata(), body.bpmn()).map(TemplateDraftView::of);
    }

    @GET
    @Path("/templates/{key}/lint")
    public Uni<List<Map<String, String>>> lint(@PathParam("key") String key,
            @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext context) {
        designer();
        java.util.Locale locale = io.flowdesk.shared.rest.RequestLocale.of(context);
        return drafts.lint(key).map(errors -> errors.stream().map(e -> {
            Map<String, String> entry = new java.util.LinkedHashMap<>();
            entry.put("pointer", e.pointer());
            entry.put("message", e.message(locale));
            entry.put("rule", e.rule());
            return entry;
        }).toList());
    }

    @POST
    @Path("/templates/{key}/publish")
    public Uni<Response> publish(@PathParam("key") String key) {
        return drafts.publish(designer(), key).map(result -> {
            if (ImportResult.REJECTED.equals(result.outcome())) {
                // a problem in the request's language, one entry per gate problem
                throw new io.flowdesk.shared.InvalidInput(io.flowdesk.shared.Text.of("template.error.publishRejected"),
                        result.errors());
            }
            return Response.ok(result).build();
        });
    }

    @GET
    @Path("/templates/{key}/versions")
    public Uni<List<TemplateVersions.VersionInfo>> versions(@PathParam("key") String key) {
        designer();
        return versions.list(key);
    }

    @POST
    @Path("/templates/{key}/versions/{version}/deprecate")
    public Uni<Response> deprecate(@PathParam("key") String key, @PathParam("version") int version) {
        return versions.deprecate(designer(), key, version).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/templates/{key}/diff")
    public Uni<DiffView> diff(@PathParam("key") String key, @QueryParam("from") int from,
            @QueryParam("to") int to) {
        designer();
        return versions.diff(key, from, to).map(d -> new DiffView(key, from, to, d.changes()));
    }

    /** Changes between two versions: BPMN elements, form fields and template settings. */
    public record DiffView(String key, int from, int to, List<TemplateDiff.Change> changes) {
    }

    @GET
    @Path("/templates/{key}/versions/{version}/export")
    @Produces("application/zip")
    public Uni<Response> export(@PathParam("key") String key, @PathParam("version") int version) {
        designer();
        return versions.export(key, version).map(pkg -> Response.ok(TemplateArchive.write(pkg))
                .header("Content-Disposition", "attachment; filename=\"" + key + "-v" + version + ".zip\"").build());
    }

    /** Imports a template zip (application/zip) or a BPMN file (application/xml) as drafts. */
    @POST
    @Path("/templates/import")
    @Consumes({"application/zip", "application/xml", "text/xml", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<Response> importTemplate(byte[] body, io.vertx.ext.web.RoutingContext context) {
        CurrentUser user = designer();
        if (body == null || body.length == 0) {
            throw InvalidInput.of("", Text.of("template.error.bodyEmpty"), "required");
        }
        boolean zip = body.length > 2 && body[0] == 'P' && body[1] == 'K';
        Uni<TemplateDrafts.Imported> imported = zip ? drafts.importArchive(user, body)
                : drafts.importBpmn(user, new String(body, StandardCharsets.UTF_8));
        return imported.map(result -> {
            if (result.draft() == null) {
                throw new InvalidInput(Text.of("template.error.bpmnCannotImport"), result.errors());
            }
            java.util.Locale locale = io.flowdesk.shared.rest.RequestLocale.of(context);
            return Response.status(201).entity(new ImportView(TemplateDraftView.of(result.draft()), result.notes()
                    .stream().map(n -> new ImportNote(n.element(), n.text().in(locale), n.text().key())).toList()))
                    .build();
        });
    }

    /** An imported draft and the notes about what was mapped, dropped or left for the lint. */
    public record ImportView(TemplateDraftView draft, List<ImportNote> notes) {
    }

    /** One import note: the BPMN element, the sentence in the request's language, the catalogue key. */
    public record ImportNote(String element, String message, String key) {
    }

    @POST
    @Path("/templates/{key}/try")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TicketDetails> tryIt(@PathParam("key") String key, TryBody body) {
        CurrentUser user = designer();
        TryBody given = body == null ? new TryBody(null, null, null) : body;
        return drafts.packageOf(key).chain(pkg -> versions.publishTest(pkg, user.username()))
                .chain(test -> tickets.createTest(user, test, new CreateTicketRequest(key,
                        given.title() == null ? "Test: " + key : given.title(), given.priority(),
                        new Customer(user.displayName(), user.email() == null ? "designer@flowdesk.local"
                                : user.email(), null), given.data(), "test")))
                .map(TicketService.Created::ticket);
    }

    @GET
    @Path("/forms")
    public Uni<List<FormDrafts.Summary>> forms() {
        designer();
        return formDrafts.list();
    }

    @GET
    @Path("/forms/{key}/draft")
    public Uni<FormDrafts.Draft> formDraft(@PathParam("key") String key) {
        designer();
        return formDrafts.draft(key);
    }

    @PUT
    @Path("/forms/{key}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FormDrafts.Draft> saveForm(@PathParam("key") String key, JsonNode schema) {
        return formDrafts.save(designer(), key, schema);
    }

    @POST
    @Path("/forms/{key}/publish")
    public Uni<FormRef> publishForm(@PathParam("key") String key) {
        return formDrafts.publish(designer(), key);
    }

    @GET
    @Path("/forms/{key}/versions")
    public Uni<List<FormDrafts.VersionInfo>> formVersions(@PathParam("key") String key) {
        designer();
        return formDrafts.versions(key);
    }

    @POST
    @Path("/forms/{key}/versions/{version}/deprecate")
    public Uni<Response> deprecateForm(@PathParam("key") String key, @PathParam("version") int version) {
        return formDrafts.deprecate(designer(), key, version).map(v -> Response.noContent().build());
    }
}
