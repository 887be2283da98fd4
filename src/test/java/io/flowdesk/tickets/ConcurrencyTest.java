package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openForms;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.testing.Tickets;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two people complete the same task at the same moment: one wins, the other gets 409, one next step. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    WorkflowEngine engine;

    @Test
    void twoUsersCompletingTheSameTaskExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo",
                        "RACE-" + round, "refundAmount", 10, "reason", "other")));
                String task = openTask(number, "refund-review");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> results = new ArrayList<>();
                for (String user : List.of("agent1", "agent2")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return complete(user, task, Map.of("accepted", true)).statusCode();
                    }));
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> result : results) {
                    codes.add(result.get());
                }
                codes.sort(Integer::compareTo);
                assertEquals(List.of(200, 409), codes, "round " + round);
                assertEquals(List.of("refund-intercept"), openForms(number), "round " + round);
                String processInstanceId = engine.processEngine().getHistoryService()
                        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId(number))
                        .singleResult().getId();
                assertEquals(1, engine.processEngine().getTaskService().createTaskQuery()
                        .processInstanceId(processInstanceId).count(), "exactly one next task in the engine");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * People and the relay change one ticket at the same moment (priority changes, replies, a watcher, a completed
     * step): they take turns on the ticket's row (ADR 0030), so every request succeeds and none is a 500 from a
     * version conflict; the last priority is on the ticket and every change is on the timeline.
     */
    @Test
    void simultaneousEditsOfOneTicketAllSucceedInTurn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo",
                    "EDITS-" + System.nanoTime(), "refundAmount", 10, "reason", "other")));
            String task = openTask(number, "refund-review");
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return switch (n) {
                        case 0, 1 -> io.flowdesk.testing.Api.as("supervisor").body(Map.of("priority", n == 0 ? "P1"
                                : "P2", "reason", "并发 " + n)).post("/api/tickets/" + number + "/priority")
                                .statusCode();
                        case 2, 3 -> io.flowdesk.testing.Api.as("agent1").body(Map.of("text", "回复 " + n,
                                "internal", n == 3)).post("/api/tickets/" + number + "/comments").statusCode();
                        case 4 -> io.flowdesk.testing.Api.as("agent2").body(Map.of("username", "agent2"))
                                .post("/api/tickets/" + number + "/watchers").statusCode();
                        default -> complete("agent2", task, Map.of("accepted", true)).statusCode();
                    };
                }));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> result : results) {
                codes.add(result.get());
            }
            assertEquals(List.of(200, 200, 201, 201), codes.subList(0, 4), codes.toString());
            org.junit.jupiter.api.Assertions.assertTrue(codes.get(4) < 300 && codes.get(5) == 200, codes.toString());
            List<String> kinds = io.flowdesk.testing.Api.as("admin").get("/api/tickets/" + number + "/timeline")
                    .then().statusCode(200).extract().path("kind");
            assertEquals(2, kinds.stream().filter("PRIORITY_CHANGED"::equals).count(), kinds.toString());
            assertEquals(List.of("refund-intercept"), openForms(number));
        } finally {
            pool.shutdownNow();
        }
    }

    private String ticketId(String number) {
        // the business key is the ticket id; find the running instance by its ticketNumber variable
        return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
                .variableValueEquals("ticketNumber", number).singleResult().getBusinessKey();
    }
}
