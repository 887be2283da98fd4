package io.flowdesk.forms;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.internal.FormVersionEntity;
import io.flowdesk.forms.internal.SchemaValidator;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Form definitions and versions; the form profile gate; data validation with networknt. */
@ApplicationScoped
public class FormService {

    public static final String PUBLISHED = "published";

    private final SchemaValidator validator = new SchemaValidator();
    /** Published versions are immutable, so they are cached forever. */
    private final Map<String, FormDefinition> published = new ConcurrentHashMap<>();

    /** Checks a schema against FlowDesk's form profile; returns the problems (empty when fine). */
    public List<FieldError> checkProfile(JsonNode schema) {
        int bytes = Json.write(schema).getBytes(StandardCharsets.UTF_8).length;
        return FormProfile.check(schema, bytes);
    }

    @WithSession
    public Uni<FormDefinition> get(String key, int version) {
        FormDefinition cached = published.get(key + "@" + version);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return FormVersionEntity.<FormVersionEntity>find("formKey = ?1 and version = ?2", key, version).firstResult()
                .map(entity -> {
                    if (entity == null) {
                        throw new NotFound(Text.of("form.error.versionNotFound", key, String.valueOf(version)));
                    }
                    FormDefinition form = toDefinition(entity);
                    if (PUBLISHED.equals(form.status())) {
                        published.put(key + "@" + version, form);
                    }
                    return form;
                });
    }

    /**
     * Publishes a schema as the next version of {@code key} unless the newest version already has the same
     * content, in which case that version is returned. Rejects schemas outside the profile.
     */
    @WithTransaction
    public Uni<FormRef> publishIfChanged(String key, JsonNode schema) {
        List<FieldError> problems = checkProfile(schema);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("form.error.outsideProfile", key), problems));
        }
        String canonical = Json.canonical(schema);
        String hash = Json.sha256(canonical);
        return FormVersionEntity.<FormVersionEntity>find("formKey = ?1 and version > 0 order by version desc", key)
                .firstResult().chain(latest -> {
                    if (latest != null && latest.contentHash.equals(hash)) {
                        return Uni.createFrom().item(new FormRef(key, latest.version));
                    }
                    FormVersionEntity entity = new FormVersionEntity();
                    entity.formKey = key;
                    entity.version = latest == null ? 1 : latest.version + 1;
                    entity.status = PUBLISHED;
                    entity.schemaJson = canonical;
                    entity.contentHash = hash;
                    entity.publishedAt = FlowClock.offsetNow();
                    return entity.persist().map(saved -> new FormRef(key, entity.version));
                });
    }

    /** Validates data against a form version. Pointers are prefixed (e.g. {@code /data}). */
    public List<FieldError> validate(FormDefinition form, JsonNode data, String pointerPrefix) {
        return validate(form, data, pointerPrefix, java.util.Locale.ENGLISH);
    }

    /**
     * As {@link #validate(FormDefinition, JsonNode, String)}. The messages are {@link io.flowdesk.shared.Text}s that
     * name fields by their labels and are put into the reader's language where they are shown, so {@code locale}
     * no longer changes them.
     */
    public List<FieldError> validate(FormDefinition form, JsonNode data, String pointerPrefix, java.util.Locale locale) {
        if (data == null || data.isNull()) {
            return List.of(FieldError.of(pointerPrefix, Text.of("validation.data.required"), "type"));
        }
        return validator.validate(form.key() + "@" + form.version(), form.schema(), data, pointerPrefix);
    }

    /**
     * Validates data against an unpublished schema (the designer's preview): profile first, then networknt,
     * without keeping the compiled schema.
     */
    public List<FieldError> validateDraft(JsonNode schema, JsonNode data, String pointerPrefix, java.util.Locale locale) {
        List<FieldError> problems = checkProfile(schema);
        if (!problems.isEmpty()) {
            return problems;
        }
        String cacheKey = "draft:" + java.util.UUID.randomUUID();
        try {
            if (data == null || data.isNull()) {
                return List.of(FieldError.of(pointerPrefix, Text.of("validation.data.required"), "type"));
            }
            return validator.validate(cacheKey, schema, data, pointerPrefix);
        } finally {
            validator.evict(cacheKey);
        }
    }

    public Uni<List<FieldError>> validate(FormRef ref, JsonNode data, String pointerPrefix) {
        return get(ref.key(), ref.version()).map(form -> validate(form, data, pointerPrefix));
    }

    public Uni<List<FieldError>> validate(FormRef ref, JsonNode data, String pointerPrefix, String languageTag) {
        java.util.Locale locale = languageTag != null && languageTag.startsWith("zh") ? java.util.Locale.SIMPLIFIED_CHINESE
                : java.util.Locale.ENGLISH;
        return get(ref.key(), ref.version()).map(form -> validate(form, data, pointerPrefix, locale));
    }

    private static FormDefinition toDefinition(FormVersionEntity entity) {
        return new FormDefinition(entity.formKey, entity.version, entity.status, Json.parse(entity.schemaJson));
    }
}
