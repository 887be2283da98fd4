package io.flowdesk.reports.board;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The wall board's numbers against a data set built by hand in a department of its own (docs/metrics.md, "Live wall
 * board"), and who may read them.
 */
@QuarkusTest
class BoardServiceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theBoardCountsOpenUnassignedAtRiskBreachedAndAgentsOfItsDepartment() throws Exception {
        String dep = "bd-" + UUID.randomUUID().toString().substring(0, 6);
        sql("insert into department (key, name_zh, name_en) values (?, '看板组', 'Board team')", dep);
        sql("insert into user_department (user_id, department_key) select id, ? from app_user where username in "
                + "('agent1', 'agent2')", dep);
        availability("agent1", "online");
        availability("agent2", "away");
        JsonPath before = board(null);
        Golden g = new Golden(db);
        try {
            g.ticket("2027-03-01T09:00:00").open("ON_TRACK").openTask(dep, null); // open, unassigned
            g.ticket("2027-03-01T09:10:00").open("AT_RISK").openTask(dep, "agent1"); // at risk, agent1
            g.ticket("2027-03-01T09:20:00").open("BREACHED").openTask(dep, "agent1").openTask(dep, null);
            g.ticket("2027-03-01T09:30:00").open("BREACHED").openTask("it-support", "agent2"); // elsewhere
            g.testTicket("2027-03-01T09:40:00").open("BREACHED").openTask(dep, null); // a test ticket: never
            g.ticket("2027-03-01T09:50:00").openTask(dep, "agent2"); // its flow ended: not open
            g.ticket("2027-03-01T10:00:00").open(null).openTask(dep, "agent2"); // open, agent2

            JsonPath b = board(dep);
            assertEquals(dep, b.getString("department"));
            assertEquals("Board team", b.getString("departmentName"));
            assertEquals(4, b.getInt("open"));
            assertEquals(2, b.getInt("unassigned"));
            assertEquals(1, b.getInt("atRisk"));
            assertEquals(1, b.getInt("breached"));
            assertEquals(1, b.getInt("agentsOnline"));
            assertEquals(2, b.getInt("agentsTotal"));
            List<Map<String, Object>> agents = b.getList("agents");
            assertEquals(List.of("agent1", "agent2"), agents.stream().map(a -> a.get("username")).toList());
            assertEquals(Map.of("open", 2, "atRisk", 1, "breached", 1, "status", "online"), pick(agents.get(0)));
            assertEquals(Map.of("open", 1, "atRisk", 0, "breached", 0, "status", "away"), pick(agents.get(1)));

            // every department: the same tickets plus the one in it-support
            JsonPath all = board(null);
            assertEquals(before.getInt("open") + 5, all.getInt("open"));
            assertEquals(before.getInt("unassigned") + 2, all.getInt("unassigned"));
            assertEquals(before.getInt("atRisk") + 1, all.getInt("atRisk"));
            assertEquals(before.getInt("breached") + 2, all.getInt("breached"));

            as("admin").header("Accept-Language", "zh-CN").queryParam("department", dep).get("/api/reports/board")
                    .then().statusCode(200).body("departmentName", equalTo("看板组"));
        } finally {
            // leave nothing open behind for other tests (agents' loads, inbox counts)
            sql("delete from ticket_task where task_id like 'golden-%' and ticket_id in (select id from ticket where "
                    + "template_key = ?)", g.template);
            sql("update ticket set engine_state = 'ENDED' where template_key = ?", g.template);
            sql("delete from user_department where department_key = ?", dep);
        }
    }

    @Test
    void onlySupervisorsAndAdminsReadTheBoardAndAnUnknownDepartmentIs422() {
        as("agent1").header("Accept-Language", "en").get("/api/reports/board").then().statusCode(403)
                .body("detail", containsString("supervisors"));
        as("customer1").header("Accept-Language", "zh-CN").get("/api/reports/board").then().statusCode(403)
                .body("detail", containsString("主管"));
        RestAssured.given().get("/api/reports/board").then().statusCode(401);
        as("supervisor").header("Accept-Language", "en").queryParam("department", "nowhere")
                .get("/api/reports/board").then().statusCode(422)
                .body("errors[0].pointer", equalTo("query:department"))
                .body("errors[0].message", containsString("Department"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("department", "nowhere")
                .get("/api/reports/board").then().statusCode(422)
                .body("errors[0].message", containsString("部门"));
    }

    @Test
    void aReadOnlyLinkShowsTheBoardWithoutSignInUntilItIsRevoked() {
        as("agent1").body(Map.of("department", "it-support")).post("/api/reports/board/links").then().statusCode(403);
        as("supervisor").header("Accept-Language", "en").body(Map.of("department", "nowhere"))
                .post("/api/reports/board/links").then().statusCode(422)
                .body("errors[0].pointer", equalTo("query:department"));
        JsonPath made = as("supervisor").body(Map.of("department", "it-support", "label", "TV 3F"))
                .post("/api/reports/board/links").then().statusCode(201).extract().jsonPath();
        String token = made.getString("token");
        assertEquals(43, token.length(), "256 random bits, base64url");
        assertEquals("/board/tv/" + token, made.getString("path"));
        JsonPath tv = RestAssured.given().accept("application/json").get("/api/public/board/" + token).then()
                .statusCode(200).extract().jsonPath();
        JsonPath signedIn = board("it-support");
        assertEquals("it-support", tv.getString("department"));
        assertEquals(signedIn.getInt("open"), tv.getInt("open"));
        assertEquals(signedIn.getInt("agentsTotal"), tv.getInt("agentsTotal"));
        List<Map<String, Object>> links = as("admin").get("/api/reports/board/links").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> listed = links.stream().filter(l -> ((Number) l.get("id")).longValue() == made.getLong(
                "id")).findFirst().orElseThrow();
        assertEquals("TV 3F", listed.get("label"));
        assertEquals(false, listed.containsKey("token"), "a link's token is shown once, never listed");
        RestAssured.given().get("/api/public/board/not-a-token").then().statusCode(404);
        as("agent1").delete("/api/reports/board/links/" + made.getLong("id")).then().statusCode(403);
        as("admin").delete("/api/reports/board/links/" + made.getLong("id")).then().statusCode(204);
        RestAssured.given().header("Accept-Language", "zh-CN").get("/api/public/board/" + token).then()
                .statusCode(404).body("detail", containsString("撤销"));
        as("admin").delete("/api/reports/board/links/999999").then().statusCode(404);
    }

    private static JsonPath board(String department) {
        var request = as("supervisor").header("Accept-Language", "en");
        if (department != null) {
            request = request.queryParam("department", department);
        }
        return request.get("/api/reports/board").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> pick(Map<String, Object> agent) {
        return Map.of("open", agent.get("open"), "atRisk", agent.get("atRisk"), "breached", agent.get("breached"),
                "status", agent.get("status"));
    }

    private static void availability(String user, String status) {
        as(user).body(Map.of("status", status)).put("/api/me/availability").then().statusCode(200);
    }

    private void sql(String statement, String... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
