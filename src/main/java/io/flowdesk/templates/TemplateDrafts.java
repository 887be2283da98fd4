package io.flowdesk.templates;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.internal.PublishGate;
import io.flowdesk.templates.internal.TemplateDraftEntity;
import io.flowdesk.templates.internal.TemplateVersionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template drafts: the designer's working copy (template.json metadata + BPMN), saved on every change. A draft
 * becomes a package with the working copies of the forms it uses; that package is linted, tried and published.
 */
@ApplicationScoped
public class TemplateDrafts {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern FORM_KEY_ATTRIBUTE = Pattern.compile("formKey\\s*=\\s*\"([^\"]*)\"");

    @Inject
    TemplateService templates;

    @Inject
    FormDrafts formDrafts;

    /** A template of the library: newest version and whether unpublished changes exist. */
    public record Summary(String key, String nameZh, String nameEn, Integer newestVersion, String newestStatus,
            boolean hasDraft, OffsetDateTime draftUpdatedAt) {
    }

    /** What the designer edits. {@code saved} is false while it is only a copy of the newest version. */
    public record Draft(String key, JsonNode metadata, String bpmnXml, int revision, boolean saved) {
    }

    @WithSession
    public Uni<List<Summary>> list() {
        return TemplateVersionEntity.<TemplateVersionEntity>find("version > 0 order by templateKey, version desc")
                .list().chain(versions -> TemplateDraftEntity.<TemplateDraftEntity>listAll().map(drafts -> {
                    Map<String, TemplateDraftEntity> draftByKey = new LinkedHashMap<>();
                    drafts.forEach(d -> draftByKey.put(d.templateKey, d));
                    Map<String, Summary> byKey = new LinkedHashMap<>();
                    for (TemplateVersionEntity v : versions) {
                        TemplateDraftEntity d = draftByKey.get(v.templateKey);
                        byKey.putIfAbsent(v.templateKey, new Summary(v.templateKey, v.nameZh, v.nameEn, v.version,
                                v.status, d != null, d == null ? null : d.updatedAt));
                    }
                    for (TemplateDraftEntity d : drafts) {
                        JsonNode meta = Json.parse(d.metadataJson);
                        byKey.putIfAbsent(d.templateKey, new Summary(d.templateKey,
                                meta.path("name").path("zh-CN").asText(), meta.path("name").path("en").asText(),
                                null, null, true, d.updatedAt));
                    }
                    List<Summary> result = new ArrayList<>(byKey.values());
                    result.sort(Comparator.comparing(Summary::key));
                    return result;
                }));
    }

    /** The draft, or a copy of the newest published version when nobody has changed the template yet. */
    @WithSession
    public Uni<Draft> draft(String key) {
        return TemplateDraftEntity.<TemplateDraftEntity>findById(key).chain(draft -> {
            if (draft != null) {
                return Uni.createFrom().item(new Draft(key, Json.parse(draft.metadataJson), draft.bpmnXml,
                        draft.revision, true));
            }
            return TemplateVersionEntity.<TemplateVersionEntity>find(
                    "templateKey = ?1 and version > 0 order by version desc", key).firstResult().map(v -> {
                        if (v == null) {
                            throw new NotFound(Text.of("template.error.notFound", key));
                        }
                        return new Draft(key, TemplateService.metadataOf(v), v.bpmnXml, 0, false);
                    });
        });
    }

