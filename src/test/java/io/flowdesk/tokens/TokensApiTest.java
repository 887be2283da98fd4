package io.flowdesk.tokens;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.channels.mail.Eml;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Personal access tokens and service accounts over HTTP on real PostgreSQL (ADR 0050). */
@QuarkusTest
class TokensApiTest {

    @Inject
    AgroalDataSource db;

    static RequestSpecification bearer(String token) {
        return bearer(token, "en");
    }

    static RequestSpecification bearer(String token, String language) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON).header("Accept-Language", language);
    }

    /** Creates a token for {@code user} through /api/me/tokens and answers the whole creation answer. */
    static Map<String, Object> create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getMap("");
    }

    static Map<String, Object> token(String name, String... scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("scopes", List.of(scopes));
        return body;
    }

    @SuppressWarnings("unchecked")
    static String id(Map<String, Object> created) {
        return (String) ((Map<String, Object>) created.get("details")).get("id");
    }

    static Map<String, Object> refund(String orderNo) {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", orderNo, "refundAmount", 30,
                "reason", "not-received"));
    }

    @Test
    void aReadTokenReadsButCannotWrite() {
        Map<String, Object> created = create("agent1", token("read only", "tickets:read"));
        String secret = (String) created.get("token");
        assertTrue(secret.startsWith("fdt_"), secret);
        bearer(secret).get("/api/tickets").then().statusCode(200);
        Response write = bearer(secret).body(refund("TK-R1")).post("/api/tickets");
        assertEquals(403, write.statusCode());
        assertEquals("This token does not have the scope “tickets:write” that this request needs.",
                write.jsonPath().getString("detail"));
        // nor anything outside ticket work, though agent1 may do it with a password
        assertEquals(403, bearer(secret).get("/api/macros").statusCode());
        as("agent1").get("/api/macros").then().statusCode(200);

        String writer = (String) create("agent1", token("writer", "tickets:write")).get("token");
        String number = bearer(writer).body(refund("TK-W1")).post("/api/tickets").then().statusCode(201).extract()
                .path("number");
        bearer(writer).get("/api/tickets/" + number).then().statusCode(200); // write includes read
    }

    @Test
    void aTokenActsAsItsOwnerNeverBeyond() {
        String mine = io.flowdesk.testing.Api.createTicket("customer1", refund("TK-O1"));
        String others = io.flowdesk.testing.Api.createTicket("customer2", refund("TK-O2"));
        String secret = (String) create("customer1", token("my app", "tickets:read")).get("token");
        bearer(secret).get("/api/tickets/" + mine).then().statusCode(200);
        assertEquals(404, bearer(secret).get("/api/tickets/" + others).statusCode());
    }

    @Test
    void anIntakeServiceAccountTokenCreatesATicketFromMailButCannotReadTickets() {
        as("admin").body(Map.of("address", "support@flowdesk.test")).put("/api/admin/mailboxes/support")
                .then().statusCode(200);
        String account = "svc-mail-" + UUID.randomUUID().toString().substring(0, 6);
        as("admin").body(Map.of("username", account, "displayName", "Mail relay", "roles", List.of()))
                .post("/api/admin/service-accounts").then().statusCode(201);
        Map<String, Object> created = as("admin").body(token("postfix", "intake"))
                .post("/api/admin/service-accounts/" + account + "/tokens").then().statusCode(201).extract()
                .jsonPath().getMap("");
        String secret = (String) created.get("token");

        byte[] mail = Eml.from("王五 <" + Eml.sender() + ">").subject("令牌转交的邮件").body("打印机坏了。").bytes();
        Map<String, Object> imported = given().header("Authorization", "Bearer " + secret)
                .contentType("message/rfc822").body(mail).post("/api/intake/mail?mailbox=support").then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals("created", imported.get("outcome"));
        String number = (String) imported.get("ticketNumber");
        assertNotNull(number);
        as("admin").get("/api/tickets/" + number).then().statusCode(200);

        assertEquals(403, bearer(secret).get("/api/tickets/" + number).statusCode());
        assertEquals(403, bearer(secret).get("/api/tickets").statusCode());
        assertEquals(403, bearer(secret).body(refund("TK-I1")).post("/api/tickets").statusCode());
        // the service account has no password: neither basic auth nor anything else lets it in
        assertEquals(401, given().auth().preemptive().basic(account, "").get("/api/tickets").statusCode());
        assertEquals(401, given().auth().preemptive().basic(account, "demo").get("/api/tickets").statusCode());
        // and an agent cannot hand mail over with a token of theirs: intake is not theirs to grant
        as("agent1").body(token("relay", "intake")).post("/api/me/tokens").then().statusCode(403);
    }

    @Test
    void anExpiredTokenIsRefusedWithAClearMessage() throws Exception {
        Map<String, Object> body = token("short lived", "tickets:read");
        Instant now = Instant.parse(as("admin").get("/api/clock").then().extract().path("now"));
        body.put("expiresAt", now.plusSeconds(120).toString());
        String secret = (String) create("agent1", body).get("token");
        bearer(secret).get("/api/tickets").then().statusCode(200);
        as("admin").body(Map.of("advanceSeconds", 180)).post("/api/clock").then().statusCode(200);
        Response expired = bearer(secret).get("/api/tickets");
        assertEquals(401, expired.statusCode());
        assertEquals("This API token has expired. Create a new one under API tokens.",
                expired.jsonPath().getString("detail"));
        assertTrue(expired.header("WWW-Authenticate").startsWith("Bearer"), expired.header("WWW-Authenticate"));
        Response zh = bearer(secret, "zh-CN").get("/api/tickets");
        assertEquals("此 API 令牌已过期，请在“API 令牌”中新建一个。", zh.jsonPath().getString("detail"));
        List<Map<String, Object>> listed = as("agent1").get("/api/me/tokens").then().statusCode(200).extract()
                .jsonPath().getList("");
        assertEquals("expired", listed.stream().filter(t -> t.get("id").equals(TokenSecretsView.idOf(secret)))
                .findFirst().orElseThrow().get("status"));
    }

    @Test
    void aRevokedTokenStopsAtOnceAndTheAuditLogSaysWhoDidWhat() throws Exception {
        Map<String, Object> created = create("agent1", token("to revoke", "tickets:read"));
        String secret = (String) created.get("token");
        String id = id(created);
        bearer(secret).get("/api/tickets").then().statusCode(200);
        // someone else's token is not mine to revoke
        as("agent2").delete("/api/me/tokens/" + id).then().statusCode(404);
        as("agent1").delete("/api/me/tokens/" + id).then().statusCode(204);
        Response revoked = bearer(secret).get("/api/tickets");
        assertEquals(401, revoked.statusCode());
        assertEquals("This API token has been revoked. Create a new one under API tokens.",
                revoked.jsonPath().getString("detail"));

        // an admin revokes another user's token
        Map<String, Object> other = create("agent2", token("admin revokes", "tickets:read"));
        bearer((String) other.get("token")).get("/api/tickets").then().statusCode(200);
        as("agent1").delete("/api/admin/tokens/" + id(other)).then().statusCode(403);
        as("admin").delete("/api/admin/tokens/" + id(other)).then().statusCode(204);
        assertEquals(401, bearer((String) other.get("token")).get("/api/tickets").statusCode());

        assertEquals(List.of("agent1 TOKEN_CREATED", "agent1 TOKEN_REVOKED"), audit(id));
        assertEquals(List.of("agent2 TOKEN_CREATED", "admin TOKEN_REVOKED"), audit(id(other)));
        String details = auditDetails(id);
        assertTrue(details.contains("\"scopes\":[\"tickets:read\"]") && details.contains("\"owner\":\"agent1\""),
                details);
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        Map<String, Object> created = create("supervisor", token("once", "tickets:read", "reports:read"));
        String secret = (String) created.get("token");
        String id = id(created);
        String secretPart = secret.substring(secret.lastIndexOf('_') + 1);
        bearer(secret).get("/api/reports/summary").then().statusCode(200);
        String mine = as("supervisor").get("/api/me/tokens").then().statusCode(200).extract().asString();
        assertTrue(mine.contains(id), mine);
        assertFalse(mine.contains(secretPart), "the list holds the secret");
        String all = as("admin").get("/api/admin/tokens").then().statusCode(200).extract().asString();
        assertTrue(all.contains(id));
        assertFalse(all.contains(secretPart), "the admin list holds the secret");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select * from api_token where public_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                assertFalse(row.toString().contains(secretPart), "the row holds the secret: " + row);
                assertEquals(Json.sha256(secret), rs.getString("secret_hash"));
                assertNotNull(rs.getTimestamp("last_used_at"), "last use recorded");
                assertEquals("127.0.0.1", rs.getString("last_used_addr"));
            }
        }
        // the list shows the last use (time and address)
        Map<String, Object> listed = as("supervisor").get("/api/me/tokens").then().extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(t -> t.get("id").equals(id)).findFirst()
                .orElseThrow();
        assertEquals("127.0.0.1", listed.get("lastUsedAddress"));
        assertNotNull(listed.get("lastUsedAt"));
    }

    @Test
    void overTheRateLimitA429WithRetryAfterThenItRecovers() {
        Map<String, Object> body = token("slow", "tickets:read");
        body.put("ratePerMinute", 3);
        String secret = (String) create("agent2", body).get("token");
        // start at the beginning of a minute window, so the four requests fall in one window
        Instant now = Instant.parse(as("admin").get("/api/clock").then().extract().path("now"));
        long intoMinute = now.getEpochSecond() % 60;
        as("admin").body(Map.of("advanceSeconds", 61 - intoMinute)).post("/api/clock").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            bearer(secret).get("/api/tickets").then().statusCode(200);
        }
        Response limited = bearer(secret).get("/api/tickets");
        assertEquals(429, limited.statusCode());
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.jsonPath().getString("detail").startsWith("Too many requests with this token: at most 3 "
                + "a minute."), limited.jsonPath().getString("detail"));
        Response zh = bearer(secret, "zh-CN").get("/api/tickets");
        assertEquals(429, zh.statusCode());
        assertTrue(zh.jsonPath().getString("detail").startsWith("此令牌的请求过多：每分钟最多 3 次"), zh.asString());
        as("admin").body(Map.of("advanceSeconds", 61)).post("/api/clock").then().statusCode(200);
        bearer(secret).get("/api/tickets").then().statusCode(200);
    }

    @Test
    void aCustomerCannotGrantScopesBeyondTheirRole() {
        Response admin = as("customer1").header("Accept-Language", "en").body(token("escalate", "admin"))
                .post("/api/me/tokens");
        assertEquals(403, admin.statusCode());
        assertEquals("You cannot grant the scope “admin”: it goes beyond what your role may do.",
                admin.then().extract().jsonPath().getString("detail"));
        as("customer1").body(token("reports", "reports:read")).post("/api/me/tokens").then().statusCode(403);
        as("customer1").body(token("intake", "intake")).post("/api/me/tokens").then().statusCode(403);
        as("agent1").body(token("escalate", "admin")).post("/api/me/tokens").then().statusCode(403);
        String read = (String) create("customer1", token("fine", "tickets:read")).get("token");
        bearer(read).get("/api/tickets").then().statusCode(200);
        // nor can a token make a token
        assertEquals(403, bearer(read).body(token("more", "tickets:read")).post("/api/me/tokens").statusCode());
    }

    @Test
    void unknownAndMalformedTokensAre401AndBadInputNamesTheField() {
        Response unknown = bearer("fdt_abcdefghijkl_" + "A".repeat(43)).get("/api/tickets");
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.jsonPath().getString("detail").startsWith("This API token is not known."));
        Response malformed = bearer("not-a-token").get("/api/tickets");
        assertEquals(401, malformed.statusCode());
        assertTrue(malformed.jsonPath().getString("detail").startsWith("This is not a FlowDesk API token"));
        // a real id with a wrong secret is as unknown as any
        String secret = (String) create("agent1", token("real", "tickets:read")).get("token");
        String forged = secret.substring(0, secret.lastIndexOf('_') + 1) + "B".repeat(43);
        assertEquals(401, bearer(forged).get("/api/tickets").statusCode());

        Response invalid = as("agent1").header("Accept-Language", "en").body(Map.of("scopes", List.of("tickets:nope")))
                .post("/api/me/tokens");
        assertEquals(422, invalid.statusCode());
        List<String> pointers = invalid.jsonPath().getList("errors.pointer");
        assertTrue(pointers.containsAll(List.of("/name", "/scopes")), pointers.toString());
        assertTrue(invalid.asString().contains("Scopes: “tickets:nope” is not a scope."), invalid.asString());
        as("agent1").body(Map.of("name", "x", "scopes", List.of("tickets:read"), "expiresInDays", 0))
                .post("/api/me/tokens").then().statusCode(422);
    }

    @Test
    void theOpenApiDocumentDescribesBearerAndTheScopeOfEachOperation() {
        Map<String, Object> doc = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("");
        String json = Json.write(doc);
        assertTrue(json.contains("\"bearer\":{\"type\":\"http\""), "bearer scheme");
        List<Map<String, List<String>>> security = given().accept("application/json").get("/q/openapi?format=json")
                .then().extract().jsonPath().getList("paths.'/api/tickets'.post.security");
        assertTrue(security.contains(Map.of("bearer", List.of("tickets:write"))), String.valueOf(security));
        assertTrue(json.contains("/api/me/tokens") && json.contains("/api/admin/service-accounts"));
    }

    private List<String> audit(String id) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor, action from audit_event where object_type = 'api_token' and object_id = ? order by id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private String auditDetails(String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select details_json from audit_event where object_type = 'api_token' and object_id = ? "
                        + "and action = 'TOKEN_CREATED'")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /** The public id inside a token, as the API lists it. */
    static final class TokenSecretsView {
        static String idOf(String token) {
            return token.substring(4, 16);
        }
    }
}
