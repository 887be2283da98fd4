package io.flowdesk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The form designer's model: every palette type emits a schema inside the profile, and shipped forms round-trip. */
class FormModelTest {

    @Test
    void everyPaletteTypeEmitsASchemaInsideTheProfile() {
        FormModel model = new FormModel();
        model.titleZh = "全部控件";
        model.titleEn = "All widgets";
        for (String widget : FormModel.WIDGETS) {
            model.items.add(model.newItem(widget));
        }
        ObjectNode schema = model.toSchema();
        List<FieldError> problems = FormProfile.check(schema, Json.write(schema).length());
        assertEquals(List.of(), problems, Json.pretty(schema));
        assertEquals("array", schema.path("properties").path("group1").path("type").asText());
        assertEquals("object", schema.path("properties").path("group1").path("items").path("type").asText());
        assertEquals("date-time", schema.path("properties").path("datetime1").path("format").asText());
        assertEquals(1, schema.path("x-ui").path("sections").size(), "the heading before fields becomes a section");
    }

    @Test
    void shippedFormsReadBackToTheSameSchema() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("process-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && f.getParent().endsWith("forms"))
                    .toList()) {
                JsonNode schema = Json.parse(Files.readString(file));
                FormModel.Read read = FormModel.fromSchema(schema);
                assertTrue(read.problems().stream().allMatch(p -> "designer".equals(p.rule())), file + ": "
                        + read.problems());
                FormModel again = FormModel.fromSchema(read.model().toSchema()).model();
                assertEquals(Json.canonical(read.model().toSchema()), Json.canonical(again.toSchema()), file.toString());
                assertEquals(names(schema.path("required")), names(again.toSchema().path("required")), file.toString());
                assertEquals(names(schema.path("x-ui").path("order")), names(again.toSchema().path("x-ui")
                        .path("order")), file.toString());
            }
        }
    }

    private static java.util.Set<String> names(JsonNode array) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void duplicateKeysBadPatternsAndRequiredHiddenFieldsAreReported() {
        FormModel model = new FormModel();
        FormModel.Item a = model.newItem("text");
        model.items.add(a);
        FormModel.Item b = model.newItem("text");
        b.key = a.key;
        b.pattern = "(a+)+$";
        b.required = true;
        b.visibleField = "nowhere";
        model.items.add(b);
        List<String> rules = model.problems().stream().map(FieldError::rule).toList();
        assertTrue(rules.containsAll(List.of("key-unique", "pattern", "visible-when")), rules.toString());
    }
}
