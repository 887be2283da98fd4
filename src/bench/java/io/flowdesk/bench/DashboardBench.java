package io.flowdesk.bench;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.ReportScaleData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The supervisor dashboard at N tickets over two years (ADR 0031, 0034): {@code GET /api/reports/summary} (every
 * headline, trend, backlog, CSAT, SLA and group the dashboard draws, read from {@code report_daily} and the per-ticket
 * {@code report_ticket_fact} rollup) and the first drill-down page, for random ranges of 1 to 90 days, against the
 * headline numbers computed by plain SQL over the {@code ticket} rows of the same range in the same run.
 */
final class DashboardBench {

    static final String ZONE = "Asia/Shanghai";
    private final boolean smoke;
    private final Results results;
    private final long tickets;

    DashboardBench(boolean smoke, Results results, Integer tickets) {
        this.smoke = smoke;
        this.results = results;
        this.tickets = tickets != null ? tickets : smoke ? 5_000 : 1_000_000;
    }

    void run() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_bench_reports", 18236)) {
            app.start(true);
            LocalDate last = LocalDate.of(2026, 11, 30);
            LocalDate first = last.minusDays(729);
            long t0 = System.nanoTime();
            long made;
            try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
                made = ReportScaleData.load(s, "it-incident", "RB", first, last, tickets);
                s.execute("analyze ticket; analyze report_ticket_fact; analyze report_daily");
            }
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            results.facts.put("dashboard tickets", made);
            int runs = smoke ? 20 : 100;
            Random random = new Random(7);
            List<LocalDate[]> ranges = new ArrayList<>();
            for (int i = 0; i < runs + runs / 10 + 1; i++) {
                LocalDate a = first.plusDays(30 + random.nextInt(600));
                ranges.add(new LocalDate[] {a, a.plusDays(random.nextInt(90))});
            }
            String note = "goal p95 < 1000 ms; " + made + " tickets, 2 years, loaded in " + loadMs + " ms";
            measure("dashboard summary, 1-90 days, " + made / 1000 + "k tickets", ranges, note, app, r ->
                    "/api/reports/summary?from=" + r[0] + "&to=" + r[1], runs);
            measure("dashboard drill-down, first page", ranges, "created tickets of the range, 50 a page", app, r ->
                    "/api/reports/tickets?metric=created&from=" + r[0] + "&to=" + r[1], runs);
        }
    }

    private void measure(String workload, List<LocalDate[]> ranges, String note, AppProcess app,
            java.util.function.Function<LocalDate[], String> path, int runs) throws Exception {
        AtomicLong n = new AtomicLong();
        Load.Outcome api = Load.repeat(runs / 10, runs, (c, i) -> Bench.get(app, "supervisor", path.apply(
                ranges.get((int) (n.getAndIncrement() % ranges.size())))).statusCode() == 200);
        n.set(0);
        Load.Outcome sql;
        // the plain aggregate: created, resolved, median first response and resolution, CSAT, straight off the
        // ticket rows and their replies' times as a live report without rollups would read them
        try (Connection db = app.jdbc(); PreparedStatement q = db.prepareStatement("select count(*), count(*) filter "
                + "(where f.resolved_at is not null), percentile_cont(0.5) within group (order by extract(epoch from "
                + "f.first_reply_at - t.created_at)), percentile_cont(0.5) within group (order by extract(epoch from "
                + "f.resolved_at - t.created_at)), avg(f.csat), t.channel from ticket t join report_ticket_fact f on "
                + "f.ticket_id = t.id where not t.is_test and t.created_at >= ? and t.created_at < ? group by "
                + "t.channel")) {
            sql = Load.repeat(runs / 10, runs, (c, i) -> {
                LocalDate[] r = ranges.get((int) (n.getAndIncrement() % ranges.size()));
                q.setObject(1, r[0].atStartOfDay(ZoneId.of(ZONE)).toOffsetDateTime());
                q.setObject(2, r[1].plusDays(1).atStartOfDay(ZoneId.of(ZONE)).toOffsetDateTime());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
                return true;
            });
        }
        if (api.failed() > 0) {
            throw new IllegalStateException(workload + ": " + api.failed() + " requests failed");
        }
        results.add(new Results.Row(workload, "ms p95", api.p95(), "plain SQL aggregate over the ticket rows",
                sql.p95(), api.p50(), api.p95(), api.p99(), note + "; SQL p50 " + Results.ms(sql.p50())));
    }
}
