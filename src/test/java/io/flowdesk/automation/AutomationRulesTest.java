package io.flowdesk.automation;

import static io.flowdesk.automation.Rules.act;
import static io.flowdesk.automation.Rules.await;
import static io.flowdesk.automation.Rules.drain;
import static io.flowdesk.automation.Rules.incident;
import static io.flowdesk.automation.Rules.kinds;
import static io.flowdesk.automation.Rules.refund;
import static io.flowdesk.automation.Rules.rule;
import static io.flowdesk.automation.Rules.timeline;
import static io.flowdesk.automation.Rules.trigger;
import static io.flowdesk.automation.Rules.when;
import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every trigger, every action, order, once per event, the depth cut-off, the dry run and validation. */
@QuarkusTest
class AutomationRulesTest {

    @Inject
    TicketEventStream stream;

    @Inject
    TicketCommands commands;

    @Inject
    Deadlines deadlines;

    @BeforeEach
    void caughtUp() throws Throwable {
        drain(stream);
    }

    static String token() {
        return "tok" + System.nanoTime();
    }

    static Map<String, Object> mine(String token) {
        return when("title", "contains", token);
    }

    static List<String> tags(String number) {
        return as("admin").get("/api/tickets/" + number + "/tags").then().statusCode(200).extract().path("");
    }

    void event(String number, String kind, String authorKind, boolean internal) throws Throwable {
        long id = Rules.ticketId(number);
        await(() -> Panache.withTransaction(() -> commands.record(id, kind, null, null, Text.literal(kind),
                authorKind == null ? null : Json.MAPPER.createObjectNode().put("authorKind", authorKind), internal)));
    }

    @Test
    void everyTriggerTypeStartsItsRule() throws Throwable {
        String t = token();
        List<String[]> specs = List.of(new String[] {"TICKET_CREATED", "created"},
                new String[] {"TASK_CREATED", "review-started", "step", "taskReview"},
                new String[] {"TASK_COMPLETED", "review-done", "step", "taskReview"},
                new String[] {"STATUS_CHANGED", "in-progress", "status", "IN_PROGRESS"},
                new String[] {"COMMENT_ADDED", "customer-said", "by", "customer"},
                new String[] {"COMMENT_ADDED", "staff-said", "by", "staff"},
                new String[] {"FIELD_CHANGED", "prio-changed", "field", "priority"},
                new String[] {"SLA_WARNING", "warned"}, new String[] {"SLA_BREACHED", "breached"},
                new String[] {"TIME", "half-hour", "since", "CREATED", "minutes", "30"});
        for (String[] s : specs) {
            Map<String, Object> trig = s.length > 2 ? trigger(s[0], s[2], s[3]) : trigger(s[0]);
            if (s.length > 4) {
                trig.put("minutes", Integer.parseInt(s[5]));
            }
            Rules.create(rule(t + "-" + s[1], trig, List.of(mine(t)), List.of(), List.of(act("addTag", "value",
                    s[1]))));
        }
        String number = createTicket("agent1", refund("退款 " + t, 100));
        drain(stream);
        assertEquals(List.of("created", "review-started"), tags(number));
        complete("agent1", openTask(number, "refund-review"), Map.of("accepted", true)).then().statusCode(200);
        event(number, "REPLY", "customer", false);
        as("agent1").body(Map.of("text", "内部备注", "internal", true)).post("/api/tickets/" + number + "/comments")
                .then().statusCode(201);
        as("agent1").body(Map.of("priority", "P2", "reason", "test")).post("/api/tickets/" + number + "/priority")
                .then().statusCode(200);
        event(number, "SLA_WARNING", null, true);
        event(number, "SLA_BREACHED", null, true);
        drain(stream);
        assertEquals(List.of("breached", "created", "customer-said", "in-progress", "prio-changed", "review-done",
                "review-started", "staff-said", "warned"), tags(number));
        as("admin").body(Map.of("advanceMinutes", 31)).post("/api/clock").then().statusCode(200);
        await(() -> deadlines.drainDue());
        assertTrue(tags(number).contains("half-hour"), "the time-based rule fired after 30 calendar minutes");
        for (String[] s : specs) {
            Rules.disable(t + "-" + s[1]);
        }
    }

