package io.flowdesk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormProfileTest {

    static ObjectNode form() {
        return (ObjectNode) Json.parse("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"amount":{"type":"number","minimum":0},"note":{"type":"string","maxLength":10}},
                 "required":["amount"],"additionalProperties":false,
                 "x-ui":{"order":["amount","note"],"fields":{
                   "amount":{"widget":"money","label":{"zh-CN":"金额","en":"Amount"}},
                   "note":{"widget":"textarea","label":{"zh-CN":"备注","en":"Note"}}}}}
                """);
    }

    static List<FieldError> check(JsonNode schema) {
        return FormProfile.check(schema, Json.write(schema).length());
    }

    @Test
    void aFormInsideTheProfilePasses() {
        assertEquals(List.of(), check(form()));
    }

    @Test
    void refIsRejectedNamingKeywordAndPath() {
        ObjectNode schema = form();
        ((ObjectNode) schema.path("properties").path("note")).put("$ref", "classpath:/secret.json");
        List<FieldError> errors = check(schema);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("/properties/note/$ref", errors.get(0).pointer());
        assertEquals("$ref", errors.get(0).rule());
    }

    @Test
    void unknownKeywordsAreRejected() {
        ObjectNode schema = form();
        schema.putArray("oneOf");
        assertTrue(check(schema).stream().anyMatch(e -> e.pointer().equals("/oneOf") && e.rule().equals("oneOf")));
    }

    @Test
    void missingLabelsAreReported() {
        ObjectNode schema = form();
        ((ObjectNode) schema.path("x-ui").path("fields").path("note").path("label")).remove("en");
        assertTrue(check(schema).stream().anyMatch(e -> e.pointer().equals("/x-ui/fields/note/label/en")));
    }

    @Test
    void depthAndSizeAreBounded() {
        ObjectNode schema = form();
        ObjectNode node = (ObjectNode) schema.path("properties");
        for (int i = 0; i < 10; i++) {
            ObjectNode child = node.putObject("n" + i);
            child.put("type", "object");
            node = child.putObject("properties");
        }
        assertTrue(check(schema).stream().anyMatch(e -> "depth".equals(e.rule())));
        assertEquals("size", FormProfile.check(form(), FormProfile.MAX_BYTES + 1).get(0).rule());
    }

    @Test
    void catastrophicPatternsAreRejected() {
        assertNotNull(FormProfile.vetPattern("^(a+)+$"));
        assertNotNull(FormProfile.vetPattern("(x*)*y"));
        assertNotNull(FormProfile.vetPattern("(a|b)\\1"));
        assertNotNull(FormProfile.vetPattern("(?=a)b"));
        assertNotNull(FormProfile.vetPattern("[unclosed"));
        assertNull(FormProfile.vetPattern("^[A-Z0-9-]+$"));
        assertNull(FormProfile.vetPattern("^1[3-9]\\d{9}$"));
        assertNull(FormProfile.vetPattern("^([a-z]{2,5}-)?[0-9]+$"));
    }

    @Test
    void profileProblemsSpeakTheReadersLanguage() {
        ObjectNode schema = form();
        schema.putArray("oneOf");
        ((ObjectNode) schema.path("x-ui").path("fields").path("note").path("label")).remove("en");
        List<FieldError> errors = check(schema);
        FieldError keyword = errors.stream().filter(e -> e.pointer().equals("/oneOf")).findFirst().orElseThrow();
        assertEquals("关键字“oneOf”不在 FlowDesk 表单规范之内", keyword.message(Locale.forLanguageTag("zh-CN")));
        assertEquals("Keyword \"oneOf\" is not in FlowDesk's form profile", keyword.message(Locale.ENGLISH));
        FieldError label = errors.stream().filter(e -> e.pointer().equals("/x-ui/fields/note/label/en"))
                .findFirst().orElseThrow();
        assertEquals("请填写英文文字", label.message(Locale.forLanguageTag("zh-CN")));
        assertEquals("Enter the English text", label.message(Locale.ENGLISH));
    }

    @Test
    void theSizeLimitIsWordedInBothLanguages() {
        FieldError size = FormProfile.check(form(), FormProfile.MAX_BYTES + 1).get(0);
        assertEquals("size", size.rule());
        assertTrue(size.message(Locale.forLanguageTag("zh-CN")).startsWith("表单结构有 "), size.message(Locale.forLanguageTag("zh-CN")));
        assertTrue(size.message(Locale.ENGLISH).startsWith("The schema is "), size.message(Locale.ENGLISH));
    }
}
