package io.flowdesk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the form profile, broken through the real validator (networknt), reads as a sentence that names the
 * field by its label and says what to do, in zh-CN and in English — asserted as text.
 */
class ValidationMessagesTest {

    private final FormService forms = new FormService();

    /** A one-field form: property schema, widget and labels; more x-ui through {@code ui}. */
    private static ObjectNode form(String key, String widget, String zh, String en, Consumer<ObjectNode> property,
            Consumer<ObjectNode> ui) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", FormProfile.DIALECT).put("type", "object").put("additionalProperties", false);
        property.accept(schema.putObject("properties").putObject(key));
        ObjectNode xui = schema.putObject("x-ui");
        xui.putObject("title").put("zh-CN", "退款申请").put("en", "Refund request");
        ObjectNode field = xui.putObject("fields").putObject(key);
        field.put("widget", widget).putObject("label").put("zh-CN", zh).put("en", en);
        ui.accept(field);
        return schema;
    }

    private static ObjectNode form(String key, String widget, String zh, String en, Consumer<ObjectNode> property) {
        return form(key, widget, zh, en, property, ui -> {
        });
    }

    private static ObjectNode required(ObjectNode schema, String key) {
        schema.putArray("required").add(key);
        return schema;
    }

    private List<FieldError> errors(ObjectNode schema, String data) {
        List<FieldError> errors = forms.validateDraft(schema, Json.parse(data), "/data", Locale.ENGLISH);
        return errors;
    }

    /** The single problem for the data: pointer, rule, and its text in zh-CN and en. */
    private void assertMessage(ObjectNode schema, String data, String pointer, String rule, String zh, String en) {
        assertEquals(List.of(), FormProfile.check(schema, 1000), "the test form is inside the profile");
        List<FieldError> errors = errors(schema, data);
        assertEquals(1, errors.size(), errors.toString());
        FieldError error = errors.get(0);
        assertEquals(pointer, error.pointer());
        assertEquals(rule, error.rule());
        assertEquals(zh, error.message(Messages.ZH));
        assertEquals(en, error.message(Messages.EN));
    }

    @Test
    void requiredTextFieldAsksToFillItIn() {
        assertMessage(required(form("orderNo", "text", "订单号", "Order number", p -> p.put("type", "string")),
                "orderNo"), "{}", "/data/orderNo", "required", "请填写订单号", "Please fill in Order number.");
    }

    @Test
    void requiredChoiceAsksToChooseAndRequiredAttachmentToUpload() {
        assertMessage(required(form("reason", "select", "退款原因", "Reason", p -> p.put("type", "string")
                .putArray("enum").add("damaged")), "reason"), "{}", "/data/reason", "required", "请选择退款原因",
                "Please choose Reason.");
        assertMessage(required(form("photo", "attachment", "照片", "Photo", p -> p.put("type", "string")), "photo"),
                "{}", "/data/photo", "required", "请上传照片", "Please upload Photo.");
    }

    @Test
    void anEmptyTextWithMinLengthOneIsAsMissing() {
        assertMessage(form("orderNo", "text", "订单号", "Order number", p -> p.put("type", "string")
                .put("minLength", 1)), "{\"orderNo\": \"\"}", "/data/orderNo", "minLength", "请填写订单号",
                "Please fill in Order number.");
    }

    @Test
    void textInANumberFieldSaysItMustBeANumber() {
        assertMessage(form("refundAmount", "money", "退款金额", "Refund amount", p -> p.put("type", "number")),
                "{\"refundAmount\": \"abc\"}", "/data/refundAmount", "type", "退款金额必须是数字",
                "Refund amount must be a number.");
        assertMessage(form("count", "number", "数量", "Quantity", p -> p.put("type", "integer")),
                "{\"count\": 1.5}", "/data/count", "type", "数量必须是整数", "Quantity must be a whole number.");
        assertMessage(form("note", "text", "备注", "Note", p -> p.put("type", "string")), "{\"note\": 5}",
                "/data/note", "type", "备注必须是文字", "Note must be text.");
        assertMessage(form("accepted", "checkbox", "已解决", "Resolved", p -> p.put("type", "boolean")),
                "{\"accepted\": \"yes\"}", "/data/accepted", "type", "已解决只能是“是”或“否”",
                "Resolved must be yes or no.");
        assertMessage(form("tags", "multiselect", "标签", "Tags", p -> p.put("type", "array")), "{\"tags\": \"x\"}",
                "/data/tags", "type", "标签必须是一个列表", "Tags must be a list.");
    }

    @Test
    void patternWithTheFieldsOwnMessageSaysThatMessage() {
        ObjectNode schema = form("orderNo", "text", "订单号", "Order number", p -> p.put("type", "string")
                .put("pattern", "^[A-Za-z0-9-]+$"), ui -> ui.putObject("patternMessage")
                        .put("zh-CN", "订单号只能包含字母、数字和连字符")
                        .put("en", "The order number may contain only letters, digits and hyphens."));
        assertMessage(schema, "{\"orderNo\": \"TB 12/3\"}", "/data/orderNo", "pattern", "订单号只能包含字母、数字和连字符",
                "The order number may contain only letters, digits and hyphens.");
    }

    @Test
    void patternWithoutOwnMessageNamesTheFieldAndNeverTheRegex() {
        assertMessage(form("code", "text", "编码", "Code", p -> p.put("type", "string").put("pattern", "^[A-Z]{3}$")),
                "{\"code\": \"ab\"}", "/data/code", "pattern", "编码的格式不正确，请检查后重新填写",
                "Code is not in the expected format; please check it and correct it.");
        assertMessage(form("contactPhone", "phone", "联系电话", "Contact phone", p -> p.put("type", "string")
                .put("pattern", FormModel.PHONE_PATTERN)), "{\"contactPhone\": \"call me\"}", "/data/contactPhone",
                "pattern", "联系电话必须是有效的电话号码：只能包含数字、空格和连字符，可以 + 开头",
                "Contact phone must be a phone number: digits, spaces or hyphens, optionally starting with +.");
    }

    @Test
    void minimumAndMaximumNameTheLimitAsWritten() {
        ObjectNode schema = form("refundAmount", "money", "退款金额", "Refund amount", p -> p.put("type", "number")
                .put("minimum", 0.01).put("maximum", 100000));
        assertMessage(schema, "{\"refundAmount\": 100001}", "/data/refundAmount", "maximum", "退款金额不能超过 100000",
                "Refund amount must not be more than 100000.");
        assertMessage(schema, "{\"refundAmount\": 0}", "/data/refundAmount", "minimum", "退款金额不能小于 0.01",
                "Refund amount must be at least 0.01.");
    }

    @Test
    void exclusiveBoundsAndMultipleOf() {
        ObjectNode schema = form("hours", "number", "工时", "Hours", p -> p.put("type", "number")
                .put("exclusiveMinimum", 0).put("exclusiveMaximum", 24));
        assertMessage(schema, "{\"hours\": 0}", "/data/hours", "exclusiveMinimum", "工时必须大于 0",
                "Hours must be more than 0.");
        assertMessage(schema, "{\"hours\": 24}", "/data/hours", "exclusiveMaximum", "工时必须小于 24",
                "Hours must be less than 24.");
        assertMessage(form("hours", "number", "工时", "Hours", p -> p.put("type", "number").put("multipleOf", 0.5)),
                "{\"hours\": 0.3}", "/data/hours", "multipleOf", "工时必须是 0.5 的整数倍", "Hours must be a multiple of 0.5.");
    }

    @Test
    void lengths() {
        ObjectNode schema = form("description", "textarea", "问题描述", "Description", p -> p.put("type", "string")
                .put("minLength", 10).put("maxLength", 20));
        assertMessage(schema, "{\"description\": \"short\"}", "/data/description", "minLength",
                "问题描述至少需要 10 个字符", "Description must have at least 10 characters.");
        assertMessage(schema, "{\"description\": \"" + "x".repeat(21) + "\"}", "/data/description", "maxLength",
                "问题描述不能超过 20 个字符", "Description must not have more than 20 characters.");
    }

    @Test
    void itemCountsOfChoicesAndRows() {
        ObjectNode tags = form("tags", "multiselect", "标签", "Tags", p -> {
            p.put("type", "array").put("minItems", 2).put("maxItems", 3).put("uniqueItems", true);
            p.putObject("items").put("type", "string").putArray("enum").add("a").add("b").add("c").add("d");
        });
        assertMessage(tags, "{\"tags\": [\"a\"]}", "/data/tags", "minItems", "标签至少选择 2 项",
                "Choose at least 2 for Tags.");
        assertMessage(tags, "{\"tags\": [\"a\", \"b\", \"c\", \"d\"]}", "/data/tags", "maxItems", "标签最多选择 3 项",
                "Choose at most 3 for Tags.");
        assertMessage(tags, "{\"tags\": [\"a\", \"a\"]}", "/data/tags", "uniqueItems", "标签中有重复的项，请删除重复项",
                "Tags lists the same item twice; remove the duplicate.");
        assertMessage(tags, "{\"tags\": [\"a\", \"zzz\"]}", "/data/tags/1", "enum", "请从列表中选择标签",
                "Choose Tags from the list.");
        ObjectNode rows = form("items", "group", "退货明细", "Items", p -> {
            p.put("type", "array").put("minItems", 2).put("maxItems", 3);
            p.putObject("items").put("type", "object").put("additionalProperties", false).putObject("properties")
                    .putObject("name").put("type", "string");
        }, ui -> ui.putObject("fields").putObject("name").put("widget", "text").putObject("label")
                .put("zh-CN", "名称").put("en", "Name"));
        assertMessage(rows, "{\"items\": [{}]}", "/data/items", "minItems", "退货明细至少需要 2 行",
                "Items needs at least 2 rows.");
        assertMessage(rows, "{\"items\": [{}, {}, {}, {}]}", "/data/items", "maxItems", "退货明细最多 3 行",
                "Items can have at most 3 rows.");
    }

    @Test
    void aFieldInARowIsNamedWithItsRow() {
        ObjectNode rows = form("items", "group", "退货明细", "Items", p -> {
            p.put("type", "array");
            ObjectNode item = p.putObject("items").put("type", "object").put("additionalProperties", false);
            item.putObject("properties").putObject("name").put("type", "string");
            item.putArray("required").add("name");
        }, ui -> ui.putObject("fields").putObject("name").put("widget", "text").putObject("label")
                .put("zh-CN", "名称").put("en", "Name"));
        assertMessage(rows, "{\"items\": [{\"name\": \"a\"}, {}]}", "/data/items/1/name", "required",
                "请填写名称（退货明细第 2 行）", "Please fill in Name (Items, row 2).");
    }

    @Test
    void enumAndConst() {
        assertMessage(form("reason", "select", "退款原因", "Reason", p -> p.put("type", "string").putArray("enum")
                .add("damaged").add("other")), "{\"reason\": \"bored\"}", "/data/reason", "enum", "请从列表中选择退款原因",
                "Choose Reason from the list.");
        assertMessage(form("agree", "text", "确认", "Confirmation", p -> p.put("type", "string").put("const", "yes")),
                "{\"agree\": \"no\"}", "/data/agree", "const", "确认必须是“yes”", "Confirmation must be \"yes\".");
    }

    @Test
    void formats() {
        assertMessage(form("email", "email", "邮箱", "E-mail", p -> p.put("type", "string").put("format", "email")),
                "{\"email\": \"nope\"}", "/data/email", "format", "邮箱必须是有效的邮箱地址，例如 name@example.com",
                "E-mail must be an e-mail address such as name@example.com.");
        assertMessage(form("day", "date", "日期", "Date", p -> p.put("type", "string").put("format", "date")),
                "{\"day\": \"2026-13-01\"}", "/data/day", "format", "日期必须是日期，例如 2026-01-31",
                "Date must be a date such as 2026-01-31.");
        assertMessage(form("at", "datetime", "发生时间", "Occurred at", p -> p.put("type", "string")
                .put("format", "date-time")), "{\"at\": \"yesterday\"}", "/data/at", "format",
                "发生时间必须是日期和时间，例如 2026-01-31T09:30:00+08:00",
                "Occurred at must be a date and time such as 2026-01-31T09:30:00+08:00.");
        assertMessage(form("time", "text", "时间", "Time", p -> p.put("type", "string").put("format", "time")),
                "{\"time\": \"25:99\"}", "/data/time", "format", "时间必须是时间，例如 09:30:00+08:00",
                "Time must be a time such as 09:30:00+08:00.");
        assertMessage(form("link", "text", "链接", "Link", p -> p.put("type", "string").put("format", "uri")),
                "{\"link\": \"not a link\"}", "/data/link", "format", "链接必须是网址，例如 https://example.com",
                "Link must be a web address such as https://example.com.");
    }

    @Test
    void aFieldTheFormDoesNotHaveAndMissingData() {
        assertMessage(form("note", "text", "备注", "Note", p -> p.put("type", "string")), "{\"hacker\": 1}",
                "/data/hacker", "additionalProperties", "表单中没有“hacker”这一项，请删除",
                "The form has no field \"hacker\"; remove it.");
        assertMessage(form("note", "text", "备注", "Note", p -> p.put("type", "string")), "[1]", "/data", "type",
                "表单“退款申请”必须是一组字段（JSON 对象）", "the form \"Refund request\" must be a group of fields (a JSON object).");
        List<FieldError> missing = forms.validateDraft(form("note", "text", "备注", "Note", p -> p.put("type",
                "string")), null, "/data", Locale.ENGLISH);
        assertEquals("缺少表单数据，请以 JSON 对象提交表单字段", missing.get(0).message(Messages.ZH));
    }

    @Test
    void theShippedRefundFormSaysWhatToDoInBothLanguages() throws Exception {
        JsonNode schema = Json.parse(java.nio.file.Files.readString(java.nio.file.Path.of(
                "process-templates/ecommerce-refund/forms/refund-request.json")));
        List<FieldError> errors = forms.validateDraft(schema, Json.parse(
                "{\"orderNo\": \"TB 1/2\", \"refundAmount\": 100001, \"contactPhone\": \"abc\"}"), "/data",
                Locale.ENGLISH);
        assertEquals(List.of("/data/orderNo 订单号只能包含字母、数字和连字符", "/data/refundAmount 退款金额（元）不能超过 100000",
                "/data/contactPhone 联系电话只能包含数字、空格和连字符，可以 + 开头，至少 6 位", "/data/reason 请选择退款原因"),
                errors.stream().map(e -> e.pointer() + " " + e.message(Messages.ZH)).toList());
        assertEquals(List.of("/data/orderNo The order number may contain only letters, digits and hyphens.",
                "/data/refundAmount Refund amount (CNY) must not be more than 100000.",
                "/data/contactPhone The phone number may contain only digits, spaces and hyphens, optionally"
                        + " starting with +, and has at least 6 digits.",
                "/data/reason Please choose Reason."),
                errors.stream().map(e -> e.pointer() + " " + e.message(Messages.EN)).toList());
    }
}
