package io.flowdesk.forms;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.internal.FormDraftEntity;
import io.flowdesk.forms.internal.FormVersionEntity;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The form library: drafts edited in the form designer, published versions (immutable), deprecation, and the
 * test versions that "Try it" pins. Designers and admins edit drafts; only admins publish and deprecate.
 */
@ApplicationScoped
public class FormDrafts {

    public static final String DEPRECATED = "deprecated";
    public static final String TEST = "test";
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    @Inject
    FormService forms;

    /** One form of the library: newest version and whether unpublished changes exist. */
    public record Summary(String key, String titleZh, String titleEn, Integer newestVersion, String newestStatus,
            boolean hasDraft, OffsetDateTime draftUpdatedAt) {
    }

    /** A version row as listed in the designer. */
    public record VersionInfo(int version, String status, OffsetDateTime publishedAt, OffsetDateTime deprecatedAt) {
    }

    /** The schema a designer works on: the draft if there is one, else the newest published version. */
    public record Draft(String key, JsonNode schema, int revision, boolean saved) {
    }

    @WithSession
    public Uni<List<Summary>> list() {
        return FormVersionEntity.<FormVersionEntity>find("version > 0 order by formKey, version desc").list()
                .chain(versions -> FormDraftEntity.<FormDraftEntity>listAll().map(drafts -> {
                    Map<String, Summary> byKey = new LinkedHashMap<>();
                    Map<String, FormDraftEntity> draftByKey = new LinkedHashMap<>();
                    drafts.forEach(d -> draftByKey.put(d.formKey, d));
                    for (FormVersionEntity v : versions) {
                        if (!byKey.containsKey(v.formKey)) {
                            JsonNode schema = Json.parse(draftByKey.containsKey(v.formKey)
                                    ? draftByKey.get(v.formKey).schemaJson : v.schemaJson);
                            FormDraftEntity d = draftByKey.get(v.formKey);
                            byKey.put(v.formKey, new Summary(v.formKey, title(schema, "zh-CN"), title(schema, "en"),
                                    v.version, v.status, d != null, d == null ? null : d.updatedAt));
                        }
                    }
                    for (FormDraftEntity d : drafts) {
                        if (!byKey.containsKey(d.formKey)) {
                            JsonNode schema = Json.parse(d.schemaJson);
                            byKey.put(d.formKey, new Summary(d.formKey, title(schema, "zh-CN"), title(schema, "en"),
                                    null, null, true, d.updatedAt));
                        }
                    }
                    List<Summary> result = new ArrayList<>(byKey.values());
                    result.sort(java.util.Comparator.comparing(Summary::key));
                    return result;
                }));
    }

    /** The draft of a form, or its newest published version when nobody has changed it yet. */
    @WithSession
    public Uni<Draft> draft(String key) {
        return FormDraftEntity.<FormDraftEntity>findById(key).chain(draft -> {
            if (draft != null) {
                return Uni.createFrom().item(new Draft(key, Json.parse(draft.schemaJson), draft.revision, true));
            }
            return newest(key).map(v -> {
                if (v == null) {
                    throw new NotFound(Text.of("form.error.notFound", key));
                }
                return new Draft(key, Json.parse(v.schemaJson), 0, false);
            });
        });
    }

    /** The schema a template draft uses for a form: its draft, else its newest published version, else null. */
    @WithSession
    public Uni<JsonNode> workingSchema(String key) {
        return FormDraftEntity.<FormDraftEntity>findById(key).chain(draft -> draft != null
                ? Uni.createFrom().item(Json.parse(draft.schemaJson))
                : newest(key).map(v -> v == null ? null : Json.parse(v.schemaJson)));
    }

