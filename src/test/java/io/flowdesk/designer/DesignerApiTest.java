package io.flowdesk.designer;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplateArchive;
import io.flowdesk.templates.TemplateDiff;
import io.flowdesk.templates.TemplateImporter;
import io.flowdesk.templates.TemplatePackage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The designer's life cycle over the API: import a template, edit the draft, lint, publish (admin only), diff,
 * deprecate, export → import round trip, Camunda import and "Try it". Uses its own keys so other tests keep the
 * shipped templates as they are.
 */
@QuarkusTest
class DesignerApiTest {

    /** it-incident under another key with its forms renamed, as a zip in the process-templates format. */
    static byte[] incidentCopy(String key, String formPrefix) {
        TemplatePackage shipped = TemplateImporter.read(Path.of("process-templates/it-incident"));
        String bpmn = shipped.bpmnXml().replace("id=\"it-incident\"", "id=\"" + key + "\"");
        ObjectNode meta = shipped.metadata().deepCopy();
        meta.put("key", key);
        Map<String, JsonNode> forms = new TreeMap<>();
        for (var form : shipped.forms().entrySet()) {
            bpmn = bpmn.replace("formKey=\"" + form.getKey() + "\"", "formKey=\"" + formPrefix + form.getKey() + "\"");
            forms.put(formPrefix + form.getKey(), form.getValue());
        }
        meta.put("startForm", formPrefix + meta.path("startForm").asText());
        return TemplateArchive.write(new TemplatePackage(key, meta, bpmn, forms));
    }

    static String importZip(String user, byte[] zip) {
        return as(user).contentType("application/zip").body(zip).post("/api/design/templates/import").then()
                .statusCode(201).extract().path("draft.key");
    }

    static Map<String, Object> ticket(String key, String summary) {
        return Map.of("type", key, "title", summary, "priority", "P3",
                "customer", Map.of("name", "Test", "email", "t@example.com"),
                "data", Map.of("summary", summary, "category", "network"));
    }

    @Test
    void draftLintPublishDiffDeprecateAndRunningTicketsKeepTheirVersion() {
        String key = importZip("designer", incidentCopy("dt-life", "dtl-"));
        // the imported draft is clean
        as("designer").get("/api/design/templates/" + key + "/lint").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
        // only an admin publishes
        as("designer").post("/api/design/templates/" + key + "/publish").then().statusCode(403);
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("PUBLISHED")).body("version", org.hamcrest.Matchers.is(1));
        String onV1 = io.flowdesk.testing.Api.createTicket("agent1", ticket(key, "before v2"));

