package io.flowdesk.conversion;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openForms;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * An agent converts a general inquiry into an e-commerce refund: the ticket keeps its number, what it knew is
 * carried into the refund form, the inquiry's step is cancelled and the refund's first step opens, the timeline says
 * so and the resolution target is the refund's. An incomplete refund form is refused naming its fields by label;
 * customers and partners may not convert.
 */
@QuarkusTest
class ConversionApiTest {

    @jakarta.inject.Inject
    io.flowdesk.tickets.TicketEventStream stream;

    private static String inquiry() {
        String number = createTicket("agent1", Tickets.body("general-inquiry", "P3", Map.of("title", "包裹破损想退款",
                "description", "收到的杯子碎了")));
        awaitForms(number, List.of("general-inquiry-answer"));
        return number;
    }

    @Test
    void anAgentConvertsAnInquiryIntoARefundKeepingNumberAndTimeline() throws Throwable {
        String number = inquiry();
        int cyclesBefore = awaitResolutions(number, 1);

        as("agent1").header("Accept-Language", "en").body(Map.of("template", "ecommerce-refund", "fields",
                Map.of("orderNo", "CV-1001", "refundAmount", 59, "reason", "damaged")))
                .post("/api/tickets/" + number + "/convert").then().statusCode(200)
                .body("number", equalTo(number)).body("type", equalTo("ecommerce-refund"))
                .body("data.orderNo", equalTo("CV-1001"))
                .body("data.description", equalTo("收到的杯子碎了")) // carried: same key
                .body("data.contactPhone", equalTo("13812345678")); // carried: the ticket's contact

        awaitForms(number, List.of("refund-review"));
        as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline").then()
                .statusCode(200)
                .body("kind", hasItem("CREATED"))
                .body("kind", hasItem("TASK_CANCELLED"))
                .body("summary", hasItem("Converted from General inquiry to E-commerce refund"));
        as("agent1").header("Accept-Language", "zh-CN").get("/api/tickets/" + number + "/timeline").then()
                .body("summary", hasItem("已从「一般咨询」转换为「电商售后退款」"));
        // the SLA starts over under the refund's policy: a new resolution cycle, with a fresh refund ticket's target
        awaitResolutions(number, cyclesBefore + 1);
        String fresh = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CV-1002",
                "refundAmount", 10, "reason", "damaged")));
        Object expected = awaitResolutionTarget(fresh, null);
        assertEquals(expected, awaitResolutionTarget(number, expected));
    }

    @Test
    void anIncompleteNewStartFormIsRefusedNamingTheMissingFieldsInTheReadersLanguage() {
        String number = inquiry();

        as("agent1").header("Accept-Language", "zh-CN").body(Map.of("template", "ecommerce-refund", "fields",
                Map.of("orderNo", "CV-2001"))).post("/api/tickets/" + number + "/convert").then().statusCode(422)
                .body("detail", allOf(containsString("退款金额（元）"), containsString("退款原因")))
                .body("errors.pointer", hasItem("/fields/refundAmount"));
        as("agent1").header("Accept-Language", "en").body(Map.of("template", "ecommerce-refund"))
                .post("/api/tickets/" + number + "/convert").then().statusCode(422)
                .body("detail", allOf(containsString("Order number"), containsString("Refund amount (CNY)"),
                        containsString("Reason")));
        as("agent1").get("/api/tickets/" + number).then().body("type", equalTo("general-inquiry"));
        assertEquals(List.of("general-inquiry-answer"), openForms(number), "nothing changed");
        as("agent1").header("Accept-Language", "en").body(Map.of("template", "no-such-template"))
                .post("/api/tickets/" + number + "/convert").then().statusCode(422)
                .body("errors.pointer", hasItem("/template"));
    }

    @Test
    void theRefundFormIsPrefilledFromWhatTheTicketKnows() {
        String number = inquiry();

        as("agent2").header("Accept-Language", "en").queryParam("template", "ecommerce-refund")
                .get("/api/tickets/" + number + "/convert/prefill").then().statusCode(200)
                .body("data.description", equalTo("收到的杯子碎了"))
                .body("missing", equalTo(List.of("Order number", "Refund amount (CNY)", "Reason")));
    }

    @Test
    void customersAndPartnersMayNotConvert() {
        String number = inquiry();
        Map<String, Object> body = Map.of("template", "ecommerce-refund", "fields", Map.of("orderNo", "CV-3001",
                "refundAmount", 5, "reason", "damaged"));

        as("customer1").body(body).post("/api/tickets/" + number + "/convert").then().statusCode(403);
        as("partner1").body(body).post("/api/tickets/" + number + "/convert").then().statusCode(403);
        as("customer1").queryParam("template", "ecommerce-refund").get("/api/tickets/" + number
                + "/convert/prefill").then().statusCode(403);
        as("agent1").get("/api/tickets/" + number).then().body("type", equalTo("general-inquiry"));
    }

    private static void awaitForms(String number, List<String> forms) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!openForms(number).equals(forms)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(number + ": open " + openForms(number) + ", expected " + forms);
            }
            sleep();
        }
    }

    /** The running RESOLUTION target's minutes, once the SLA consumer has it (and it equals {@code wanted}). */
    private Object awaitResolutionTarget(String number, Object wanted) throws Throwable {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            io.flowdesk.testing.Streams.drain(stream, "sla");
            List<Map<String, Object>> targets = as("admin").get("/api/tickets/" + number + "/sla").then()
                    .statusCode(200).extract().path("");
            Object minutes = targets.stream().filter(t -> "RESOLUTION".equals(t.get("target"))
                    && t.get("dueAt") != null).reduce((a, b) -> b).map(t -> t.get("targetMinutes")).orElse(null);
            if (minutes != null && (wanted == null || Objects.equals(wanted, minutes))) {
                return minutes;
            }
            if (System.nanoTime() > end) {
                assertTrue(false, number + ": resolution targets " + targets);
            }
            sleep();
        }
    }

    /** The number of RESOLUTION clocks of the ticket, once there are at least {@code atLeast}. */
    private int awaitResolutions(String number, int atLeast) throws Throwable {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            io.flowdesk.testing.Streams.drain(stream, "sla");
            List<Map<String, Object>> targets = as("admin").get("/api/tickets/" + number + "/sla").then()
                    .statusCode(200).extract().path("");
            int count = (int) targets.stream().filter(t -> "RESOLUTION".equals(t.get("target"))).count();
            if (count >= atLeast) {
                return count;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(number + ": fewer than " + atLeast + " resolution clocks: " + targets);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