    @Test
    void everyActionRunsAndItsEffectsCarryTheDepth() throws Throwable {
        String t = token();
        Rules.create(rule(t, trigger("TICKET_CREATED"), List.of(mine(t)), List.of(), List.of(
                act("priority", "value", "P1"), act("route", "user", "agent2"), act("addTag", "value", "kept"),
                act("addTag", "value", "gone"), act("removeTag", "value", "gone"), act("watcher", "user", "tester1"),
                act("notify", "to", "user", "user", "supervisor", "text", "请看 {{ticket.number}}"),
                act("reply", "text", "您好 {{customer.name}}，工单 {{ticket.number}} 已收到"),
                act("note", "text", "自动备注 {{data.refundAmount}}"), act("setField", "field", "autoFlag", "value",
                        "yes"), act("webhook", "endpoint", "erp"))));
        String number = createTicket("agent1", refund("退款 " + t, 120));
        drain(stream);
        Map<String, Object> ticket = as("admin").get("/api/tickets/" + number).then().statusCode(200).extract()
                .path("");
        assertEquals("P1", ticket.get("priority"));
        assertEquals("agent2", ((List<Map<String, Object>>) ticket.get("openTasks")).get(0).get("assignee"));
        assertEquals("yes", ((Map<?, ?>) ticket.get("data")).get("autoFlag"));
        assertEquals(List.of("kept"), tags(number));
        List<String> watchers = as("admin").get("/api/tickets/" + number + "/watchers").then().statusCode(200)
                .extract().path("");
        assertTrue(watchers.contains("tester1"));
        List<Map<String, Object>> notes = as("supervisor").get("/api/notifications?limit=50").then().statusCode(200)
                .extract().path("");
        assertTrue(notes.stream().anyMatch(n -> number.equals(n.get("ticketNumber"))), "notified (contract RULE)");
        List<Map<String, Object>> entries = timeline(number, "en");
        Map<String, Object> reply = find(entries, "REPLY");
        assertEquals("您好 测试客户，工单 " + number + " 已收到", ((Map<?, ?>) reply.get("details")).get("text"));
        assertEquals(false, reply.get("internal"));
        assertEquals("自动备注 120", ((Map<?, ?>) find(entries, "NOTE").get("details")).get("text"));
        Map<?, ?> hook = (Map<?, ?>) find(entries, "WEBHOOK_REQUESTED").get("details");
        assertEquals("erp", hook.get("endpoint"));
        assertEquals(t, hook.get("rule"));
        assertEquals(number, ((Map<?, ?>) hook.get("payload")).get("number"));
        assertEquals(1, ((Map<?, ?>) find(entries, "PRIORITY_CHANGED").get("details")).get("automationDepth"));
        assertTrue(kinds(number).containsAll(List.of("TAG_ADDED", "TAG_REMOVED", "WATCHER_ADDED", "FIELD_SET",
                "AUTOMATION_FIRED")));
        assertTrue(as("admin").get("/api/inbox?view=OPEN&tag=kept&size=200").then().statusCode(200).extract()
                .<List<String>>path("items.number").contains(number), "the inbox filters by tag");
        Rules.disable(t);
    }

    @Test
    void rulesRunInOrderAndSeeWhatEarlierRulesDid() throws Throwable {
        String t = token();
        Map<String, Object> first = rule(t + "-a", trigger("TICKET_CREATED"), List.of(mine(t)), List.of(),
                List.of(act("addTag", "value", "first")));
        Map<String, Object> second = rule(t + "-b", trigger("TICKET_CREATED"), List.of(mine(t), when("tags", "equals",
                "first")), List.of(), List.of(act("addTag", "value", "second")));
        Rules.create(first);
        Rules.create(second);
        String before = createTicket("agent1", incident("order " + t, "P3"));
        drain(stream);
        assertEquals(List.of("first", "second"), tags(before));
        as("admin").body(Map.of("keys", List.of(t + "-b", t + "-a"))).put("/api/automation/rules/order").then()
                .statusCode(200);
        String after = createTicket("agent1", incident("order " + t, "P3"));
        drain(stream);
        assertEquals(List.of("first"), tags(after), "the second rule ran first and did not match");
        Rules.disable(t + "-a");
        Rules.disable(t + "-b");
    }

    @Test
    void rulesTriggeringRulesStopAtDepthFiveOnTheTimeline() throws Throwable {
        String t = token();
        Rules.create(rule(t + "-start", trigger("TICKET_CREATED"), List.of(mine(t)), List.of(),
                List.of(act("addTag", "value", "ping"))));
        Rules.create(rule(t + "-ping", trigger("FIELD_CHANGED", "field", "tags"), List.of(mine(t), when("tags",
                "equals", "ping")), List.of(), List.of(act("removeTag", "value", "ping"))));
        Rules.create(rule(t + "-pong", trigger("FIELD_CHANGED", "field", "tags"), List.of(mine(t), when("tags",
                "empty", null)), List.of(), List.of(act("addTag", "value", "ping"))));
        String number = createTicket("agent1", incident("loop " + t, "P3"));
        drain(stream);
        List<Map<String, Object>> entries = timeline(number, "en");
        assertTrue(entries.stream().anyMatch(e -> "AUTOMATION_CUTOFF".equals(e.get("kind"))), "never silent");
        int deepest = entries.stream().filter(e -> "AUTOMATION_FIRED".equals(e.get("kind")))
                .mapToInt(e -> ((Number) ((Map<?, ?>) e.get("details")).get("depth")).intValue()).max().orElse(-1);
        assertEquals(4, deepest, "depths 0..4 fire: five levels");
        int fired = entries.size();
        drain(stream);
        assertEquals(fired, timeline(number, "en").size(), "the chain has ended");
        for (String k : List.of("-start", "-ping", "-pong")) {
            Rules.disable(t + k);
        }
    }

