package io.flowdesk.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.flowdesk.forms.ValidationTexts;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * Validates data; every problem names its field by its label ({@link ValidationTexts}) and keeps the pointer
     * and the rule (the JSON Schema keyword). The texts are put into the reader's language at the edge.
     */
    public List<FieldError> validate(String cacheKey, JsonNode schema, JsonNode data, String pointerPrefix) {
        Schema compiledSchema = compiled.computeIfAbsent(cacheKey, k -> registry.getSchema(schema));
        List<Error> errors = compiledSchema.validate(data);
        Set<FieldError> result = new LinkedHashSet<>();
        for (Error error : errors) {
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            if (location.equals("/") || location.equals("$")) {
                location = "";
            }
            String keyword = error.getKeyword() == null ? "invalid" : error.getKeyword();
            Text text;
            if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
                location = location + "/" + escape(error.getProperty());
                text = ValidationTexts.unknownField(error.getProperty());
            } else if ("required".equals(keyword) && error.getProperty() != null) {
                location = location + "/" + escape(error.getProperty());
                text = ValidationTexts.required(ValidationTexts.field(schema, location));
            } else {
                text = ValidationTexts.forRule(ValidationTexts.field(schema, location), keyword, error.getSchemaNode());
            }
            result.add(FieldError.of(pointerPrefix + location, text, keyword));
        }
        return new ArrayList<>(result);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public void evict(String cacheKey) {
        compiled.remove(cacheKey);
    }

}
