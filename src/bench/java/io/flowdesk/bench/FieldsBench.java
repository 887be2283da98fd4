package io.flowdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.FieldScaleData;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The field report and the background CSV export at N refund tickets with form data (ADR 0035): a custom-range
 * report (group by reason, sum the amount, per week) over the rollup vs the same aggregate in plain SQL over the
 * tickets' JSON; an export job of all ticket rows (time, heap and RSS of an app started with {@code -Xmx256m}) vs
 * PostgreSQL's {@code COPY} of the same rows, both in the same run.
 */
final class FieldsBench {

    static final String ZONE = "Asia/Shanghai";
    private final boolean smoke;
    private final Results results;
    private final int tickets;

    FieldsBench(boolean smoke, Results results, Integer tickets) {
        this.smoke = smoke;
        this.results = results;
        this.tickets = tickets != null ? tickets : smoke ? 2_000 : 1_000_000;
    }

    void run() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_bench_fields", 18219)) {
            app.env("JAVA_TOOL_OPTIONS", "-Xmx256m");
            app.start(true);
            long t0 = System.nanoTime();
            List<String> groups = new ArrayList<>();
            List<String> sums = new ArrayList<>();
            for (JsonNode f : Json.parse(Bench.get(app, "admin", "/api/reports/fields/ecommerce-refund/fields").body())) {
                if (f.path("groupable").asBoolean()) {
                    groups.add(f.path("key").asText());
                }
                if (f.path("summable").asBoolean()) {
                    sums.add(f.path("key").asText());
                }
            }
            try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
                FieldScaleData.load(s, 1, tickets);
                s.execute("analyze ticket");
            }
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
                // the backfill in one statement (the consumer would replay the events one ticket at a time)
                s.execute("insert into report_field_daily " + FieldScaleData.recompute("ecommerce-refund", null, ZONE,
                        groups, sums));
                // ticket fact rows for the export (what the reports consumer keeps)
                s.execute("insert into report_ticket_fact (ticket_id, number, template_key, channel, priority, "
                        + "calendar_key, created_at, created_day, staff_replies, last_event_id) select id, number, "
                        + "template_key, channel, priority, 'cn-standard', created_at, (created_at at time zone '"
                        + ZONE + "')::date, (id % 3)::int, 0 from ticket where number like 'FR-%'");
                s.execute("analyze report_field_daily; analyze report_ticket_fact");
            }
            long backfillMs = (System.nanoTime() - t1) / 1_000_000;
            long rollupRows;
            LocalDate first;
            LocalDate last;
            try (Connection db = app.jdbc()) {
                rollupRows = Db.scalar(db, "select count(*) from report_field_daily");
                first = LocalDate.parse(text(db, "select min(created_day)::text from report_ticket_fact"));
                last = LocalDate.parse(text(db, "select max(created_day)::text from report_ticket_fact"));
            }
            results.facts.put("field tickets", tickets);
            results.facts.put("field rollup rows", rollupRows);
            report(app, first, last, loadMs, backfillMs, rollupRows);
            export(app, first, last);
        }
    }

    private void report(AppProcess app, LocalDate first, LocalDate last, long loadMs, long backfillMs,
            long rollupRows) throws Exception {
        int runs = smoke ? 20 : 100;
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        Random random = new Random(13);
        List<LocalDate[]> ranges = new ArrayList<>();
        for (int i = 0; i < runs + runs / 10 + 1; i++) {
            LocalDate a = first.plusDays(random.nextInt((int) span + 1));
            LocalDate b = a.plusDays(random.nextInt((int) Math.min(180, span) + 1));
            ranges.add(new LocalDate[] {a, b.isAfter(last) ? last : b});
        }
        AtomicLong n = new AtomicLong();
        Load.Outcome api = Load.repeat(runs / 10, runs, (c, i) -> {
            LocalDate[] r = ranges.get((int) (n.getAndIncrement() % ranges.size()));
            return Bench.get(app, "supervisor", "/api/reports/fields/ecommerce-refund?groupBy=reason&sum=refundAmount"
                    + "&interval=week&from=" + r[0] + "&to=" + r[1]).statusCode() == 200;
        });
        n.set(0);
        Load.Outcome sql;
        try (Connection db = app.jdbc(); PreparedStatement q = db.prepareStatement("select date_trunc('week', "
                + "(created_at at time zone '" + ZONE + "')::date)::date, data_json::jsonb ->> 'reason', count(*), "
                + "sum((data_json::jsonb ->> 'refundAmount')::numeric) from ticket where template_key = "
                + "'ecommerce-refund' and not is_test and created_at >= ? and created_at < ? group by 1, 2")) {
            sql = Load.repeat(runs / 10, runs, (c, i) -> {
                LocalDate[] r = ranges.get((int) (n.getAndIncrement() % ranges.size()));
                q.setObject(1, r[0].atStartOfDay(ZoneId.of(ZONE)).toOffsetDateTime());
                q.setObject(2, r[1].plusDays(1).atStartOfDay(ZoneId.of(ZONE)).toOffsetDateTime());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
                return true;
            });
        }
        results.add(new Results.Row("field report, custom range, " + tickets / 1000 + "k tickets", "ms p95",
                api.p95(), "plain SQL aggregate over ticket JSON", sql.p95(), api.p50(), api.p95(), api.p99(),
                "goal p95 < 3000 ms; SQL p50 " + Results.ms(sql.p50()) + "; load " + loadMs + " ms, SQL backfill "
                        + backfillMs + " ms, " + rollupRows + " rollup rows"));
    }

    private void export(AppProcess app, LocalDate first, LocalDate last) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> started = Bench.post(app, "supervisor", "/api/reports/exports", "{\"kind\":\"tickets\","
                + "\"format\":\"csv\",\"from\":\"" + first + "\",\"to\":\"" + last + "\"}");
        String id = Json.parse(started.body()).path("id").asText();
        long maxHeapKb = 0;
        long maxRssKb = 0;
        JsonNode job;
        while (true) {
            maxHeapKb = Math.max(maxHeapKb, heapUsedKb(app.pid()));
            maxRssKb = Math.max(maxRssKb, app.rssKb());
            job = Json.parse(Bench.get(app, "supervisor", "/api/reports/exports/" + id).body());
            if (!List.of("QUEUED", "RUNNING").contains(job.path("state").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        long exportMs = (System.nanoTime() - t0) / 1_000_000;
        HttpResponse<java.io.InputStream> file = Bench.HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/reports/exports/" + id + "/file")).timeout(Duration.ofSeconds(600)).header("Authorization",
                AppProcess.basic("supervisor")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (var in = file.body()) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        long t1 = System.nanoTime();
        long copyBytes;
        try (Connection db = app.jdbc()) {
            var counting = new java.io.ByteArrayOutputStream(0) {
                long n;

                @Override
                public void write(byte[] b, int off, int len) {
                    n += len;
                }
            };
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select number, template_key, department, "
                    + "channel, priority, agent, calendar_key, created_at, first_reply_at, first_reply_minutes, "
                    + "first_reply_working, first_resolved_at, resolution_minutes, resolution_working, resolved_at, "
                    + "full_resolution_minutes, full_resolution_working, reopened_count, staff_replies, "
                    + "customer_replies, fcr, csat from report_ticket_fact where created_day between '" + first
                    + "' and '" + last + "' order by created_at, ticket_id) to stdout with csv header", counting);
            copyBytes = counting.n;
        }
        long copyMs = (System.nanoTime() - t1) / 1_000_000;
        results.add(new Results.Row("CSV export job, all " + job.path("rowsDone").asLong() + " rows", "ms", exportMs,
                "COPY of the same rows to CSV", copyMs, null, null, null, "state " + job.path("state").asText()
                        + ", " + bytes / 1024 + " KB (COPY " + copyBytes / 1024 + " KB); app -Xmx256m: max heap "
                        + "used " + maxHeapKb / 1024 + " MB, max RSS " + maxRssKb / 1024 + " MB"));
    }

    /** Heap in use of the app (jcmd GC.heap_info), 0 when it cannot be read. */
    private static long heapUsedKb(long pid) {
        try {
            Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(pid),
                    "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            // "total 262144K, used 1234K" (JDK 17) or "total reserved 262144K, committed 65536K, used 1234K" (JDK 25)
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String text(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