        // edit: a step without form → lint names it; fixed → clean
        Map<String, Object> draft = as("designer").get("/api/design/templates/" + key + "/draft").then()
                .statusCode(200).extract().as(Map.class);
        String bpmn = (String) draft.get("bpmn");
        String broken = bpmn.replace("flowable:formKey=\"dtl-incident-repair\"", "");
        as("designer").body(Map.of("metadata", draft.get("metadata"), "bpmn", broken))
                .put("/api/design/templates/" + key + "/draft").then().statusCode(200);
        as("designer").get("/api/design/templates/" + key + "/lint").then().statusCode(200)
                .body("findAll { it.rule == 'user-task-form' }.pointer", hasItem("taskRepair"));
        String renamed = bpmn.replace("candidateGroups=\"it-oncall\"", "candidateGroups=\"it-support\"")
                .replace("name=\"维修\"", "name=\"上门维修\"");
        as("designer").body(Map.of("metadata", draft.get("metadata"), "bpmn", renamed))
                .put("/api/design/templates/" + key + "/draft").then().statusCode(200);
        as("designer").get("/api/design/templates/" + key + "/lint").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.is(2));

        // new tickets use v2, the running one stays on v1
        String onV2 = io.flowdesk.testing.Api.createTicket("agent1", ticket(key, "after v2"));
        as("admin").get("/api/tickets/" + onV2).then().body("templateVersion", org.hamcrest.Matchers.is(2));
        as("admin").get("/api/tickets/" + onV1).then().body("templateVersion", org.hamcrest.Matchers.is(1));

        // the diff names the changed element
        List<Map<String, Object>> changes = as("designer").get("/api/design/templates/" + key + "/diff?from=1&to=2")
                .then().statusCode(200).extract().path("changes");
        assertTrue(changes.stream().anyMatch(c -> "taskOncallDiagnosis".equals(c.get("id"))
                && "changed".equals(c.get("change"))), "diff: " + changes);

        // deprecating v2: new tickets fall back to v1; v2 tickets carry on
        as("designer").post("/api/design/templates/" + key + "/versions/2/deprecate").then().statusCode(403);
        as("admin").post("/api/design/templates/" + key + "/versions/2/deprecate").then().statusCode(204);
        String afterDeprecation = io.flowdesk.testing.Api.createTicket("agent1", ticket(key, "after deprecation"));
        as("admin").get("/api/tickets/" + afterDeprecation).then().body("templateVersion", org.hamcrest.Matchers.is(1));
        as("admin").get("/api/design/templates/" + key + "/versions").then()
                .body("find { it.version == 2 }.status", org.hamcrest.Matchers.is("deprecated"))
                .body("find { it.version == 2 }.publishedBy", org.hamcrest.Matchers.is("admin"));
    }

    @jakarta.inject.Inject
    io.flowdesk.templates.TemplateVersions versions;

    @jakarta.inject.Inject
    io.flowdesk.templates.TemplateDrafts drafts;

    @Test
    void templateErrorsComeInTheRequestsLanguage() {
        as("designer").header("Accept-Language", "zh-CN").get("/api/design/templates/dt-no-such/draft").then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.is("模板“dt-no-such”不存在"));
        as("designer").header("Accept-Language", "en").get("/api/design/templates/dt-no-such/draft").then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.is("Template 'dt-no-such' does not exist"));
        as("designer").header("Accept-Language", "zh-CN").post("/api/design/templates/dt-no-such/versions/1/deprecate")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.is("只有管理员可以停用"));
        as("designer").header("Accept-Language", "en").post("/api/design/templates/dt-no-such/versions/1/deprecate")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.is("Only an admin can deprecate"));
    }

    @Test
    void thePublishGateProblemComesInTheRequestsLanguage() {
        String key = importZip("designer", incidentCopy("dt-lang", "dtg-"));
        Map<String, Object> draft = as("designer").get("/api/design/templates/" + key + "/draft").then()
                .statusCode(200).extract().as(Map.class);
        String broken = ((String) draft.get("bpmn")).replace("flowable:formKey=\"dtg-incident-repair\"", "");
        as("designer").body(Map.of("metadata", draft.get("metadata"), "bpmn", broken))
                .put("/api/design/templates/" + key + "/draft").then().statusCode(200);
        as("admin").header("Accept-Language", "zh-CN").post("/api/design/templates/" + key + "/publish").then()
                .statusCode(422).body("detail", org.hamcrest.Matchers.is("发布检查未通过：请修正列出的问题"))
                .body("errors.find { it.pointer == 'taskRepair' }.message",
                        org.hamcrest.Matchers.is("用户任务“维修”没有表单：请在属性面板中选择一个"));
        as("admin").header("Accept-Language", "en").post("/api/design/templates/" + key + "/publish").then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.is("The publish gate rejected the draft: fix the problems listed"))
                .body("errors.find { it.pointer == 'taskRepair' }.message",
                        org.hamcrest.Matchers.is("User task 'Repair' has no form: pick one in the properties panel"));
        as("designer").header("Accept-Language", "zh-CN").get("/api/design/templates/" + key + "/lint").then()
                .statusCode(200).body("find { it.pointer == 'taskRepair' }.message",
                        org.hamcrest.Matchers.is("用户任务“维修”没有表单：请在属性面板中选择一个"));
    }

    @Test
    void thePublishConfirmationCountsTicketsRunningOnThePreviousVersion() throws Throwable {
        String key = importZip("designer", incidentCopy("dt-preview", "dtp-"));
        var before = await(() -> drafts.packageOf(key).chain(pkg -> versions.preview(key, pkg)));
        assertEquals(null, before.previousVersion(), "no version yet");
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200);
        io.flowdesk.testing.Api.createTicket("agent1", ticket(key, "running 1"));
        io.flowdesk.testing.Api.createTicket("agent1", ticket(key, "running 2"));
        Map<String, Object> draft = as("designer").get("/api/design/templates/" + key + "/draft").then()
                .statusCode(200).extract().as(Map.class);
        String renamed = ((String) draft.get("bpmn")).replace("name=\"维修\"", "name=\"上门维修\"");
        as("designer").body(Map.of("metadata", draft.get("metadata"), "bpmn", renamed))
                .put("/api/design/templates/" + key + "/draft").then().statusCode(200);
        var preview = await(() -> drafts.packageOf(key).chain(pkg -> versions.preview(key, pkg)));
        assertEquals(1, preview.previousVersion());
        assertEquals(2, preview.runningOnPrevious());
        assertTrue(preview.diff().changes().stream().anyMatch(c -> "taskRepair".equals(c.id())
                && "changed".equals(c.change())), preview.diff().changes().toString());
    }

    static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> uni) throws Throwable {
        return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(uni);
    }

    @Test
    void exportThenImportIsTheSameTemplate() throws Exception {
        String key = importZip("admin", incidentCopy("dt-round", "dtr-"));
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200);
        byte[] exported = as("designer").accept("application/zip")
                .get("/api/design/templates/" + key + "/versions/1/export").then().statusCode(200)
                .extract().asByteArray();
        TemplatePackage fromExport = TemplateArchive.read(exported);
        assertEquals(key, fromExport.key());
        assertEquals(4, fromExport.forms().size());
        importZip("designer", exported);
        Map<String, Object> draft = as("designer").get("/api/design/templates/" + key + "/draft").then()
                .statusCode(200).extract().as(Map.class);
        TemplatePackage reimported = new TemplatePackage(key, Json.MAPPER.valueToTree(draft.get("metadata")),
                (String) draft.get("bpmn"), fromExport.forms());
        assertEquals(List.of(), TemplateDiff.between(fromExport, reimported).changes());
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("UNCHANGED")).body("version", org.hamcrest.Matchers.is(1));
        Path folder = Files.createTempDirectory("export");
        Files.write(folder.resolve("t.zip"), exported);
        assertTrue(Files.size(folder.resolve("t.zip")) > 1000);
    }

    @Test
    void foreignBpmnBecomesADraftWithNotesInTheRequestLanguageAndOnlyUnsafeFilesAreRefused() throws Exception {
        String camunda = Files.readString(Path.of("src/test/resources/import/camunda7-refund.bpmn"));
        Map<String, Object> imported = as("designer").contentType("application/xml").body(camunda)
                .post("/api/design/templates/import").then().statusCode(201).extract().path("draft");
        String bpmn = (String) imported.get("bpmn");
        assertTrue(bpmn.contains("flowable:formKey") && bpmn.contains("flowable:candidateGroups"), bpmn);
        assertTrue(!bpmn.contains("camunda:"), bpmn);

        // a file with steps FlowDesk cannot run is a draft too, under a key of its own; the lint names the steps
        String bad = Files.readString(Path.of("src/test/resources/import/camunda7-unsupported.bpmn"));
        io.restassured.response.Response zh = as("designer").contentType("application/xml")
                .header("Accept-Language", "zh-CN").body(bad).post("/api/design/templates/import");
        zh.then().statusCode(201).body("notes.key", hasItem("import.note.unsupported"))
                .body("notes.element", hasItem("calc"));
        String zhNote = zh.path("notes.find { it.key == 'import.note.unsupported' }.message");
        assertTrue(zhNote.contains("脚本任务"), zhNote);
        io.restassured.response.Response en = as("designer").contentType("application/xml")
                .header("Accept-Language", "en").body(bad).post("/api/design/templates/import");
        String enNote = en.path("notes.find { it.key == 'import.note.unsupported' }.message");
        assertTrue(enNote.contains("script task"), enNote);
        String firstKey = zh.path("draft.key");
        String secondKey = en.path("draft.key");
        assertTrue(!firstKey.equals(secondKey), "a second import must not overwrite the first draft");
        as("designer").get("/api/design/templates/" + firstKey + "/lint").then().statusCode(200)
                .body("pointer", hasItem("calc"));

        // unsafe to store: refused, nothing stored
        String doctype = bad.replaceFirst("<bpmn:definitions", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bpmn:definitions");
        int before = as("designer").get("/api/design/templates").then().extract().path("size()");
        as("designer").contentType("application/xml").body(doctype).post("/api/design/templates/import").then()
                .statusCode(422).body("errors.pointer", hasItem("process.bpmn")).body("errors.rule",
                        hasItem("no-doctype"));
        int after = as("designer").get("/api/design/templates").then().extract().path("size()");
        assertEquals(before, after);
    }

    @Test
    void tryItStartsAMarkedTestTicketThatNewTicketsDoNotUse() {
        String key = importZip("designer", incidentCopy("dt-try", "dtt-"));
        Map<String, Object> test = as("designer").body(Map.of("title", "try", "data",
                Map.of("summary", "try it", "category", "software"))).post("/api/design/templates/" + key + "/try")
                .then().statusCode(200).extract().as(Map.class);
        assertTrue(((Number) test.get("templateVersion")).intValue() < 0, "test version: " + test);
        // no published version yet: a real ticket of this type is refused
        as("agent1").body(ticket(key, "real")).post("/api/tickets").then().statusCode(422);
    }

    @jakarta.inject.Inject
    io.flowdesk.notify.Notifications notifications;

    /** The palette's service tasks run: notify tells the finance department, assign routes the next step there. */
    @Test
    void notifyAndAssignServiceTasksRun() throws Throwable {
        String key = "dt-route";
        String body = """
                <sequenceFlow id="f1" sourceRef="start" targetRef="notify"/>
                <serviceTask id="notify" name="通知" flowable:delegateExpression="${fdNotify}">
                  <extensionElements>
                    <flowable:field name="to" stringValue="department:finance"/>
                    <flowable:field name="message" stringValue="请准备退款"/>
                  </extensionElements>
                </serviceTask>
                <sequenceFlow id="f2" sourceRef="notify" targetRef="assign"/>
                <serviceTask id="assign" name="分派" flowable:delegateExpression="${fdAssign}">
                  <extensionElements><flowable:field name="department" stringValue="finance"/></extensionElements>
                </serviceTask>
                <sequenceFlow id="f3" sourceRef="assign" targetRef="review"/>
                <userTask id="review" name="受理" flowable:formKey="dt-route-form" flowable:candidateGroups="customer-service"/>
                <sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
                """;
        String bpmn = io.flowdesk.templates.internal.PublishGateTest.bpmn(body).replace("gate-test", key);
        ObjectNode meta = (ObjectNode) Json.parse("""
                {"key":"dt-route","name":{"zh-CN":"分派测试","en":"Routing test"},"ticketType":"test",
                 "startForm":"dt-route-form"}""");
        byte[] zip = TemplateArchive.write(new TemplatePackage(key, meta, bpmn, Map.of("dt-route-form",
                Json.parse(io.flowdesk.templates.internal.PublishGateTest.FORM))));
        importZip("designer", zip);
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("PUBLISHED"));
        long before = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("finance1"));
        String number = io.flowdesk.testing.Api.createTicket("agent1", Map.of("type", key, "title", "route",
                "customer", Map.of("name", "Test", "email", "t@example.com"), "data", Map.of()));
        as("admin").get("/api/tickets/" + number).then().statusCode(200)
                .body("openTasks[0].department", org.hamcrest.Matchers.is("finance"));
        assertEquals(before + 1, io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                () -> notifications.unreadCount("finance1")));
        // finance1 now works the step that the BPMN gave to customer service
        String task = as("admin").get("/api/tickets/" + number).then().extract().path("openTasks[0].id");
        as("finance1").post("/api/tasks/" + task + "/claim").then().statusCode(200);
    }

    @Test
    void onlyDesignersAndAdminsUseTheDesignerApi() {
        as("agent1").get("/api/design/templates").then().statusCode(403);
        as("customer1").get("/api/design/forms").then().statusCode(403);
        as("designer").get("/api/design/templates").then().statusCode(200)
                .body("key", hasItem("ecommerce-refund"));
        as("designer").contentType(ContentType.JSON).body("{\"type\":\"object\"}")
                .put("/api/design/forms/Bad Key/draft").then().statusCode(422);
    }
}
