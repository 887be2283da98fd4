package io.flowdesk.shared.rest;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Problems are problem JSON in the reader's language, also where no resource answers. */
@QuarkusTest
class ApiProblemsTest {

    @Test
    void anUnknownPathUnderApiIsA404ProblemNotTheUiPage() {
        as("agent2").header("Accept-Language", "en").post("/api/no-such-thing").then()
                .statusCode(404).contentType(ProblemMapper.PROBLEM_JSON)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("There is nothing at this address."));
        as("agent2").header("Accept-Language", "zh-CN,zh;q=0.9").get("/api/no/such/thing").then()
                .statusCode(404).contentType(ProblemMapper.PROBLEM_JSON)
                .body("detail", equalTo("此地址不存在。"));
    }

    @Test
    void aWrongMethodIsA405Problem() {
        as("agent2").header("Accept-Language", "en").delete("/api/tickets").then()
                .statusCode(405).contentType(ProblemMapper.PROBLEM_JSON)
                .body("title", equalTo("Method not allowed"));
    }

    @Test
    void withoutAcceptLanguageTheSignedInUsersLanguageIsUsed() {
        // agent1 chose zh-CN, agent2 chose en (DemoUsers)
        as("agent1").get("/api/no-such-thing").then().statusCode(404).body("title", equalTo("未找到"));
        as("agent2").get("/api/no-such-thing").then().statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void malformedJsonIsNamedInTheReadersLanguage() {
        as("agent1").header("Accept-Language", "zh-CN").body("{not json").post("/api/tickets").then()
                .statusCode(400).contentType(ProblemMapper.PROBLEM_JSON)
                .body("title", equalTo("请求格式错误"))
                .body("detail", equalTo("请求内容不是有效的 JSON。"));
    }

    @Test
    void anUnauthenticatedCallerIsChallengedForBasicAuth() {
        io.restassured.RestAssured.given().header("Accept-Language", "en").get("/api/tickets").then()
                .statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWithIgnoringCase("basic"));
    }
}
