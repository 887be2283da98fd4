package io.flowdesk.bench;

import io.flowdesk.testing.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Workloads 5 and 6: timers falling due together and SLA deadlines falling due, against plain Flowable timers. */
final class TimerBench {

    private final boolean smoke;
    private final Results results;

    TimerBench(boolean smoke, Results results) {
        this.smoke = smoke;
        this.results = results;
    }

    void timers(AppProcess app, Path templates) throws Exception {
        // --timers=N (or -Dbench.timers=N): a smaller set for profiling or a busy machine; the baseline uses the same N
        int timers = smoke ? 50 : Bench.TIMERS != null ? Bench.TIMERS : Integer.getInteger("bench.timers", 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
        String body = "{\"type\":\"bench-timer\",\"title\":\"timer\",\"priority\":\"P3\",\"customer\":{\"name\":\"T\","
                + "\"email\":\"t@example.com\"},\"data\":{\"note\":\"x\"}}";
        for (int i = 0; i < timers; i++) {
            futures.add(pool.submit(() -> Bench.post(app, "agent1", "/api/tickets", body).statusCode()));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        double fdRate;
        long fired;
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            waitFor(db, "select count(*) from act_ru_timer_job", timers);
            long t0 = System.nanoTime();
            s.executeUpdate("update act_ru_timer_job set duedate_ = now()");
            waitFor(db, "select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
                    + " where d.key_ = 'bench-timer'", timers);
            fdRate = timers / ((System.nanoTime() - t0) / 1e9);
            fired = Db.scalar(db, "select count(*) from act_hi_actinst where act_id_ = 'timerWait' and end_time_ is"
                    + " not null");
        }
        rawTimers(templates, timers);
        double rawRate = rawTimerRate;
        long rawFired = rawTimersFired;
        results.add(new Results.Row(timers + " timers due together", "/s", fdRate, "plain Flowable, default executor",
                rawRate, null, null, null, "fired once each: " + fired + "/" + timers + " vs " + rawFired + "/"
                        + timers + "; goal ≥ 500/s"));
    }

    /** The plain-Flowable timer baseline of this run (workload 5), measured once and shared with workload 6. */
    private double rawTimerRate = -1;
    private long rawTimersFired;

    private void rawTimers(Path templates, int timers) throws Exception {
        if (rawTimerRate >= 0) {
            return;
        }
        try (RawFlowable raw = new RawFlowable("flowdesk_bench_raw_timers", true)) {
            raw.deploy("bench-timer", Files.readString(templates.resolve("bench-timer/process.bpmn")));
            for (int i = 0; i < timers; i++) {
                raw.engine.getRuntimeService().startProcessInstanceByKey("bench-timer");
            }
            try (Connection db = raw.connection(); Statement s = db.createStatement()) {
                long t0 = System.nanoTime();
                s.executeUpdate("update act_ru_timer_job set duedate_ = now()");
                waitFor(db, "select count(*) from act_ru_task", timers);
                rawTimerRate = timers / ((System.nanoTime() - t0) / 1e9);
                rawTimersFired = Db.scalar(db, "select count(*) from act_hi_actinst where act_id_ = 'timerWait' and"
                        + " end_time_ is not null");
            }
        }
    }


    /**
     * 10,000 sla breach levels (deadline rows, ADR 0018) spread over a few hundred real tickets fall due together;
     * each notifies the supervisor, writes an SLA_BREACHED timeline entry and an sla_firing row. Fired per second
     * from the moment they are due until the last one fired, and each exactly once (counted), against the plain
     * Flowable timer baseline of the same run.
     */
    void deadlines(AppProcess app, Path templates) throws Exception {
        int deadlines = smoke ? 50 : Bench.TIMERS != null ? Bench.TIMERS : Integer.getInteger("bench.timers", 10_000);
        int tickets = smoke ? 5 : 200;
        List<Long> ids = new ArrayList<>();
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            long have = Db.scalar(db, "select count(*) from ticket");
            for (long i = have; i < tickets; i++) {
                int status = Bench.post(app, "agent1", "/api/tickets", Bench.createBody("deadline-" + i)).statusCode();
                if (status != 201) {
                    throw new IllegalStateException("ticket create answered " + status);
                }
            }
            try (var rs = s.executeQuery("select id from ticket order by id limit " + tickets)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            s.executeUpdate("delete from deadline where key like 'sla:bench:%'");
            try (var insert = db.prepareStatement("insert into deadline (key, owner, ticket_id, due_at, payload_json)"
                    + " values (?, 'sla', ?, now() + interval '1 day', ?)")) {
                for (int i = 0; i < deadlines; i++) {
                    long ticket = ids.get(i % ids.size());
                    insert.setString(1, "sla:bench:" + ticket + ":RESOLUTION:" + (i / ids.size() + 1) + ":breach");
                    insert.setLong(2, ticket);
                    insert.setString(3, "{\"target\":\"RESOLUTION\",\"cycle\":" + (i / ids.size() + 1)
                            + ",\"level\":\"breach\",\"calendar\":\"24x7\",\"workingHoursOnly\":false,"
                            + "\"dueAt\":\"2026-01-01T00:00:00Z\",\"actions\":[{\"type\":\"notify\","
                            + "\"to\":\"supervisor\"}]}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long t0 = System.nanoTime();
            s.executeUpdate("update deadline set due_at = now() where key like 'sla:bench:%'");
            waitFor(db, "select count(*) from deadline where key like 'sla:bench:%' and fired_at is not null",
                    deadlines);
            double rate = deadlines / ((System.nanoTime() - t0) / 1e9);
            long firings = Db.scalar(db, "select count(*) from sla_firing where key like 'sla:bench:%'");
            long entries = Db.scalar(db, "select count(*) from ticket_event where kind = 'SLA_BREACHED' and"
                    + " details_json like '%\"key\":\"sla:bench:%'");
            long twice = Db.scalar(db, "select count(*) from (select details_json from ticket_event where kind ="
                    + " 'SLA_BREACHED' group by details_json having count(*) > 1) d");
            long nodes = Db.scalar(db, "select count(distinct fired_by) from deadline where key like 'sla:bench:%'");
            rawTimers(templates, deadlines);
            results.add(new Results.Row(deadlines + " SLA deadlines due together", "/s", rate,
                    "plain Flowable timers, same run", rawTimerRate, null, null, null, "fired once each: "
                            + firings + " sla_firing rows, " + entries + " timeline entries, " + twice
                            + " twice, on " + nodes + " node(s), over " + ids.size() + " tickets; goal ≥ 500/s"));
        }
    }

    private void waitFor(Connection db, String countSql, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (Db.scalar(db, countSql) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expected + " from " + countSql);
            }
            Thread.sleep(20);
        }
    }
}