    /** Starts a new template: start event → end event, with its names. Fails when the key is taken. */
    public Uni<Draft> create(CurrentUser user, String key, String nameZh, String nameEn, String ticketType,
            String startForm) {
        requireDesigner(user);
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError("/key", "2-64 lower-case letters, digits or '-', starting with a letter", "key"));
        }
        if (nameZh == null || nameZh.isBlank()) {
            errors.add(new FieldError("/name/zh-CN", Text.of("template.error.nameZhRequired"), "required"));
        }
        if (nameEn == null || nameEn.isBlank()) {
            errors.add(new FieldError("/name/en", Text.of("template.error.nameEnRequired"), "required"));
        }
        if (startForm == null || startForm.isBlank()) {
            errors.add(new FieldError("/startForm", Text.of("template.error.startFormRequired"), "required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("template.error.cannotCreate"), errors));
        }
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("key", key);
        meta.putObject("name").put("zh-CN", nameZh.trim()).put("en", nameEn.trim());
        meta.put("ticketType", ticketType == null || ticketType.isBlank() ? key : ticketType.trim());
        meta.put("public", false);
        meta.put("startForm", startForm);
        meta.put("bpmn", "process.bpmn");
        String xml = NewProcess.xml(key, nameZh.trim(), nameEn.trim());
        return exists(key).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(new Conflict(Text.of("template.error.keyExists", key)));
            }
            return save(user, key, meta, xml);
        });
    }

    private Uni<Boolean> exists(String key) {
        return Panache.withSession(() -> TemplateDraftEntity.count("templateKey", key)
                .chain(drafts -> TemplateVersionEntity.count("templateKey", key).map(versions -> drafts + versions > 0)));
    }

    /** Saves (auto-saves) a draft. BPMN is stored as text; it is parsed only by the gate's secure reader. */
    public Uni<Draft> save(CurrentUser user, String key, JsonNode metadata, String bpmnXml) {
        requireDesigner(user);
        if (metadata == null || !metadata.isObject()) {
            return Uni.createFrom().failure(InvalidInput.of("/metadata", Text.of("template.error.metadataNotObject"), "type"));
        }
        if (bpmnXml == null || bpmnXml.getBytes(StandardCharsets.UTF_8).length > PublishGate.MAX_BPMN_BYTES) {
            return Uni.createFrom().failure(InvalidInput.of("/bpmn", Text.of("template.error.bpmnSize",
                    String.valueOf(PublishGate.MAX_BPMN_BYTES)), "size"));
        }
        ObjectNode meta = metadata.deepCopy();
        meta.put("key", key);
        return Panache.withTransaction(() -> TemplateDraftEntity.<TemplateDraftEntity>findById(key).chain(existing -> {
            TemplateDraftEntity draft = existing != null ? existing : new TemplateDraftEntity();
            draft.templateKey = key;
            draft.metadataJson = Json.canonical(meta);
            draft.bpmnXml = bpmnXml;
            draft.revision = existing == null ? 1 : existing.revision + 1;
            draft.updatedBy = user.username();
            draft.updatedAt = FlowClock.offsetNow();
            return (existing == null ? draft.persist() : Uni.createFrom().item(draft)).replaceWith(draft);
        })).map(d -> new Draft(key, meta, bpmnXml, d.revision, true));
    }

    public Uni<Void> discard(CurrentUser user, String key) {
        requireDesigner(user);
        return Panache.withTransaction(() -> TemplateDraftEntity.deleteById(key)).replaceWithVoid();
    }

    /** The draft as a package: metadata, BPMN and the working copy of every form it names. */
    public Uni<TemplatePackage> packageOf(String key) {
        return draft(key).chain(this::packageOf);
    }

    public Uni<TemplatePackage> packageOf(Draft draft) {
        Set<String> keys = formKeys(draft);
        Map<String, JsonNode> forms = new TreeMap<>();
        return Multi.createFrom().iterable(keys).onItem()
                .transformToUniAndConcatenate(formKey -> formDrafts.workingSchema(formKey).invoke(schema -> {
                    if (schema != null) {
                        forms.put(formKey, schema);
                    }
                })).collect().asList()
                .map(ignored -> new TemplatePackage(draft.key(), draft.metadata(), draft.bpmnXml(), forms));
    }

    /** The forms a draft names: its start form and every user task's form key. */
    public static Set<String> formKeys(Draft draft) {
        Set<String> keys = new TreeSet<>();
        String start = draft.metadata().path("startForm").asText("");
        if (!start.isBlank()) {
            keys.add(start);
        }
        Matcher matcher = FORM_KEY_ATTRIBUTE.matcher(draft.bpmnXml() == null ? "" : draft.bpmnXml());
        while (matcher.find()) {
            if (KEY.matcher(matcher.group(1)).matches()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    /** Lint: the publish gate's problems with the draft, each naming a BPMN element or a form. */
    public Uni<List<FieldError>> lint(String key) {
        return packageOf(key).chain(templates::check);
    }

    /** Lint of a draft the caller already holds (the designer after an auto-save): no second read of the row. */
    public Uni<List<FieldError>> lint(Draft draft) {
        return packageOf(draft).chain(templates::check);
    }

    /**
     * Publishes the draft (admin only) through the gate: its forms become new versions where they changed, the
     * BPMN is deployed, and the template gets version N. The drafts it used are removed.
     */
    public Uni<ImportResult> publish(CurrentUser user, String key) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("template.error.publishAdminOnly")));
        }
        return packageOf(key).chain(pkg -> templates.publish(pkg, user.username()).call(result -> {
            if (ImportResult.REJECTED.equals(result.outcome())) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(pkg.forms().keySet()).onItem()
                    .transformToUniAndConcatenate(formKey -> formDrafts.discard(user, formKey)).collect().asList()
                    .chain(() -> Panache.withTransaction(() -> TemplateDraftEntity.deleteById(key)));
        }));
    }

    /** Stores an imported package as drafts (template and forms); nothing is published. */
    public Uni<Draft> storeImported(CurrentUser user, TemplatePackage pkg) {
        requireDesigner(user);
        return Multi.createFrom().iterable(new TreeMap<>(pkg.forms()).entrySet()).onItem()
                .transformToUniAndConcatenate(form -> formDrafts.workingSchema(form.getKey()).chain(current ->
                        current != null && Json.canonical(current).equals(Json.canonical(form.getValue()))
                                ? Uni.createFrom().voidItem()
                                : formDrafts.save(user, form.getKey(), form.getValue()).replaceWithVoid()))
                .collect().asList()
                .chain(() -> save(user, pkg.key(), pkg.metadata(), pkg.bpmnXml()));
    }

    /** Result of importing a file: the draft it became (null when rejected), problems and notes. */
    public record Imported(Draft draft, List<FieldError> errors, List<BpmnImport.Note> notes) {
    }

    /** Imports a template zip in the process-templates format as drafts. */
    public Uni<Imported> importArchive(CurrentUser user, byte[] zip) {
        requireDesigner(user);
        TemplatePackage pkg = TemplateArchive.read(zip);
        if (!KEY.matcher(pkg.key()).matches()) {
            return Uni.createFrom().failure(InvalidInput.of("template.json#/key",
                    "key must be 2-64 lower-case letters, digits or '-', starting with a letter"));
        }
        return storeImported(user, pkg).map(d -> new Imported(d, List.of(), List.of()));
    }

    /**
     * Imports a BPMN made in Camunda Modeler (7 or 8), Flowable or another modeler as a draft that keeps the
     * diagram: what maps is mapped, tool metadata is dropped with a note, and what cannot run stays for the publish
     * gate to name. Only a file unsafe to store or not BPMN is refused (nothing stored). The draft never takes
     * the key of an existing template or draft: a free key is chosen.
     */
    public Uni<Imported> importBpmn(CurrentUser user, String xml) {
        requireDesigner(user);
        BpmnImport.Result mapped = BpmnImport.map(xml);
        if (!mapped.ok()) {
            return Uni.createFrom().item(new Imported(null, mapped.errors(), mapped.notes()));
        }
        DiagramOutline outline = DiagramOutline.read(mapped.xml());
        String processId = outline.processId() == null ? "imported" : outline.processId();
        String base = processId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        if (base.length() > 56) {
            base = base.substring(0, 56).replaceAll("-+$", "");
        }
        if (!KEY.matcher(base).matches()) {
            base = "imported-" + Integer.toHexString(processId.hashCode() & 0xfffff);
        }
        String name = nameOf(mapped.xml(), base);
        String first = base;
        return freeKey(first, 1).chain(key -> {
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("key", key);
            meta.putObject("name").put("zh-CN", name).put("en", name);
            meta.put("ticketType", key);
            meta.put("public", false);
            meta.put("startForm", mapped.startForm() == null ? "" : mapped.startForm());
            meta.put("bpmn", "process.bpmn");
            return save(user, key, meta, mapped.xml()).map(d -> new Imported(d, List.of(), mapped.notes()));
        });
    }

    private Uni<String> freeKey(String base, int attempt) {
        String candidate = attempt == 1 ? base : base + "-" + attempt;
        return exists(candidate).chain(taken -> taken && attempt < 100 ? freeKey(base, attempt + 1)
                : Uni.createFrom().item(candidate));
    }

    private static String nameOf(String xml, String fallback) {
        Matcher m = Pattern.compile("<(?:\\w+:)?process\\b[^>]*\\bname=\"([^\"]+)\"").matcher(xml);
        return m.find() ? m.group(1) : fallback;
    }

    static void requireDesigner(CurrentUser user) {
        if (!(user.has(Role.DESIGNER) || user.has(Role.ADMIN))) {
            throw new Forbidden(Text.of("template.error.editDesignersOnly"));
        }
    }
}