    /** Saves (auto-saves) a draft. The schema is stored even when outside the profile: publishing checks it. */
    public Uni<Draft> save(CurrentUser user, String key, JsonNode schema) {
        requireDesigner(user);
        if (key == null || !KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(InvalidInput.of("/key", Text.of("form.error.invalidKey"), "pattern"));
        }
        if (schema == null || !schema.isObject()) {
            return Uni.createFrom().failure(InvalidInput.of("/schema", Text.of("form.error.schemaNotObject"), "type"));
        }
        String text = Json.canonical(schema);
        if (text.getBytes(StandardCharsets.UTF_8).length > FormProfile.MAX_BYTES) {
            return Uni.createFrom().failure(InvalidInput.of("/schema", Text.of("form.error.schemaTooLarge",
                    String.valueOf(FormProfile.MAX_BYTES)), "size"));
        }
        return Panache.withTransaction(() -> FormDraftEntity.<FormDraftEntity>findById(key).chain(existing -> {
            FormDraftEntity draft = existing != null ? existing : new FormDraftEntity();
            draft.formKey = key;
            draft.schemaJson = text;
            draft.revision = existing == null ? 1 : existing.revision + 1;
            draft.updatedBy = user.username();
            draft.updatedAt = FlowClock.offsetNow();
            return (existing == null ? draft.persist() : Uni.createFrom().item(draft)).replaceWith(draft);
        })).map(d -> new Draft(key, schema, d.revision, true));
    }

    /** Drops the draft; the form goes back to its newest published version. */
    public Uni<Void> discard(CurrentUser user, String key) {
        requireDesigner(user);
        return Panache.withTransaction(() -> FormDraftEntity.deleteById(key)).replaceWithVoid();
    }

    /** Publishes the draft as the next immutable version (admin only); the draft is removed. */
    public Uni<FormRef> publish(CurrentUser user, String key) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("template.error.publishAdminOnly")));
        }
        return draft(key).chain(draft -> forms.publishIfChanged(key, draft.schema()))
                .call(ref -> Panache.withTransaction(() -> FormDraftEntity.deleteById(key)));
    }

    @WithSession
    public Uni<List<VersionInfo>> versions(String key) {
        return FormVersionEntity.<FormVersionEntity>find("formKey = ?1 and version > 0 order by version desc", key)
                .list().map(list -> list.stream()
                        .map(v -> new VersionInfo(v.version, v.status, v.publishedAt, v.deprecatedAt)).toList());
    }

    /** Marks a version deprecated: templates already pinning it keep working; new templates should not use it. */
    public Uni<Void> deprecate(CurrentUser user, String key, int version) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("template.error.deprecateAdminOnly")));
        }
        return Panache.withTransaction(() -> FormVersionEntity.<FormVersionEntity>find(
                "formKey = ?1 and version = ?2", key, version).firstResult().invoke(v -> {
                    if (v == null || version <= 0) {
                        throw new NotFound(Text.of("form.error.versionNotFound", key, String.valueOf(version)));
                    }
                    v.status = DEPRECATED;
                    v.deprecatedAt = FlowClock.offsetNow();
                })).replaceWithVoid();
    }

    /**
     * The version a test ticket pins: the newest published version when the schema equals it, else a new test
     * version (status test, negative number) that reports and the library never show.
     */
    public Uni<FormRef> testVersion(String key, JsonNode schema) {
        String canonical = Json.canonical(schema);
        String hash = Json.sha256(canonical);
        return Panache.withTransaction(() -> newest(key).chain(newest -> {
            if (newest != null && newest.contentHash.equals(hash)) {
                return Uni.createFrom().item(new FormRef(key, newest.version));
            }
            return FormVersionEntity.<FormVersionEntity>find("formKey = ?1 order by version asc", key).firstResult()
                    .chain(lowest -> {
                        FormVersionEntity entity = new FormVersionEntity();
                        entity.formKey = key;
                        entity.version = lowest == null || lowest.version > 0 ? -1 : lowest.version - 1;
                        entity.status = TEST;
                        entity.schemaJson = canonical;
                        entity.contentHash = hash;
                        return entity.persist().map(saved -> new FormRef(key, entity.version));
                    });
        }));
    }

    private static Uni<FormVersionEntity> newest(String key) {
        return FormVersionEntity.<FormVersionEntity>find("formKey = ?1 and version > 0 order by version desc", key)
                .firstResult();
    }

    static void requireDesigner(CurrentUser user) {
        if (!(user.has(Role.DESIGNER) || user.has(Role.ADMIN))) {
            throw new Forbidden(Text.of("form.error.editDesignersOnly"));
        }
    }

    private static String title(JsonNode schema, String language) {
        String t = schema.path("x-ui").path("title").path(language).asText("");
        return t.isEmpty() ? schema.path("title").asText("") : t;
    }
}
