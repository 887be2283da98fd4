package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.notify.Notifications;
import io.flowdesk.shared.Messages;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollaborationApiTest {

    @Inject
    Notifications notifications;

    @Inject
    InboxService inbox;

    @Inject
    IdentityService identity;

    static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CO-1", "refundAmount", 20, "reason", "other"));
    }

    @Test
    void mentioningAUserNotifiesThemAndNotOthers() throws Throwable {
        String number = createTicket("agent1", refund());
        long before = VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2"));
        long supervisorBefore = VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("supervisor"));
        as("agent1").body(Map.of("text", "@agent2 请看一下这个退款，@nobody 不存在", "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201)
                .body("kind", equalTo("NOTE")).body("details.mentions", equalTo(List.of("agent2")));
        assertEquals(before + 1, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2")));
        assertEquals(supervisorBefore, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount(
                "supervisor")));
        var recent = VertxContextSupport.subscribeAndAwait(() -> notifications.recent("agent2", 5));
        var mention = recent.get(0);
        assertEquals("MENTION", mention.kind());
        assertEquals("客服 Agent 1 在 " + number + " 中提到了你：@agent2 请看一下这个退款，@nobody 不存在",
                mention.text(Messages.ZH));
        assertEquals("客服 Agent 1 mentioned you on " + number + ": @agent2 请看一下这个退款，@nobody 不存在",
                mention.text(Messages.EN));
    }

    @Test
    void phoneTicketKeepsTheTranscriptAsItsFirstInternalEntry() {
        Map<String, Object> body = refund();
        body.put("channel", "phone");
        body.put("transcript", "客户：耳机坏了\n客服：好的，为您登记退款");
        String number = createTicket("agent1", body);
        as("agent2").get("/api/tickets/" + number + "/timeline").then().statusCode(200)
                .body("[0].kind", equalTo("TRANSCRIPT")).body("[0].internal", equalTo(true))
                .body("[0].details.text", equalTo("客户：耳机坏了\n客服：好的，为您登记退款"));
        as("agent2").get("/api/tickets/" + number).then().body("channel", equalTo("phone"));
    }

    @Test
    void ticketsForAKnownCustomerEmailAppearInTheirPortal() {
        Map<String, Object> body = refund();
        body.put("customer", Map.of("name", "张三", "email", "customer1@example.com"));
        String number = createTicket("agent1", body);
        as("customer1").get("/api/tickets/" + number).then().statusCode(200);
        as("customer2").get("/api/tickets/" + number).then().statusCode(404);
    }

    @Test
    void transferToAnotherDepartmentPutsTheTaskInTheirQueue() {
        String number = createTicket("agent1", refund());
        String task = openTask(number, "refund-review");
        as("agent1").body(Map.of("department", "finance")).post("/api/tasks/" + task + "/transfer").then()
                .statusCode(422).body("errors.pointer", hasItem("/reason"));
        as("agent1").body(Map.of("department", "nowhere", "reason", "x")).post("/api/tasks/" + task + "/transfer")
                .then().statusCode(422);
        as("agent1").body(Map.of("department", "finance", "reason", "涉及财务核对")).post("/api/tasks/" + task
                + "/transfer").then().statusCode(200).body("department", equalTo("finance"));
        as("finance1").get("/api/tasks?scope=group").then().body("id", hasItem(task));
        as("agent2").get("/api/tasks?scope=group").then().body("id", not(hasItem(task)));
        as("finance1").body(Map.of("data", Map.of("accepted", true, "reviewNote", "同意"))).post("/api/tasks/" + task
                + "/complete").then().statusCode(200);
        // transfer and completed step in the reader's language: names, field labels and option names, no keys
        as("agent1").header("Accept-Language", "zh-CN").get("/api/tickets/" + number + "/timeline").then()
                .body("find { it.kind == 'TRANSFERRED' }.summary", equalTo("步骤“客服受理”已转交给 财务：涉及财务核对"))
                .body("find { it.kind == 'TASK_COMPLETED' }.summary",
                        equalTo("finance1 完成了步骤“客服受理”：是否受理：受理；受理意见：同意"));
        as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline").then()
                .body("find { it.kind == 'TRANSFERRED' }.summary",
                        equalTo("Step Agent review transferred to Finance: 涉及财务核对"))
                .body("find { it.kind == 'TRANSFERRED' }.summaryKey", equalTo("timeline.text.transferred"))
                .body("find { it.kind == 'TASK_COMPLETED' }.summary",
                        equalTo("finance1 completed the step Agent review: Accept the refund?: Accept,"
                                + " Review note: 同意"));
    }

    @Test
    void transferToAPersonNotifiesThemInTheirLanguage() throws Throwable {
        String number = createTicket("agent1", refund());
        String task = openTask(number, "refund-review");
        as("agent1").body(Map.of("user", "agent2", "reason", "请协助")).post("/api/tasks/" + task + "/transfer")
                .then().statusCode(200);
        var transfer = VertxContextSupport.subscribeAndAwait(() -> notifications.recent("agent2", 5)).get(0);
        assertEquals("TRANSFER", transfer.kind());
        assertEquals("客服 Agent 1 将 " + number + "（客服受理）转交给你：请协助", transfer.text(Messages.ZH));
        assertEquals("客服 Agent 1 transferred " + number + " (Agent review) to you: 请协助",
                transfer.text(Messages.EN));
        as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline").then()
                .body("find { it.kind == 'TRANSFERRED' }.summary",
                        equalTo("Step Agent review transferred to 客服 Agent 2: 请协助"));
    }

    @Test
    void priorityChangeNeedsAReasonAndAnAgent() {
        String number = createTicket("agent1", refund());
        as("agent1").header("Accept-Language", "zh-CN").body(Map.of("priority", "P1"))
                .post("/api/tickets/" + number + "/priority").then().statusCode(422)
                .body("detail", equalTo("优先级修改有误。"))
                .body("errors.find { it.pointer == '/reason' }.message", equalTo("请填写原因（1 到 1000 个字符）。"));
        as("agent1").header("Accept-Language", "en").body(Map.of("priority", "P1"))
                .post("/api/tickets/" + number + "/priority").then().statusCode(422)
                .body("detail", equalTo("The priority change is not valid."))
                .body("errors.find { it.pointer == '/reason' }.message", equalTo("Enter a reason (1 to 1000 characters)."));
        as("customer1").body(Map.of("priority", "P1", "reason", "急")).post("/api/tickets/" + number + "/priority")
                .then().statusCode(403);
        as("agent1").body(Map.of("priority", "P1", "reason", "VIP 客户")).post("/api/tickets/" + number + "/priority")
                .then().statusCode(200).body("priority", equalTo("P1"));
        as("admin").get("/api/tickets/" + number + "/timeline").then().body("kind", hasItem("PRIORITY_CHANGED"));
    }

    @Test
    void watchersAreListedAndNotifiedOfReplies() throws Throwable {
        String number = createTicket("agent1", refund());
        as("agent1").body(Map.of("username", "supervisor")).post("/api/tickets/" + number + "/watchers").then()
                .statusCode(200).body("$", hasItem("supervisor"));
        as("warehouse1").body(Map.of("username", "agent2")).post("/api/tickets/" + number + "/watchers").then()
                .statusCode(404);
        long before = VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("supervisor"));
        as("agent1").body(Map.of("text", "已联系客户", "internal", false)).post("/api/tickets/" + number + "/comments")
                .then().statusCode(201).body("kind", equalTo("REPLY"));
        assertEquals(before + 1, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("supervisor")));
        as("agent1").delete("/api/tickets/" + number + "/watchers/supervisor").then().statusCode(200)
                .body("$", not(hasItem("supervisor")));
    }

    @Test
    void inboxCountsFiltersAndSavedViews() throws Throwable {
        String number = createTicket("agent1", Tickets.body("it-incident", "P2", Map.of("summary", "收件箱测试 inbox",
                "category", "software")));
        as("agent2").get("/api/inbox?view=QUEUE&q=" + number).then().statusCode(200)
                .body("items.number", equalTo(List.of(number)))
                .body("counts.QUEUE", equalTo(1))
                .body("counts.OPEN", greaterThanOrEqualTo(1));
        as("agent2").get("/api/inbox?view=QUEUE&type=ecommerce-refund&q=" + number).then()
                .body("items.size()", equalTo(0));
        as("warehouse1").get("/api/inbox?view=OPEN").then().statusCode(403);
        as("agent2").get("/api/inbox?view=QUEUE&priority=P9").then().statusCode(422);
        CurrentUser agent2 = VertxContextSupport.subscribeAndAwait(() -> identity.findByUsername("agent2")).orElseThrow();
        InboxQuery mine = new InboxQuery("QUEUE", "it-incident", "P2", null, null, null, "NEWEST");
        VertxContextSupport.subscribeAndAwait(() -> inbox.saveView(agent2, "IT P2", mine));
        var views = VertxContextSupport.subscribeAndAwait(() -> inbox.savedViews(agent2));
        assertTrue(views.stream().anyMatch(v -> v.name().equals("IT P2") && v.query().equals(mine)), views.toString());
    }
}
