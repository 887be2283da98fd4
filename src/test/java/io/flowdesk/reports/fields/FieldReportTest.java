package io.flowdesk.reports.fields;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.reports.fields.internal.FieldsConsumer;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The field report against numbers worked out by hand: refunds of the shipped ecommerce-refund template by reason
 * and week, amounts summed, labels in both languages, and the 422 / 404 / 403 answers.
 */
@QuarkusTest
class FieldReportTest {

    static final String REFUND = "ecommerce-refund";

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    /** A channel of this run only: other tests' refund tickets stay out of the numbers. */
    String channel;

    @BeforeEach
    void tickets() throws Throwable {
        channel = "fx" + UUID.randomUUID().toString().substring(0, 8);
        Golden g = new Golden(db);
        // Asia/Shanghai times; 2031-03-03 is a Monday
        refund(g, "2031-03-02T23:59:00", false, "not-received", "30"); // Sunday: the week of 02-24
        refund(g, "2031-03-03T10:00:00", false, "damaged", "100.50");
        refund(g, "2031-03-04T23:30:00", false, "damaged", "200");
        Golden.T changed = refund(g, "2031-03-05T00:10:00", false, "wrong-item", "50");
        refund(g, "2031-03-10T09:00:00", false, "damaged", "10");
        g.ticket().priority("P1").channel(channel).of(REFUND, "{\"reason\":\"other\"}").at("2031-03-10T12:00:00"); // no amount
        refund(g, "2031-03-04T08:00:00", true, "damaged", "999"); // a test ticket: never counted
        refund(g, "2031-03-20T08:00:00", false, "damaged", "1000"); // after the range
        Golden.drain(stream, FieldsConsumer.NAME);
        // a later step changes the reason: the rollup moves the ticket from wrong-item to damaged
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update ticket set data_json = ? where id = ?")) {
            ps.setString(1, "{\"reason\":\"damaged\",\"refundAmount\":50,\"orderNo\":\"A-4\"}");
            ps.setLong(2, changed.id);
            ps.executeUpdate();
        }
        changed.event("2031-03-06T09:00:00", "FIELD_SET", "agent1", "{\"field\":\"reason\",\"from\":\"wrong-item\","
                + "\"to\":\"damaged\"}", true);
        Golden.drain(stream, FieldsConsumer.NAME);
    }

    private Golden.T refund(Golden g, String at, boolean test, String reason, String amount) throws Exception {
        return g.ticket().test(test).channel(channel).of(REFUND, "{\"orderNo\":\"A-1\",\"reason\":\"" + reason
                + "\",\"refundAmount\":" + amount + "}").at(at);
    }

    private JsonPath report(String language, Map<String, String> params) {
        return as("supervisor").header("Accept-Language", language).queryParams(params).queryParam("channel", channel)
                .queryParam("from", "2031-03-01").queryParam("to", "2031-03-16").get("/api/reports/fields/" + REFUND)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void refundsByReasonPerWeekWithTheirAmounts() {
        JsonPath en = report("en", Map.of("groupBy", "reason", "sum", "refundAmount", "interval", "week"));
        assertEquals("Reason", en.getString("groupByLabel"));
        assertEquals("Refund amount (CNY)", en.getString("sumLabel"));
        assertEquals(List.of("2031-02-24", "2031-03-03", "2031-03-10", "2031-03-10"), en.getList("rows.period"));
        assertEquals(List.of("not-received", "damaged", "damaged", "other"), en.getList("rows.value"));
        assertEquals(List.of("Not received", "Damaged", "Damaged", "Other"), en.getList("rows.label"));
        assertEquals(List.of(1, 3, 1, 1), en.getList("rows.count"));
        assertEquals(List.of(30f, 350.5f, 10f, 0f), en.getList("rows.sum", Float.class));

        JsonPath zh = report("zh-CN", Map.of("groupBy", "reason", "sum", "refundAmount", "interval", "week"));
        assertEquals("退款原因", zh.getString("groupByLabel"));
        assertEquals(List.of("未收到货", "商品损坏", "商品损坏", "其他"), zh.getList("rows.label"));
    }

    @Test
    void wholeRangeAndPerDayWithoutGrouping() {
        JsonPath all = report("en", Map.of("sum", "refundAmount"));
        assertEquals(List.of("2031-03-01"), all.getList("rows.period"));
        assertEquals(List.of(6), all.getList("rows.count"));
        assertEquals(390.5f, all.getFloat("rows[0].sum"));

        JsonPath days = report("en", Map.of("interval", "day"));
        assertEquals(List.of("2031-03-02", "2031-03-03", "2031-03-04", "2031-03-05", "2031-03-10"),
                days.getList("rows.period"));
        assertEquals(List.of(1, 1, 1, 1, 2), days.getList("rows.count"));
        org.junit.jupiter.api.Assertions.assertNull(days.get("rows[0].sum"), "no sum asked, none answered");

        JsonPath month = report("en", Map.of("groupBy", "reason", "interval", "month"));
        assertEquals(List.of("damaged", "not-received", "other"), month.getList("rows.value"));
        assertEquals(List.of(4, 1, 1), month.getList("rows.count"));
    }

    @Test
    void wrongFieldsAre422NamingTheFieldByItsLabel() {
        String base = "/api/reports/fields/" + REFUND;
        as("supervisor").header("Accept-Language", "en").queryParam("groupBy", "refundAmount").get(base).then()
                .statusCode(422).body("errors[0].pointer", equalTo("groupBy"))
                .body("errors[0].message", containsString("Refund amount (CNY) cannot be grouped"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("sum", "reason").get(base).then()
                .statusCode(422).body("errors[0].message", containsString("退款原因不能求和"));
        as("supervisor").header("Accept-Language", "en").queryParam("sum", "description").get(base).then()
                .statusCode(422).body("errors[0].message", containsString("Description cannot be summed"));
        as("supervisor").header("Accept-Language", "en").queryParam("groupBy", "nope").get(base).then()
                .statusCode(422).body("errors[0].message", containsString("\"nope\""));
        as("supervisor").header("Accept-Language", "en").queryParam("groupBy", "contactPhone").get(base).then()
                .statusCode(422).body("errors[0].message", containsString("Contact phone cannot be grouped"));
        as("supervisor").header("Accept-Language", "en").queryParam("interval", "year").get(base).then()
                .statusCode(422).body("errors[0].message", containsString("Interval"));
        as("supervisor").header("Accept-Language", "en").queryParam("from", "2031-13-01").get(base).then()
                .statusCode(422).body("errors[0].pointer", equalTo("from"));
    }

    @Test
    void unknownTemplateIs404AndAgentsGet403() {
        as("supervisor").header("Accept-Language", "en").get("/api/reports/fields/no-such-template").then()
                .statusCode(404).body("detail", containsString("no-such-template"));
        as("agent1").header("Accept-Language", "zh-CN").get("/api/reports/fields/" + REFUND).then().statusCode(403);
        as("agent1").get("/api/reports/fields/" + REFUND + "/fields").then().statusCode(403);
        as("customer1").get("/api/reports/fields/" + REFUND + "/export.csv").then().statusCode(403);
    }

    @Test
    void offeredFieldsAreTheFormsFieldsWithTheirLabels() {
        JsonPath fields = as("admin").header("Accept-Language", "zh-CN").get("/api/reports/fields/" + REFUND
                + "/fields").then().statusCode(200).extract().jsonPath();
        int reason = fields.getList("key").indexOf("reason");
        assertEquals("退款原因", fields.getString("[" + reason + "].label"));
        assertEquals(true, fields.getBoolean("[" + reason + "].groupable"));
        int amount = fields.getList("key").indexOf("refundAmount");
        assertEquals(true, fields.getBoolean("[" + amount + "].summable"));
        int phone = fields.getList("key").indexOf("contactPhone");
        assertEquals(false, fields.getBoolean("[" + phone + "].groupable"), "personal data is never grouped");
    }

    @Test
    void theReportExportsAsCsv() {
        String csv = as("supervisor").accept("text/csv").header("Accept-Language", "en").queryParam("groupBy", "reason")
                .queryParam("sum", "refundAmount").queryParam("channel", channel).queryParam("from", "2031-03-01")
                .queryParam("to", "2031-03-16").get("/api/reports/fields/" + REFUND + "/export.csv").then()
                .statusCode(200).extract().asString();
        assertEquals("\uFEFFperiod,value,label,count,sum\r\n2031-03-01,damaged,Damaged,4,360.5\r\n"
                + "2031-03-01,not-received,Not received,1,30\r\n2031-03-01,other,Other,1,0\r\n", csv);
    }
}
