package io.flowdesk.reports.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.reports.fields.internal.FieldsConsumer;
import io.flowdesk.testing.FieldScaleData;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After random data changes, test flags and a replay from zero, the field rollup equals a full recomputation. */
@QuarkusTest
class FieldRollupRecomputeTest {

    static final String REFUND = "ecommerce-refund";
    static final String[] REASONS = {"damaged", "wrong-item", "not-received", "no-longer-needed", "other"};

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Inject
    FieldsConsumer consumer;

    @Inject
    FieldCatalogue catalogues;

    String channel;

    @Test
    void rollupEqualsARecomputationAfterRandomEventsAndAReplay() throws Throwable {
        Random random = new Random(25);
        channel = "rr" + UUID.randomUUID().toString().substring(0, 8);
        Golden g = new Golden(db);
        List<Golden.T> tickets = new ArrayList<>();
        List<LocalDateTime> clocks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            LocalDateTime created = LocalDateTime.of(2032, 6, 1, 0, 0).plusMinutes(random.nextInt(40 * 24 * 60));
            tickets.add(g.ticket().test(i % 8 == 7).priority("P" + (1 + random.nextInt(4))).channel(channel)
                    .of(REFUND, data(random)).at(created.toString()));
            clocks.add(created);
        }
        randomEvents(random, tickets, clocks, 40);
        Golden.drain(stream, FieldsConsumer.NAME);
        randomEvents(random, tickets, clocks, 40); // the incremental path: snapshots change, the rollup moves
        Golden.drain(stream, FieldsConsumer.NAME);

        List<String> rollup = rows("select * from report_field_daily where template_key = '" + REFUND
                + "' and channel = '" + channel + "'");
        assertTrue(rollup.size() > 50, "a real rollup: " + rollup.size());
        FieldCatalogue.Catalogue c = Golden.await(() -> catalogues.of(REFUND));
        String recompute = FieldScaleData.recompute(REFUND, channel, "Asia/Shanghai",
                c.groupable().stream().map(FieldCatalogue.Field::key).toList(),
                c.summable().stream().map(FieldCatalogue.Field::key).toList());
        assertEquals(rows(recompute), rollup, "the rollup is the recomputation");

        Golden.await(consumer::reset);
        assertEquals(List.of(), rows("select * from report_field_daily where channel = '" + channel + "'"));
        Golden.drain(stream, FieldsConsumer.NAME);
        assertEquals(rollup, rows("select * from report_field_daily where template_key = '" + REFUND
                + "' and channel = '" + channel + "'"), "after a replay from zero");
    }

    private static String data(Random random) {
        StringBuilder b = new StringBuilder("{\"orderNo\":\"O-" + random.nextInt(4) + "\"");
        if (random.nextInt(5) > 0) {
            b.append(",\"reason\":\"").append(REASONS[random.nextInt(REASONS.length)]).append('"');
        }
        if (random.nextInt(4) > 0) {
            b.append(",\"refundAmount\":").append(random.nextInt(100000) / 100.0);
        }
        if (random.nextBoolean()) {
            b.append(",\"approved\":").append(random.nextBoolean());
        }
        return b.append('}').toString();
    }

    private void randomEvents(Random random, List<Golden.T> tickets, List<LocalDateTime> clocks, int count)
            throws SQLException {
        for (int i = 0; i < count; i++) {
            int t = random.nextInt(tickets.size());
            LocalDateTime at = clocks.get(t).plusMinutes(1 + random.nextInt(3 * 24 * 60));
            clocks.set(t, at);
            Golden.T ticket = tickets.get(t);
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    update("update ticket set data_json = ? where id = ?", data(random), ticket.id);
                    ticket.event(at.toString(), "TASK_COMPLETED", "agent1", "{\"changes\":[]}", true);
                }
                case 2 -> ticket.task(at.toString(), random.nextBoolean() ? "warehouse" : "finance");
                case 3 -> {
                    update("update ticket set is_test = ? where id = ?", random.nextInt(4) == 0, ticket.id);
                    ticket.event(at.toString(), "FIELD_SET", "automation", "{\"field\":\"x\"}", true);
                }
                default -> ticket.ended(at.toString());
            }
        }
    }

    private void update(String sql, Object a, long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, a);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Rows as text, the sum rounded to four places (numeric scales differ between a sum and a sum of deltas). */
    private List<String> rows(String select) throws SQLException {
        String sql = "select template_key, group_field, sum_field, day, group_value, department, channel, priority, "
                + "count, round(sum, 4) from (" + select + ") x order by 1, 2, 3, 4, 5, 6, 7, 8";
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