    @Test
    void theDryRunSaysWhatWouldHappenAndChangesNothing() {
        String t = token();
        String hit = createTicket("agent1", incident("dry " + t, "P3"));
        String miss = createTicket("agent1", incident("other ticket", "P3"));
        Map<String, Object> body = rule(t, trigger("TICKET_CREATED"), List.of(mine(t)), List.of(),
                List.of(act("priority", "value", "P1")));
        List<Map<String, Object>> rows = as("admin").header("Accept-Language", "en").body(Map.of("rule", body, "n",
                5)).post("/api/automation/rules/dry-run").then().statusCode(200).extract().path("");
        Map<String, Object> row = rows.stream().filter(r -> hit.equals(r.get("number"))).findFirst().orElseThrow();
        assertEquals(true, row.get("matched"));
        assertEquals(List.of("priority set to P1"), row.get("wouldDo"));
        Map<String, Object> other = rows.stream().filter(r -> miss.equals(r.get("number"))).findFirst()
                .orElseThrow();
        assertEquals(false, other.get("matched"));
        assertEquals("title contains " + t, other.get("failed"));
        assertEquals("P3", as("admin").get("/api/tickets/" + hit).then().extract().path("priority"));
        as("admin").get("/api/automation/rules/" + t).then().statusCode(404);
    }

    @Test
    void validationNamesTheFieldByItsLabelInTheUsersLanguage() {
        Map<String, Object> body = new java.util.HashMap<>(rule(token(), trigger("TIME"), List.of(), List.of(),
                List.of()));
        body.remove("nameEn");
        List<String> zh = as("admin").header("Accept-Language", "zh-CN").body(body).post("/api/automation/rules")
                .then().statusCode(422).extract().path("errors.message");
        assertTrue(zh.contains("请填写名称（英文）"), zh.toString());
        assertTrue(zh.contains("分钟数须在 1 到 525600 之间"), zh.toString());
        List<String> en = as("admin").header("Accept-Language", "en").body(body).post("/api/automation/rules")
                .then().statusCode(422).extract().path("errors.message");
        assertTrue(en.contains("Name (English) is required"), en.toString());
        assertTrue(en.contains("Add at least one action (Actions)"), en.toString());
        as("agent1").body(body).post("/api/automation/rules").then().statusCode(403);
        as("agent1").get("/api/tickets/FD-0/automation-trace").then().statusCode(403);
        assertFalse(en.isEmpty());
    }

    @Test
    void formFieldConditionsAreTypedByThePublishedFormsAndRefusedByTheFieldsLabel() {
        Map<String, Object> bad = rule(token(), trigger("TICKET_CREATED"), List.of(
                when("data.refundAmount", "gt", "abc"), when("data.orderNo", "lt", "5"),
                when("data.reason", "equals", "broken"), when("data.noSuchField", "gt", "x")), List.of(),
                List.of(act("setField", "field", "refundAmount", "value", "lots")));
        List<String> en = as("admin").header("Accept-Language", "en").body(bad).post("/api/automation/rules").then()
                .statusCode(422).extract().path("errors.message");
        assertEquals(List.of("Refund amount (CNY) is a number: enter a number, not “abc”",
                "Order number has no order: “greater than” and “less than” compare numbers and dates",
                "Reason has no option “broken”; its options are Damaged (damaged), Wrong item (wrong-item), "
                        + "Not received (not-received), No longer needed (no-longer-needed), Other (other)",
                "Refund amount (CNY) is a number: enter a number, not “lots”"), en);
        List<String> pointers = as("admin").body(bad).post("/api/automation/rules").then().statusCode(422).extract()
                .path("errors.pointer");
        assertEquals(List.of("/conditions/all/0/value", "/conditions/all/1/op", "/conditions/all/2/value",
                "/actions/0/value"), pointers, "a field no form has (rules keep it themselves) is not checked");
        List<String> zh = as("admin").header("Accept-Language", "zh-CN").body(bad).post("/api/automation/rules")
                .then().statusCode(422).extract().path("errors.message");
        assertTrue(zh.contains("退款金额（元）是数字字段：请输入数字，而不是“abc”"), zh.toString());
        assertTrue(zh.stream().anyMatch(m -> m.startsWith("退款原因没有选项“broken”，可选的是 商品损坏（damaged）")),
                zh.toString());
        // the same rule with values that fit is stored; "in" lists and case-insensitive options are fine
        Map<String, Object> good = rule(token(), trigger("TICKET_CREATED"), List.of(
                when("data.refundAmount", "gt", "500"), when("data.reason", "in", "Damaged，other")), List.of(),
                List.of(act("addTag", "value", "big-refund")));
        as("admin").body(good).post("/api/automation/rules").then().statusCode(201);
        as("admin").delete("/api/automation/rules/" + good.get("key")).then().statusCode(204);
    }

    static Map<String, Object> find(List<Map<String, Object>> entries, String kind) {
        List<Map<String, Object>> found = new ArrayList<>(entries.stream().filter(e -> kind.equals(e.get("kind")))
                .toList());
        if (found.isEmpty()) {
            throw new AssertionError("no " + kind + " in " + entries.stream().map(e -> e.get("kind")).toList());
        }
        return found.get(0);
    }
}
