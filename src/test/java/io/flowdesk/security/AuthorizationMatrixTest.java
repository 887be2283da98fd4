package io.flowdesk.security;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.security.OpenApiOperations.Operation;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document × every role, compared with {@link AuthorizationTable}: the answer
 * must be of the class the table names. {@code ok}: 2xx, or 400/404/409/422 (the object or body is missing: the role
 * got past the door); {@code 403}: denied (401/403); {@code 401}: asked to log in. A 5xx (or 405/415) is always a
 * mismatch. Path parameters get dummy values and writes get an empty body, so nothing real is changed.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Column name → demo user (null: anonymous). */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("anon", null);
        ROLES.put("customer", "customer1");
        ROLES.put("partner", "partner1");
        ROLES.put("agent", "agent1");
        ROLES.put("supervisor", "supervisor");
        ROLES.put("admin", "admin");
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        List<Operation> ops = OpenApiOperations.load();
        Map<String, Map<String, String>> table = AuthorizationTable.parse(ROLES.keySet());
        Set<String> served = new TreeSet<>();
        ops.forEach(op -> served.add(op.key()));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(table.keySet());
        Set<String> gone = new TreeSet<>(table.keySet());
        gone.removeAll(served);

        List<String> mismatches = new ArrayList<>();
        List<String> proposal = new ArrayList<>();
        int checked = 0;
        for (Operation op : ops) {
            Map<String, String> expected = table.get(op.key());
            StringBuilder line = new StringBuilder(op.key());
            for (Map.Entry<String, String> role : ROLES.entrySet()) {
                String want = expected == null ? null : expected.get(role.getKey());
                // a write the role may make and that would change shared state gets a malformed body (400)
                String body = "ok".equals(want) && Requests.SIDE_EFFECTS.contains(op.key()) ? "{" : null;
                int status = send(role.getValue(), op, Requests.dummyPath(op), body);
                if (status / 100 == 2 && !op.method().equals("GET")) {
                    System.out.println("authorization matrix: write accepted: " + op.key() + " as " + role.getKey()
                            + " -> " + status);
                }
                line.append(" | ").append(role.getKey()).append(' ').append(Requests.classOf(status));
                if (expected != null) {
                    checked++;
                    if (!Requests.matches(want, status)) {
                        mismatches.add(op.key() + " as " + role.getKey() + ": expected " + want + ", got " + status);
                    }
                }
            }
            proposal.add(line.toString());
        }
        System.out.printf("authorization matrix: %d operations × %d roles, %d checked, %d mismatches%n",
                ops.size(), ROLES.size(), checked, mismatches.size());
        StringBuilder report = new StringBuilder();
        if (!missing.isEmpty()) {
            report.append("operations served but not in the table (add them to AuthorizationTable):\n  ")
                    .append(String.join("\n  ", missing)).append('\n');
        }
        if (!gone.isEmpty()) {
            report.append("table rows for operations no longer served (remove them):\n  ")
                    .append(String.join("\n  ", gone)).append('\n');
        }
        if (!mismatches.isEmpty()) {
            report.append("mismatches:\n  ").append(String.join("\n  ", mismatches)).append('\n');
        }
        if (!report.isEmpty()) {
            report.append("observed (for review, not to be copied blindly):\n  ").append(String.join("\n  ", proposal));
        }
        assertTrue(report.isEmpty(), report.toString());
    }

    /**
     * Own vs other's object on every ticket and task operation: customer1 reads their own ticket but gets 403/404 on
     * customer2's for every method; partner1 reads the ticket whose step was transferred to them, not another one,
     * and sees only that task.
     */
    @Test
    void ticketsAndTasksAreTheirOwnersOnly() {
        List<Operation> ops = OpenApiOperations.load().stream()
                .filter(op -> op.path().startsWith("/api/tickets/{number}") || op.path().startsWith("/api/tasks/{id}"))
                .toList();
        Map<String, Map<String, String>> table = AuthorizationTable.parse(ROLES.keySet());
        String own = createTicket("customer1", refund());
        String others = createTicket("customer2", refund());
        String othersTask = openTask(others, "refund-review");
        String partners = createTicket("agent1", refund());
        complete("agent1", openTask(partners, "refund-review"), Map.of("accepted", true)).then().statusCode(200);
        String partnerTask = openTask(partners, "refund-intercept");
        as("agent1").body(Map.of("user", "partner1", "reason", "authorization matrix"))
                .post("/api/tasks/" + partnerTask + "/transfer").then().statusCode(200);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try {
            for (Operation op : ops) {
                String customerRead = table.get(op.key()) == null ? "ok" : table.get(op.key()).get("customer");
                String partnerRead = table.get(op.key()) == null ? "ok" : table.get(op.key()).get("partner");
                checked += expect(mismatches, "customer1", op, Map.of("number", others, "id", othersTask), "other");
                checked += expect(mismatches, "partner1", op, Map.of("number", own, "id", othersTask), "other");
                if (op.method().equals("GET")) {
                    if (op.path().startsWith("/api/tickets/")) {
                        checked += expect(mismatches, "customer1", op, Map.of("number", own), customerRead);
                    }
                    checked += expect(mismatches, "partner1", op, Map.of("number", partners, "id", partnerTask),
                            partnerRead);
                }
            }
        } finally {
            // hand the step back: partner1's list belongs to the partner tests (PortalApiTest counts it)
            as("agent1").body(Map.of("department", "customer-service", "reason", "authorization matrix done"))
                    .post("/api/tasks/" + partnerTask + "/transfer").then().statusCode(200);
        }
        System.out.printf("object-level: %d ticket/task operations, %d checks, %d mismatches%n", ops.size(), checked,
                mismatches.size());
        assertTrue(mismatches.isEmpty(), "object-level mismatches:\n  " + String.join("\n  ", mismatches));
    }

    /**
     * Sends one request and records a mismatch: {@code other} must be 401/403/404 (a valid body, so validation
     * cannot answer first); otherwise the table's class, and the ticket and the task themselves must be 2xx.
     */
    private static int expect(List<String> mismatches, String user, Operation op, Map<String, String> values,
            String want) {
        String path = Requests.fill(op, values);
        boolean other = want.equals("other");
        int status = send(user, op, path, other ? VALID_BODIES.get(op.key()) : null);
        boolean fine = other ? status == 401 || status == 403 || status == 404
                : Requests.matches(want, status) && (status / 100 == 2 || !MUST_READ.contains(op.key())
                        || !values.keySet().containsAll(op.pathParams().keySet()));
        if (!fine) {
            mismatches.add(op.method() + " " + path + " as " + user + ": expected " + want + ", got " + status);
        }
        return 1;
    }

    /** Reads the owner must get (2xx, not just the "ok" class). */
    static final Set<String> MUST_READ = Set.of("GET /api/tickets/{number}", "GET /api/tickets/{number}/timeline",
            "GET /api/tasks/{id}");

    /** Bodies that pass validation, so that only the object check can refuse them. */
    static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/tickets/{number}/comments", "{\"text\":\"authorization matrix\",\"internal\":true}",
            "POST /api/tickets/{number}/csat", "{\"rating\":5,\"comment\":\"ok\"}",
            "POST /api/tickets/{number}/reopen", "{\"reason\":\"authorization matrix\"}",
            "POST /api/tasks/{id}/transfer", "{\"user\":\"agent2\",\"reason\":\"authorization matrix\"}",
            "POST /api/tickets/{number}/priority", "{\"priority\":\"P1\",\"reason\":\"authorization matrix\"}",
            "POST /api/tasks/{id}/complete", "{\"data\":{\"accepted\":true}}");

    private static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "AM-1", "refundAmount", 30,
                "reason", "not-received"));
    }

    static int send(String user, Operation op, String path) {
        return send(user, op, path, null);
    }

    /** Sends with the given JSON body, or the operation's empty body when null. */
    static int send(String user, Operation op, String path, String json) {
        RequestSpecification spec = user == null ? given() : given().auth().preemptive().basic(user, "demo");
        spec = spec.accept("application/json, */*;q=0.5");
        spec = json == null ? Requests.withBody(spec, op) : spec.contentType("application/json").body(json);
        return spec.request(op.method(), path).statusCode();
    }
}
