package io.flowdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.internal.SchemaValidator;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Form validation on a 20-field form: networknt as FlowDesk uses it (compiled, cached) vs Vert.x JSON Schema. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidationBench {

    static final ObjectMapper MAPPER = new ObjectMapper();

    SchemaValidator networknt;
    JsonNode schema;
    JsonNode valid;
    JsonNode invalid;
    Validator vertx;
    JsonObject validObject;
    JsonObject invalidObject;

    @Setup
    public void setUp() throws Exception {
        schema = form20();
        valid = MAPPER.readTree("""
                {"f0":"ORDER-12345","f1":"张三","f2":"a@example.com","f3":"13800001111","f4":42,"f5":199.5,
                 "f6":"2026-11-23","f7":"damaged","f8":true,"f9":"line one","f10":"ORDER-9","f11":"李四",
                 "f12":"b@example.com","f13":"13900002222","f14":7,"f15":12.25,"f16":"2026-12-01","f17":"other",
                 "f18":false,"f19":"line two"}""");
        invalid = MAPPER.readTree("""
                {"f0":"bad order","f1":"","f2":"not-an-email","f3":"12","f4":-1,"f5":"x","f6":"yesterday",
                 "f7":"bored","f8":"yes","f10":"ORDER-9","extra":1}""");
        networknt = new SchemaValidator();
        vertx = Validator.create(JsonSchema.of(new JsonObject(MAPPER.writeValueAsString(schema))),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://flowdesk.io/")
                        .setOutputFormat(OutputFormat.Basic));
        validObject = new JsonObject(MAPPER.writeValueAsString(valid));
        invalidObject = new JsonObject(MAPPER.writeValueAsString(invalid));
        if (!networknt.validate("bench@1", schema, valid, "/data").isEmpty()
                || networknt.validate("bench@1", schema, invalid, "/data").size() < 5
                || !vertx.validate(validObject).getValid() || vertx.validate(invalidObject).getValid()) {
            throw new IllegalStateException("the two validators disagree with the fixtures");
        }
    }

    @Benchmark
    public int networkntValid() {
        return networknt.validate("bench@1", schema, valid, "/data").size();
    }

    @Benchmark
    public int networkntInvalid() {
        return networknt.validate("bench@1", schema, invalid, "/data").size();
    }

    @Benchmark
    public boolean vertxValid() {
        return vertx.validate(validObject).getValid();
    }

    @Benchmark
    public boolean vertxInvalid() {
        return vertx.validate(invalidObject).getValid();
    }

    /** 20 fields, every kind of constraint a FlowDesk form uses; deterministic. */
    static JsonNode form20() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        var required = root.putArray("required");
        for (int block = 0; block < 2; block++) {
            int o = block * 10;
            props.putObject("f" + o).put("type", "string").put("pattern", "^[A-Z0-9-]+$").put("maxLength", 64);
            props.putObject("f" + (o + 1)).put("type", "string").put("minLength", 1).put("maxLength", 200);
            props.putObject("f" + (o + 2)).put("type", "string").put("format", "email");
            props.putObject("f" + (o + 3)).put("type", "string").put("pattern", "^\\+?[0-9][0-9 -]{5,19}$");
            props.putObject("f" + (o + 4)).put("type", "integer").put("minimum", 0).put("maximum", 1000);
            props.putObject("f" + (o + 5)).put("type", "number").put("minimum", 0.01).put("maximum", 100000);
            props.putObject("f" + (o + 6)).put("type", "string").put("format", "date");
            var e = props.putObject("f" + (o + 7)).put("type", "string").putArray("enum");
            e.add("damaged").add("wrong-item").add("not-received").add("other");
            props.putObject("f" + (o + 8)).put("type", "boolean");
            props.putObject("f" + (o + 9)).put("type", "string").put("maxLength", 2000);
            for (int k = 0; k < 9; k++) {
                required.add("f" + (o + k));
            }
        }
        root.put("additionalProperties", false);
        return root;
    }
}
