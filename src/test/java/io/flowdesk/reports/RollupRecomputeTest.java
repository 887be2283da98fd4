package io.flowdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.internal.ReportsConsumer;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** After random events, incremental updates and a consumer restart from zero, the rollups equal a recomputation. */
@QuarkusTest
class RollupRecomputeTest {

    static final String FACTS = "select * from report_ticket_fact where template_key = '%s' order by ticket_id";
    static final String GAPS = "select g.* from report_reply_gap g join report_ticket_fact f on f.ticket_id = "
            + "g.ticket_id where f.template_key = '%s' order by g.ticket_id, g.seq";
    static final String HOURLY = "select hour, template_key, department, channel, priority, agent, created, resolved "
            + "from report_hourly where template_key = '%s' and (created <> 0 or resolved <> 0) order by 1, 2, 3, 4, 5, 6";
    static final String HOURS_REGROUPED = "select h, template_key, department, channel, priority, agent, sum(c), sum(r) "
            + "from (select date_trunc('hour', created_at at time zone 'UTC') at time zone 'UTC' h, template_key, "
            + "department, channel, priority, agent, 1 c, 0 r from report_ticket_fact union all select "
            + "date_trunc('hour', resolved_at at time zone 'UTC') at time zone 'UTC', template_key, department, channel, "
            + "priority, agent, 0, 1 from report_ticket_fact where resolved_at is not null) x where template_key = '%s' "
            + "group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6";
    static final String DAILY = "select day, template_key, department, channel, priority, created, resolved, reopened, "
            + "first_reply_count, first_reply_working_sum, resolution_count, resolution_working_sum from report_daily "
            + "where template_key = '%s' and (created <> 0 or resolved <> 0 or reopened <> 0 or first_reply_count <> 0 or "
            + "first_reply_working_sum <> 0 or resolution_count <> 0 or resolution_working_sum <> 0) order by 1, 2, 3, 4, 5";
    static final String REGROUPED = "select day, template_key, department, channel, priority, sum(c), sum(r), sum(ro), "
            + "sum(frc), sum(frs), sum(rc), sum(rs) from (select created_day as day, template_key, department, channel,"
            + " priority, 1 as c, 0 as r, 0 as ro, case when first_reply_working is null then 0 else 1 end as frc, "
            + "coalesce(first_reply_working, 0) as frs, 0 as rc, 0 as rs from report_ticket_fact union all select "
            + "resolved_day, template_key, department, channel, priority, 0, 1, case when reopened_count > 0 then 1 "
            + "else 0 end, 0, 0, case when resolution_working is null then 0 else 1 end, coalesce(resolution_working,"
            + " 0) from report_ticket_fact where resolved_day is not null) x where template_key = '%s' group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5";

    @Inject
    AgroalDataSource db;

    private String template;

    @Inject
    TicketEventStream stream;

    @Inject
    ReportsConsumer consumer;

    @Test
    void rollupsEqualAFullRecomputationAfterRandomEventsAndARestart() throws Throwable {
        Random random = new Random(13);
        Golden g = new Golden(db);
        template = g.template;
        List<Golden.T> tickets = new ArrayList<>();
        List<LocalDateTime> clocks = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            LocalDateTime created = LocalDateTime.of(2027, 4, 1, 0, 0).plusMinutes(random.nextInt(20 * 24 * 60));
            tickets.add(g.ticket().test(i % 7 == 6).priority("P" + (1 + random.nextInt(4)))
                    .channel(random.nextBoolean() ? "web" : "phone").at(created.toString()));
            clocks.add(created);
        }
        randomEvents(random, tickets, clocks, 60);
        Golden.drain(stream);
        randomEvents(random, tickets, clocks, 60); // the incremental path: facts change, daily moves by the delta
        Golden.drain(stream);

        List<String> facts = rows(FACTS);
        List<String> daily = rows(DAILY);
        List<String> gaps = rows(GAPS);
        List<String> hourly = rows(HOURLY);
        assertFalse(facts.isEmpty());
        assertEquals(rows(HOURS_REGROUPED), hourly, "report_hourly is the regrouping of the facts");
        assertFalse(gaps.isEmpty(), "the random replies make next responses");
        assertEquals(rows(REGROUPED), daily, "report_daily is the regrouping of the facts");

        Golden.await(consumer::reset);
        assertEquals(List.of(), rows(FACTS));
        Golden.drain(stream);
        assertEquals(facts, rows(FACTS), "facts after a replay from zero");
        assertEquals(daily, rows(DAILY), "daily after a replay from zero");
        assertEquals(gaps, rows(GAPS), "next responses after a replay from zero");
        assertEquals(hourly, rows(HOURLY), "hourly after a replay from zero");
    }

    private static void randomEvents(Random random, List<Golden.T> tickets, List<LocalDateTime> clocks, int count)
            throws SQLException {
        String[] agents = {"agent1", "agent2", "agent3"};
        String[] departments = {"cs-l1", "it", "finance"};
        for (int i = 0; i < count; i++) {
            int t = random.nextInt(tickets.size());
            LocalDateTime at = clocks.get(t).plusMinutes(1 + random.nextInt(3 * 24 * 60));
            clocks.set(t, at);
            Golden.T ticket = tickets.get(t);
            String when = at.toString();
            switch (random.nextInt(9)) {
                case 0, 1 -> ticket.staff(when, agents[random.nextInt(3)]);
                case 2 -> ticket.customer(when);
                case 3 -> ticket.automatic(when);
                case 4 -> ticket.task(when, departments[random.nextInt(3)]);
                case 5 -> ticket.claimed(when, agents[random.nextInt(3)]);
                case 6 -> ticket.ended(when);
                case 7 -> ticket.reopened(when);
                default -> ticket.csat(when, 1 + random.nextInt(5));
            }
        }
    }

    private List<String> rows(String sql) throws SQLException {
        sql = sql.replace("%s", template);
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
