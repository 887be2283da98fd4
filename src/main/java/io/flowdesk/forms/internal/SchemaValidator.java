package io.flowdesk.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.flowdesk.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * networknt, configured for untrusted schemas: 2020-12 only, format assertions on, nothing fetched
 * (no remote, file or classpath resources), compiled schemas cached per form version.
 */
public final class SchemaValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                            .formatAssertionsEnabled(true).locale(Locale.ENGLISH).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)
                            .block(iri -> !iri.toString().startsWith("https://json-schema.org/draft/2020-12/"))));

    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public List<FieldError> validate(String cacheKey, JsonNode schema, JsonNode data, String pointerPrefix) {
        return validate(cacheKey, schema, data, pointerPrefix, Locale.ENGLISH);
    }

    /** Validates; messages in {@code locale} where networknt has them (zh_CN, en, ...). */
    public List<FieldError> validate(String cacheKey, JsonNode schema, JsonNode data, String pointerPrefix,
            Locale locale) {
        Schema compiledSchema = compiled.computeIfAbsent(cacheKey, k -> registry.getSchema(schema));
        List<Error> errors = Locale.ENGLISH.equals(locale) ? compiledSchema.validate(data)
                : compiledSchema.validate(data, context -> context.executionConfig(c -> c.locale(locale)));
        List<FieldError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            if (location.equals("/") || location.equals("$")) {
                location = "";
            }
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                location = location + "/" + error.getProperty();
            } else if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                location = location + "/" + error.getProperty();
            }
            result.add(new FieldError(pointerPrefix + location, cleanMessage(error), error.getKeyword()));
        }
        return result;
    }

    public void evict(String cacheKey) {
        compiled.remove(cacheKey);
    }

    private static String cleanMessage(Error error) {
        String message = error.getMessage();
        if (message == null) {
            return error.getKeyword() + " failed";
        }
        return message;
    }
}
