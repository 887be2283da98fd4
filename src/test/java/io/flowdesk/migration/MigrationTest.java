package io.flowdesk.migration;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Moving running tickets of a shipped template to a changed version (issue 17, ADR 0047). */
@QuarkusTest
class MigrationTest {

    @Inject
    TemplateService templates;

    private void publish(TemplatePackage pkg, int expectedVersion) throws Throwable {
        ImportResult result = VertxContextSupport.subscribeAndAwait(() -> templates.publish(pkg, "designer"));
        assertEquals(ImportResult.PUBLISHED, result.outcome(), () -> String.valueOf(result.errors()));
        assertEquals(expectedVersion, result.version());
    }

    static Map<String, Object> incident() {
        return Map.of("summary", "打印机无法打印", "category", "hardware", "location", "3F-301");
    }

    static Map<String, Object> request(String key, int target, List<Map<String, Object>> steps) {
        return Map.of("templateKey", key, "sourceVersions", List.of(), "targetVersion", target, "steps", steps);
    }

    static JsonPath waitForRun(long id) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        JsonPath run;
        do {
            Thread.sleep(200);
            run = as("admin").get("/api/admin/migrations/runs/" + id).then().statusCode(200).extract().jsonPath();
        } while (!"DONE".equals(run.getString("status")) && System.currentTimeMillis() < until);
        return run;
    }

    @Test
    void ticketsInEveryStepOfTheIncidentFlowMoveToAChangedVersion() throws Throwable {
        String key = "mig-it-" + System.nanoTime() % 1_000_000;
        TemplatePackage v1 = ChangedTemplates.copy("it-incident", key);
        publish(v1, 1);
        String oncall = createTicket("agent1", Tickets.body(key, "P1", incident()));
        String diagnosis = createTicket("agent1", Tickets.body(key, "P3", incident()));
        String repair = createTicket("agent1", Tickets.body(key, "P3", incident()));
        complete("agent2", openTask(repair, key + "-incident-diagnosis"), Map.of("diagnosis", "网线松动"))
                .then().statusCode(200);
        String acceptance = createTicket("agent1", Tickets.body(key, "P3", incident()));
        complete("agent2", openTask(acceptance, key + "-incident-diagnosis"), Map.of("diagnosis", "硒鼓"))
                .then().statusCode(200);
        complete("agent2", openTask(acceptance, key + "-incident-repair"), Map.of("actionTaken", "更换硒鼓"))
                .then().statusCode(200);
        String diagnosisTask = openTask(diagnosis, key + "-incident-diagnosis");
        publish(ChangedTemplates.incidentV2(v1), 2);

        // the proposal: diagnosis matched by id (renamed), on-call diagnosis has no counterpart, impact has a default
        JsonPath plan = as("designer").body(request(key, 2, List.of())).post("/api/admin/migrations/plan").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("renamed", plan.getString("steps.find { it.source == 'taskDiagnosis' }.change"));
        assertEquals(null, plan.getString("steps.find { it.source == 'taskOncallDiagnosis' }.target"));
        assertEquals("same", plan.getString("steps.find { it.source == 'taskRepair' }.change"));
        assertEquals("default", plan.getString("fields.find { it.field == 'impact' }.fill"));
        assertEquals("medium", plan.getString("fields.find { it.field == 'impact' }.value"));
        JsonPath before = as("designer").header("Accept-Language", "en").body(request(key, 2, List.of()))
                .post("/api/admin/migrations/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(4, before.getInt("total"));
        assertEquals(3, before.getInt("movable"));
        assertEquals(oncall, before.getString("refusals[0].number"));
        assertEquals("no-mapping", before.getString("refusals[0].rule"));
        assertTrue(before.getString("refusals[0].reason").contains("On-call diagnosis"), before.prettify());

        // the analyst maps the removed step; the preview agrees for all four (Flowable's validation included)
        List<Map<String, Object>> steps = List.of(Map.of("source", "taskOncallDiagnosis", "target", "taskDiagnosis"));
        JsonPath preview = as("designer").body(request(key, 2, steps)).post("/api/admin/migrations/preview").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(4, preview.getInt("movable"), preview.prettify());
        assertEquals(1, preview.getInt("counts.find { it.step == 'taskRepair' }.tickets"));

        as("designer").body(request(key, 2, steps)).post("/api/admin/migrations/runs").then().statusCode(403);
        long runId = as("admin").body(request(key, 2, steps)).post("/api/admin/migrations/runs").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath run = waitForRun(runId);
        assertEquals("DONE", run.getString("status"), run.prettify());
        assertEquals(4, run.getInt("moved"), run.prettify());
        assertEquals(0, run.getInt("failed"));

        for (String number : List.of(oncall, diagnosis, repair, acceptance)) {
            JsonPath t = as("admin").get("/api/tickets/" + number).then().statusCode(200).extract().jsonPath();
            assertEquals(2, t.getInt("templateVersion"), number);
            assertEquals("medium", t.getString("data.impact"), "the new required field took its default");
            List<Map<String, Object>> timeline = as("admin").header("Accept-Language", "en")
                    .get("/api/tickets/" + number + "/timeline").then().statusCode(200).extract().path("$");
            assertTrue(timeline.stream().anyMatch(e -> "MIGRATED".equals(e.get("kind")) && String.valueOf(
                    e.get("summary")).startsWith("Moved from v1 to v2: ")), number + ": " + timeline);
        }
        JsonPath kept = as("admin").get("/api/tickets/" + diagnosis).then().extract().jsonPath();
        assertEquals(diagnosisTask, kept.getString("openTasks[0].id"), "a kept step keeps its task");
        assertEquals("故障诊断", kept.getString("openTasks[0].name"));
        String summary = as("admin").header("Accept-Language", "zh-CN").get("/api/tickets/" + diagnosis + "/timeline")
                .then().extract().jsonPath().getString("find { it.kind == 'MIGRATED' }.summary");
        assertEquals("已从 v1 迁移到 v2：诊断 → 故障诊断（已改名）", summary);
        JsonPath moved = as("admin").get("/api/tickets/" + oncall).then().extract().jsonPath();
        assertEquals("taskDiagnosis", moved.getString("openTasks[0].taskDefKey"), moved.prettify());
        // the moved tickets run on in the new version
        complete("agent2", openTask(diagnosis, key + "-incident-diagnosis"), Map.of("diagnosis", "网线松动"))
                .then().statusCode(200);
        assertEquals(List.of(key + "-incident-repair"), io.flowdesk.testing.Api.openForms(diagnosis));
        complete("agent1", openTask(acceptance, key + "-incident-acceptance"), Map.of("fixed", true))
                .then().statusCode(200);
        assertEquals("RESOLVED", as("admin").get("/api/tickets/" + acceptance).then().extract().path("status"));

        // a second run finds nothing left on version 1
        long again = as("admin").body(request(key, 2, steps)).post("/api/admin/migrations/runs").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertNotEquals(runId, again);
        assertEquals(0, waitForRun(again).getInt("total"));
    }

    @Test
    void aPlanThatWouldLoseAParallelBranchIsRefusedInThePreview() throws Throwable {
        String key = "mig-bug-" + System.nanoTime() % 1_000_000;
        TemplatePackage v1 = ChangedTemplates.copy("bug-escalation", key);
        publish(v1, 1);
        String number = createTicket("agent1", Tickets.body(key, "P2", Map.of("product", "web-app",
                "version", "3.2.1", "stepsToReproduce", "1. 登录 2. 点击导出", "customerImpact", "high")));
        complete("agent1", openTask(number, key + "-bug-triage"), Map.of("reproducible", true)).then().statusCode(200);
        publish(ChangedTemplates.bugV2(v1), 2);
        List<Map<String, Object>> merge = List.of(Map.of("source", "taskCustomerUpdate", "target", "taskFix"));
        JsonPath preview = as("admin").header("Accept-Language", "en").body(request(key, 2, merge))
                .post("/api/admin/migrations/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(0, preview.getInt("movable"), preview.prettify());
        assertEquals("parallel-lost", preview.getString("refusals[0].rule"));
        assertTrue(preview.getString("refusals[0].reason").startsWith("A parallel branch would be lost"));
        JsonPath zh = as("admin").header("Accept-Language", "zh-CN").body(request(key, 2, merge))
                .post("/api/admin/migrations/preview").then().statusCode(200).extract().jsonPath();
        assertTrue(zh.getString("refusals[0].reason").contains("并行分支"), zh.prettify());
        // without the merge both branches keep their own steps and the ticket can move
        assertEquals(1, as("admin").body(request(key, 2, List.of())).post("/api/admin/migrations/preview").then()
                .statusCode(200).extract().jsonPath().getInt("movable"));
    }

    @Test
    void badPlansNameTheStepInTheUsersLanguage() throws Throwable {
        String key = "mig-bad-" + System.nanoTime() % 1_000_000;
        TemplatePackage v1 = ChangedTemplates.copy("it-incident", key);
        publish(v1, 1);
        publish(ChangedTemplates.incidentV2(v1), 2);
        as("admin").header("Accept-Language", "zh-CN").body(request(key, 2, List.of(Map.of("source",
                "taskRepair", "target", "nope")))).post("/api/admin/migrations/plan").then().statusCode(422)
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/steps/0/target"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("维修"));
        as("admin").body(request(key, 9, List.of())).post("/api/admin/migrations/preview").then().statusCode(422);
        as("agent1").body(request(key, 2, List.of())).post("/api/admin/migrations/preview").then().statusCode(403);
    }
}
