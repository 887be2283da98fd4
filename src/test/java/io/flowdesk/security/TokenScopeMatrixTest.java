package io.flowdesk.security;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.security.OpenApiOperations.Operation;
import io.flowdesk.tokens.ScopeRules;
import io.flowdesk.tokens.TokenScope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix for API tokens (ADR 0050): every operation of the served OpenAPI document, sent with an
 * admin's token of each narrow scope, is refused with 403 when the scope does not cover what {@link ScopeRules} says
 * the operation needs; so no endpoint is left out of the scope check. Only refusals are sent (nothing is changed):
 * what a covered scope then may do is the owner's role, which {@link AuthorizationMatrixTest} checks.
 */
@QuarkusTest
class TokenScopeMatrixTest {

    @Test
    void everyOperationRefusesATokenWithoutItsScope() {
        List<Operation> ops = OpenApiOperations.load();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (TokenScope scope : List.of(TokenScope.TICKETS_READ, TokenScope.TICKETS_WRITE, TokenScope.INTAKE,
                TokenScope.REPORTS_READ)) {
            String token = as("admin").body(Map.of("name", "matrix " + scope.id(), "scopes", List.of(scope.id())))
                    .post("/api/me/tokens").then().statusCode(201).extract().path("token");
            for (Operation op : ops) {
                TokenScope needed = ScopeRules.required(op.method(), op.path());
                if (needed == null || scope.covers(needed)) {
                    continue;
                }
                RequestSpecification spec = given().header("Authorization", "Bearer " + token)
                        .accept("application/json, */*;q=0.5");
                int status = Requests.withBody(spec, op).request(op.method(), Requests.dummyPath(op)).statusCode();
                checked++;
                if (status != 403) {
                    mismatches.add(op.key() + " with a " + scope.id() + " token (needs " + needed.id() + "): " + status);
                }
            }
            as("admin").delete("/api/me/tokens/" + token.substring(4, 16)).then().statusCode(204);
        }
        System.out.printf("token scope matrix: %d operations, %d refusals checked, %d mismatches%n", ops.size(),
                checked, mismatches.size());
        assertTrue(checked > 100, "too few operations checked: " + checked);
        assertTrue(mismatches.isEmpty(), "operations that let a token without their scope in:\n  "
                + String.join("\n  ", mismatches));
    }

    @Test
    void theScopeTableSendsEachKindOfOperationWhereExpected() {
        List<String> wrong = new ArrayList<>();
        Map<String, TokenScope> expected = Map.of("GET /api/tickets/{number}", TokenScope.TICKETS_READ,
                "POST /api/tickets/{number}/comments", TokenScope.TICKETS_WRITE,
                "POST /api/tasks/{id}/complete", TokenScope.TICKETS_WRITE,
                "POST /api/intake/mail", TokenScope.INTAKE, "POST /api/intake/chat", TokenScope.INTAKE,
                "GET /api/reports/summary", TokenScope.REPORTS_READ, "POST /api/reports/exports", TokenScope.REPORTS_READ,
                "POST /api/reports/schedules", TokenScope.ADMIN, "GET /api/admin/tokens", TokenScope.ADMIN,
                "POST /api/me/tokens", TokenScope.ADMIN);
        expected.forEach((key, scope) -> {
            String[] parts = key.split(" ");
            if (ScopeRules.required(parts[0], parts[1]) != scope) {
                wrong.add(key + " -> " + ScopeRules.required(parts[0], parts[1]));
            }
        });
        assertTrue(ScopeRules.required("GET", "/api/public/embed/x") == null, "public paths need no scope");
        assertTrue(wrong.isEmpty(), String.join(", ", wrong));
    }
}
