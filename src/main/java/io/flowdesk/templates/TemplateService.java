package io.flowdesk.templates;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.FormRef;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.internal.PublishGate;
import io.flowdesk.templates.internal.TemplateVersionEntity;
import io.flowdesk.workflow.Deployed;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Process templates: versions, the publish gate, deployment to Flowable, and look-ups for tickets. */
@ApplicationScoped
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);
    public static final String PUBLISHED = "published";

    @Inject
    FormService forms;

    @Inject
    IdentityService identity;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    private final Map<Long, PublishedTemplate> byId = new ConcurrentHashMap<>();
    private final Map<String, PublishedTemplate> latest = new ConcurrentHashMap<>();

    /** Runs the publish gate. Empty list: the package may be published. */
    public Uni<List<FieldError>> check(TemplatePackage pkg) {
        return identity.departments().map(departments -> PublishGate.check(pkg,
                departments.stream().map(Department::key).collect(Collectors.toSet())));
    }

    /**
     * Publishes a package through the gate: its forms (new versions only where changed), then the BPMN to
     * Flowable, then the template version row. Content equal to the newest version publishes nothing.
     */
    public Uni<ImportResult> publish(TemplatePackage pkg) {
        return publish(pkg, "import");
    }

    /** As {@link #publish(TemplatePackage)}, recording who published. */
    public Uni<ImportResult> publish(TemplatePackage pkg, String publishedBy) {
        return check(pkg).chain(errors -> {
            if (!errors.isEmpty()) {
                return Uni.createFrom().item(new ImportResult(pkg.folder(), pkg.key(), ImportResult.REJECTED, null,
                        errors));
            }
            return publishForms(pkg).chain(pins -> publishChecked(pkg, pins, publishedBy));
        });
    }

    private Uni<Map<String, Integer>> publishForms(TemplatePackage pkg) {
        return Multi.createFrom().iterable(new TreeMap<>(pkg.forms()).entrySet()).onItem()
                .transformToUniAndConcatenate(e -> forms.publishIfChanged(e.getKey(), e.getValue()))
                .collect().asList()
                .map(refs -> refs.stream().collect(Collectors.toMap(FormRef::key, FormRef::version, (a, b) -> b,
                        TreeMap::new)));
    }

    private Uni<ImportResult> publishChecked(TemplatePackage pkg, Map<String, Integer> pins, String publishedBy) {
        JsonNode meta = pkg.metadata();
        String key = pkg.key();
        String hash = Json.sha256(Json.canonical(meta) + "\n" + pkg.bpmnXml() + "\n" + pins);
        return Panache.withSession(() -> TemplateVersionEntity
                .<TemplateVersionEntity>find("templateKey = ?1 and version > 0 order by version desc", key).firstResult())
                .chain(newest -> {
                    if (newest != null && newest.contentHash.equals(hash)) {
                        return Uni.createFrom().item(new ImportResult(pkg.folder(), key, ImportResult.UNCHANGED,
                                newest.version, List.of()));
                    }
                    String name = meta.path("name").path("en").asText(key);
                    return bridge.call(() -> engine.deploy(key, name, pkg.bpmnXml()))
                            .chain(deployed -> insertVersion(pkg, pins, hash, deployed, publishedBy))
                            .invoke(saved -> {
                                latest.remove(key);
                                LOG.infof("Template %s published as version %d", key, saved.version);
                            })
                            .map(saved -> new ImportResult(pkg.folder(), key, ImportResult.PUBLISHED, saved.version,
                                    List.of()));
                });
    }

    private Uni<TemplateVersionEntity> insertVersion(TemplatePackage pkg, Map<String, Integer> pins, String hash,
            Deployed deployed, String publishedBy) {
        return Panache.withTransaction(() -> TemplateVersionEntity
                .<TemplateVersionEntity>find("templateKey = ?1 and version > 0 order by version desc", pkg.key()).firstResult()
                .chain(newest -> {
                    TemplateVersionEntity entity = versionRow(pkg, newest == null ? 1 : newest.version + 1, PUBLISHED,
                            pins, hash, deployed, publishedBy);
                    return entity.persist().replaceWith(entity);
                }));
    }

    /** The newest published version of a template. */
    @WithSession
    public Uni<PublishedTemplate> latestPublished(String key) {
        PublishedTemplate cached = latest.get(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return TemplateVersionEntity.<TemplateVersionEntity>find("templateKey = ?1 and status = ?2 order by version desc",
                key, PUBLISHED).firstResult().map(entity -> {
                    if (entity == null) {
                        throw new NotFound(Text.of("template.error.notFound", key));
                    }
                    PublishedTemplate template = toPublished(entity);
                    latest.put(key, template);
                    return template;
                });
    }

    /** A specific version of a template. */
    @WithSession
    public Uni<PublishedTemplate> version(String key, int version) {
        return TemplateVersionEntity.<TemplateVersionEntity>find("templateKey = ?1 and version = ?2", key, version)
                .firstResult().map(entity -> {
                    if (entity == null) {
                        throw new NotFound(Text.of("template.error.versionNotFound", key, String.valueOf(version)));
                    }
                    return toPublished(entity);
                });
    }

    @WithSession
    public Uni<PublishedTemplate> byVersionId(long id) {
        PublishedTemplate cached = byId.get(id);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return TemplateVersionEntity.<TemplateVersionEntity>findById(id).map(entity -> {
            if (entity == null) {
                throw new NotFound(Text.of("template.error.versionIdNotFound", String.valueOf(id)));
            }
            return toPublished(entity);
        });
    }

    /** Newest published version of every template. */
    @WithSession
    public Uni<List<PublishedTemplate>> listLatest() {
        return TemplateVersionEntity.<TemplateVersionEntity>find(
                "from TemplateVersionEntity v where v.status = ?1 and v.version = (select max(t.version) from"
                        + " TemplateVersionEntity t where t.templateKey = v.templateKey and t.status = ?1)"
                        + " order by v.templateKey", PUBLISHED)
                .list().map(list -> list.stream().map(this::toPublished).toList());
    }

    @WithSession
    public Uni<String> bpmn(String key, int version) {
        return TemplateVersionEntity.<TemplateVersionEntity>find("templateKey = ?1 and version = ?2", key, version)
                .firstResult().map(entity -> {
                    if (entity == null) {
                        throw new NotFound(Text.of("template.error.versionNotFound", key, String.valueOf(version)));
                    }
                    return entity.bpmnXml;
                });
    }

    private PublishedTemplate toPublished(TemplateVersionEntity entity) {
        return byId.computeIfAbsent(entity.id, id -> {
            Map<String, Integer> pins = Json.MAPPER.convertValue(Json.parse(entity.formsJson),
                    new TypeReference<TreeMap<String, Integer>>() {
                    });
            return new PublishedTemplate(entity.id, entity.templateKey, entity.version, entity.nameZh, entity.nameEn,
                    entity.descriptionZh, entity.descriptionEn, entity.ticketType, entity.isPublic,
                    new FormRef(entity.startFormKey, pins.get(entity.startFormKey)), Map.copyOf(pins),
                    entity.processDefinitionId, entity.partnersMayReply);
        });
    }

    /** A version row of a package (published or test), not yet persisted. */
    static TemplateVersionEntity versionRow(TemplatePackage pkg, int version, String status, Map<String, Integer> pins,
            String hash, Deployed deployed, String publishedBy) {
        JsonNode meta = pkg.metadata();
        TemplateVersionEntity entity = new TemplateVersionEntity();
        entity.templateKey = pkg.key();
        entity.version = version;
        entity.status = status;
        entity.nameZh = meta.path("name").path("zh-CN").asText(pkg.key());
        entity.nameEn = meta.path("name").path("en").asText(pkg.key());
        entity.descriptionZh = meta.path("description").path("zh-CN").asText(null);
        entity.descriptionEn = meta.path("description").path("en").asText(null);
        entity.ticketType = meta.path("ticketType").asText();
        entity.isPublic = meta.path("public").asBoolean(false);
        entity.partnersMayReply = meta.path("partnersMayReplyToCustomer").asBoolean(false);
        entity.startFormKey = meta.path("startForm").asText();
        entity.bpmnXml = pkg.bpmnXml();
        entity.formsJson = Json.write(pins);
        entity.contentHash = hash;
        entity.deploymentId = deployed.deploymentId();
        entity.processDefinitionId = deployed.processDefinitionId();
        entity.publishedAt = FlowClock.offsetNow();
        entity.publishedBy = publishedBy;
        return entity;
    }

    /** Drops cached look-ups of a template after its versions changed status. */
    void forget(String key) {
        latest.remove(key);
    }

    /** template.json of a stored version, in the process-templates format. */
    static ObjectNode metadataOf(TemplateVersionEntity v) {
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("key", v.templateKey);
        meta.putObject("name").put("zh-CN", v.nameZh).put("en", v.nameEn);
        if (v.descriptionZh != null || v.descriptionEn != null) {
            ObjectNode description = meta.putObject("description");
            description.put("zh-CN", v.descriptionZh == null ? "" : v.descriptionZh);
            description.put("en", v.descriptionEn == null ? "" : v.descriptionEn);
        }
        meta.put("ticketType", v.ticketType);
        meta.put("public", v.isPublic);
        meta.put("startForm", v.startFormKey);
        if (v.partnersMayReply) {
            meta.put("partnersMayReplyToCustomer", true);
        }
        meta.put("bpmn", "process.bpmn");
        return meta;
    }
}
