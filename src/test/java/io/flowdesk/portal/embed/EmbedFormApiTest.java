package io.flowdesk.portal.embed;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.portal.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmbedFormApiTest {

    @Inject
    RateLimiter limiter;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void embeddableIncidentForm() {
        limiter.reset();
        as("admin").contentType(ContentType.JSON).body(Map.of("embeddable", true)).put("/api/admin/embed/it-incident")
                .then().statusCode(200).body("embeddable", equalTo(true));
    }

    static Map<String, Object> visitor(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "访客王五");
        body.put("email", email);
        body.put("phone", "139 0000 2222");
        body.put("title", "打印机卡纸");
        body.put("data", Map.of("summary", "三楼打印机卡纸", "category", "hardware"));
        return body;
    }

    static Response post(String template, Map<String, Object> body, String language) {
        return given().contentType(ContentType.JSON).header("Accept-Language", language).body(body)
                .post("/api/public/embed/" + template);
    }

    @Test
    void aVisitorGetsATicketAsAGuestCustomerOnTheWebFormChannel() throws Exception {
        String email = "embed-" + System.nanoTime() + "@example.com";
        String number = post("it-incident", visitor(email), "en").then().statusCode(201)
                .body("number", startsWith("FD-")).body("lookupPath", equalTo("/portal/lookup"))
                .body("message", containsString("Thank you")).extract().path("number");
        assertEquals(1, count("select count(*) from ticket where number = ? and channel = 'web-form'", number));
        assertEquals(1, count("select count(*) from app_user where username = ? and guest", email));
    }

    @Test
    void aFilledHoneypotLooksAcceptedButMakesNoTicket() throws Exception {
        String email = "bot-" + System.nanoTime() + "@example.com";
        Map<String, Object> body = visitor(email);
        body.put("website", "http://spam.example");
        post("it-incident", body, "zh-CN").then().statusCode(201).body("number", nullValue())
                .body("message", equalTo("感谢您的提交，我们已收到。我们会通过邮件答复您。"));
        assertEquals(0, count("select count(*) from ticket where customer_email = ?", email));
        assertEquals(0, count("select count(*) from app_user where username = ?", email));
    }

    @Test
    void theSixthSubmissionFromOneAddressWithinTenMinutesIsRefusedInTheVisitorsLanguage() {
        for (int i = 0; i < 5; i++) {
            post("it-incident", visitor("rate-" + i + "-" + System.nanoTime() + "@example.com"), "en").then()
                    .statusCode(201);
        }
        post("it-incident", visitor("rate-6-" + System.nanoTime() + "@example.com"), "en").then().statusCode(429)
                .body("detail", equalTo("Too many requests from your address. Please try again in 10 minutes."));
        given().contentType(ContentType.JSON).queryParam("lang", "zh-CN").body(visitor("rate-7@example.com"))
                .post("/api/public/embed/it-incident").then().statusCode(429)
                .body("detail", equalTo("来自您地址的请求过多，请 10 分钟后再试。"));
    }

    @Test
    void aTemplateNotMarkedEmbeddableIsNotFound() {
        as("admin").contentType(ContentType.JSON).body(Map.of("embeddable", false))
                .put("/api/admin/embed/general-inquiry").then().statusCode(200).body("embeddable", equalTo(false));
        given().get("/api/public/embed/general-inquiry").then().statusCode(404);
        post("general-inquiry", visitor("nope@example.com"), "en").then().statusCode(404);
        post("no-such-template", visitor("nope@example.com"), "en").then().statusCode(404);
        given().get("/api/public/embed/it-incident").then().statusCode(200).body("template", equalTo("it-incident"));
    }

    @Test
    void badInputIs422NamingTheFieldsByLabel() {
        Map<String, Object> body = visitor("not-an-address");
        body.put("name", " ");
        body.remove("title");
        body.put("data", Map.of("category", "hardware"));
        post("it-incident", body, "en").then().statusCode(422)
                .body("errors.pointer", hasItem("/name")).body("errors.pointer", hasItem("/email"))
                .body("errors.pointer", hasItem("/data/summary")).body("errors.pointer", hasItem("/title"))
                .body("errors.find { it.pointer == '/email' }.message",
                        equalTo("Your e-mail: enter a valid e-mail address."))
                .body("errors.find { it.pointer == '/data/summary' }.message", containsString("Summary"));
        post("it-incident", body, "zh-CN").then().statusCode(422)
                .body("errors.find { it.pointer == '/name' }.message", startsWith("您的姓名"))
                .body("errors.find { it.pointer == '/data/summary' }.message", containsString("故障概述"));
    }

    @Test
    void onlyAdminsReadTheSnippet() {
        as("admin").get("/api/admin/embed/it-incident").then().statusCode(200)
                .body("snippet", startsWith("<iframe src=\"http://"))
                .body("snippet", containsString("/portal/embed/it-incident\""))
                .body("url", containsString("/portal/embed/it-incident"));
        as("agent1").get("/api/admin/embed/it-incident").then().statusCode(403);
        given().get("/api/admin/embed/it-incident").then().statusCode(401);
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
