package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inbox REST list by SLA: {@code sort=due} puts the earliest deadline first (tickets without one last) and
 * {@code sla=at-risk|breached} keeps tickets in that state, from {@code ticket.sla_due_at}/{@code sla_state} as
 * the sla feature keeps them (set here directly, as {@code TicketCommands.setSlaSummary} writes them).
 */
@QuarkusTest
class InboxSlaApiTest {

    @Inject
    AgroalDataSource db;

    private String ticket(String token, String suffix) {
        Map<String, Object> body = new HashMap<>(Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "SLA-1",
                "refundAmount", 20, "reason", "other")));
        body.put("title", "SLA " + token + " " + suffix);
        return createTicket("agent1", body);
    }

    private void sla(String number, Instant due, String state) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update ticket set sla_due_at = ?, sla_state = ? where number = ?")) {
            s.setTimestamp(1, Timestamp.from(due));
            s.setString(2, state);
            s.setString(3, number);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void sortByDueAndFilterAtRiskAndBreached() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Instant now = FlowClock.instant();
        String later = ticket(token, "later");
        String late = ticket(token, "late");
        String soon = ticket(token, "soon");
        String none = ticket(token, "none");
        sla(later, now.plus(Duration.ofHours(2)), "AT_RISK");
        sla(late, now.minus(Duration.ofMinutes(30)), "BREACHED");
        sla(soon, now.plus(Duration.ofHours(1)), "ON_TRACK");

        List<String> byDue = as("supervisor").get("/api/inbox?view=OPEN&sort=due&counts=false&q=" + token).then()
                .statusCode(200).extract().path("items.number");
        assertEquals(List.of(late, soon, later, none), byDue);
        as("supervisor").get("/api/inbox?view=OPEN&sort=due&counts=false&q=" + token).then()
                .body("items[0].slaState", equalTo("BREACHED"))
                .body("items[0].slaDueAt", containsString("T"))
                .body("items[3].slaState", equalTo(null));

        assertEquals(List.of(later), as("supervisor").get("/api/inbox?view=OPEN&sla=at-risk&q=" + token).then()
                .statusCode(200).extract().path("items.number"));
        assertEquals(List.of(late), as("supervisor").get("/api/inbox?view=OPEN&sla=breached&q=" + token).then()
                .statusCode(200).extract().path("items.number"));
        // the queue (task rows) filters by the ticket's state too, and its count agrees
        as("agent2").get("/api/inbox?view=QUEUE&sla=breached&q=" + token).then().statusCode(200)
                .body("items.number", equalTo(List.of(late))).body("counts.QUEUE", equalTo(1));

        as("supervisor").header("Accept-Language", "en").get("/api/inbox?view=OPEN&sla=late").then().statusCode(422)
                .body("errors[0].pointer", equalTo("query:sla"))
                .body("errors[0].message", equalTo("'late' is not an SLA filter: use one of at-risk, breached"));
        as("supervisor").header("Accept-Language", "zh-CN").get("/api/inbox?view=OPEN&sla=late").then()
                .statusCode(422).body("errors[0].message", equalTo("“late”不是有效的 SLA 筛选：请使用 at-risk, breached"));
    }
}
