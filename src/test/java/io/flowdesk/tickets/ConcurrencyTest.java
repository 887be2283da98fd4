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

    private String ticketId(String number) {
        // the business key is the ticket id; find the running instance by its ticketNumber variable
        return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
                .variableValueEquals("ticketNumber", number).singleResult().getBusinessKey();
    }
}
