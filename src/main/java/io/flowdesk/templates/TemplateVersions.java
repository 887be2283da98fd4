package io.flowdesk.templates;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.internal.TemplateVersionEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The life of template versions after publishing: listing, deprecation, export as a process-templates folder,
 * diffs, and the test versions "Try it" runs on.
 */
@ApplicationScoped
public class TemplateVersions {

    public static final String DEPRECATED = "deprecated";
    public static final String TEST = "test";

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    FormDrafts formDrafts;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    /** One version as listed in the designer. */
    public record VersionInfo(int version, String status, OffsetDateTime publishedAt, String publishedBy,
            OffsetDateTime deprecatedAt, Map<String, Integer> forms) {
    }

    @WithSession
    public Uni<List<VersionInfo>> list(String key) {
        return TemplateVersionEntity.<TemplateVersionEntity>find(
                "templateKey = ?1 and version > 0 order by version desc", key).list()
                .map(list -> list.stream().map(v -> new VersionInfo(v.version, v.status, v.publishedAt,
                        v.publishedBy, v.deprecatedAt, pins(v))).toList());
    }

    /**
     * Deprecates a version (admin only): tickets running on it carry on; new tickets use the newest version that
     * is still published.
     */
    public Uni<Void> deprecate(CurrentUser user, String key, int version) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("template.error.deprecateAdminOnly")));
        }
        return Panache.withTransaction(() -> TemplateVersionEntity.<TemplateVersionEntity>find(
                "templateKey = ?1 and version = ?2", key, version).firstResult().invoke(v -> {
                    if (v == null || version <= 0) {
                        throw new NotFound(Text.of("template.error.versionNotFound", key, String.valueOf(version)));
                    }
                    v.status = DEPRECATED;
                    v.deprecatedAt = FlowClock.offsetNow();
                })).invoke(() -> templates.forget(key)).replaceWithVoid();
    }

    /** A stored version as a process-templates package: template.json, process.bpmn and its pinned forms. */
    public Uni<TemplatePackage> export(String key, int version) {
        return Panache.withSession(() -> TemplateVersionEntity.<TemplateVersionEntity>find(
                "templateKey = ?1 and version = ?2", key, version).firstResult()).chain(v -> {
                    if (v == null || version <= 0) {
                        return Uni.createFrom().failure(new NotFound(Text.of("template.error.versionNotFound", key, String.valueOf(version))));
                    }
                    Map<String, JsonNode> schemas = new TreeMap<>();
                    return Multi.createFrom().iterable(pins(v).entrySet()).onItem()
                            .transformToUniAndConcatenate(pin -> forms.get(pin.getKey(), pin.getValue())
                                    .invoke(form -> schemas.put(pin.getKey(), form.schema())))
                            .collect().asList()
                            .map(ignored -> new TemplatePackage(key, TemplateService.metadataOf(v), v.bpmnXml,
                                    schemas));
                });
    }

    /**
     * What publishing a draft would change: the diff against the newest stored version and how many tickets still
     * run on that version (they stay on it). No previous version: {@code previousVersion} is null.
     */
    public record PublishPreview(Integer previousVersion, TemplateDiff diff, long runningOnPrevious) {
    }

    public Uni<PublishPreview> preview(String key, TemplatePackage draft) {
        return Panache.withSession(() -> TemplateVersionEntity.<TemplateVersionEntity>find(
                "templateKey = ?1 and version > 0 order by version desc", key).firstResult()).chain(v -> {
                    if (v == null) {
                        return Uni.createFrom().item(new PublishPreview(null, null, 0));
                    }
                    return export(key, v.version).chain(previous -> runningTickets(v.id).map(
                            running -> new PublishPreview(v.version, TemplateDiff.between(previous, draft), running)));
                });
    }

    /** Tickets of a template version that have not reached an end status. */
    Uni<Long> runningTickets(Long versionId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from ticket where template_version_id = ?1 and status not in (?2, ?3, ?4, ?5)",
                Long.class).setParameter(1, versionId).setParameter(2, TicketStatus.RESOLVED)
                .setParameter(3, TicketStatus.CLOSED).setParameter(4, TicketStatus.REJECTED)
                .setParameter(5, TicketStatus.CANCELLED).getSingleResult()));
    }

    /** Changes between two versions (BPMN elements, form fields, metadata). */
    public Uni<TemplateDiff> diff(String key, int from, int to) {
        return export(key, from).chain(a -> export(key, to).map(b -> TemplateDiff.between(a, b)));
    }

    /**
     * Deploys a draft package as a test version for "Try it": it must pass the gate; forms that differ from their
     * newest version get test versions. The result runs tickets like any version but is never "the newest".
     */
    public Uni<PublishedTemplate> publishTest(TemplatePackage pkg, String username) {
        return templates.check(pkg).chain(errors -> {
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("template.error.fixBeforeTry"), errors));
            }
            Map<String, Integer> pins = new TreeMap<>();
            return Multi.createFrom().iterable(new TreeMap<>(pkg.forms()).entrySet()).onItem()
                    .transformToUniAndConcatenate(e -> formDrafts.testVersion(e.getKey(), e.getValue())
                            .invoke(ref -> pins.put(ref.key(), ref.version())))
                    .collect().asList()
                    .chain(() -> bridge.call(() -> engine.deploy(pkg.key() + "-test", pkg.key() + " (test)",
                            pkg.bpmnXml())))
                    .chain(deployed -> Panache.withTransaction(() -> TemplateVersionEntity
                            .<TemplateVersionEntity>find("templateKey = ?1 order by version asc", pkg.key())
                            .firstResult().chain(lowest -> {
                                // test versions are never "the newest": they count down from -1, and are not public
                                TemplateVersionEntity v = TemplateService.versionRow(pkg,
                                        lowest == null || lowest.version > 0 ? -1 : lowest.version - 1, TEST, pins,
                                        Json.sha256(pkg.bpmnXml() + pins), deployed, username);
                                v.isPublic = false;
                                return v.persist().replaceWith(v);
                            })))
                    .chain(v -> templates.byVersionId(v.id));
        });
    }

    private static Map<String, Integer> pins(TemplateVersionEntity v) {
        return Json.MAPPER.convertValue(Json.parse(v.formsJson), new TypeReference<TreeMap<String, Integer>>() {
        });
    }
}
