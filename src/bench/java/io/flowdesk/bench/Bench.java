package io.flowdesk.bench;

import io.flowdesk.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * FlowDesk benchmarks, each figure next to its baseline measured in the same run. {@code bin/flowdesk bench} runs
 * everything (a few minutes on 2 cores); {@code --smoke} runs tiny sizes in seconds to keep the harness working;
 * {@code --compare a.json b.json} compares two runs.
 */
public final class Bench {

    static final Pattern NUMBER = Pattern.compile("\"number\":\"(FD-[0-9-]+)\"");
    static final Pattern TASK = Pattern.compile("\"openTasks\":\\[\\{\"id\":\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code --only=create|complete|inbox|timers|deadlines|assign|recompute|validation|fields}: one workload (for profiling), not the full table. */
    static String ONLY;

    /** {@code --timers=N}: how many timers (and SLA deadlines) the timer and deadline workloads let fall due (default 10,000). */
    static Integer TIMERS;

    /** {@code --agents=N}: the department size of the assignment workload (default 200; smoke 20). */
    static Integer AGENTS;

    /** {@code --tickets=N}: how many open tickets the recompute workload recomputes (default 100,000; smoke 200). */
    static Integer TICKETS;

    /** The command line ({@code --field-tickets=N}: the field-report workload's size, default 1,000,000; smoke 2,000). */
    static String[] ARGS = new String[0];

    private final boolean smoke;
    private final Results results = new Results();

    private Bench(boolean smoke) {
        this.smoke = smoke;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--compare")) {
            Results.compare(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        boolean smoke = List.of(args).contains("--smoke");
        ONLY = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst()
                .orElse(null);
        TIMERS = List.of(args).stream().filter(a -> a.startsWith("--timers=")).map(a -> Integer.valueOf(a.substring(9)))
                .findFirst().orElse(null);
        AGENTS = intArg(args, "--agents=");
        TICKETS = intArg(args, "--tickets=");
        ARGS = args;
        long started = System.nanoTime();
        Bench bench = new Bench(smoke);
        bench.run();
        bench.results.facts.put("seconds", (System.nanoTime() - started) / 1_000_000_000);
        bench.results.print();
        String commit = System.getProperty("flowdesk.commit", "dev");
        Path file = bench.results.write(Path.of("target", "bench"), (smoke ? "smoke-" : "") + commit);
        System.out.println("results written to " + file);
        System.exit(0);
    }

    private void run() throws Exception {
        results.facts.put("mode", smoke ? "smoke" : "full");
        results.facts.put("cores", Runtime.getRuntime().availableProcessors());
        results.facts.put("commit", System.getProperty("flowdesk.commit", "dev"));
        Path templates = benchTemplates();
        try (AppProcess app = new AppProcess("flowdesk_bench", 18100)) {
            app.env("FLOWDESK_TEMPLATES_DIR", templates.toAbsolutePath().toString());
            long startup = app.start(true);
            Thread.sleep(smoke ? 500 : 3000);
            long idle = app.rssKb() / 1024;
            results.add(new Results.Row("start-up to ready (fresh database)", "ms", startup, "goal", 5000, null,
                    null, null, "includes creating schema, Flowable tables, demo users, templates"));
            results.add(new Results.Row("RSS at idle", "MB", idle, "goal", 400, null, null, null, null));
            if (wants("create") || wants("complete")) {
                try (RawFlowable raw = new RawFlowable("flowdesk_bench_raw", false)) {
                    raw.deploy("it-incident", Files.readString(templates.resolve("it-incident/process.bpmn")));
                    if (wants("create")) {
                        createWorkload(app, raw);
                        results.add(new Results.Row("RSS after the create workload", "MB", app.rssKb() / 1024.0,
                                "goal", 400, null, null, null, null));
                    }
                    if (wants("complete")) {
                        completeWorkload(app, raw);
                    }
                }
            }
            if (wants("inbox")) {
                restart(app);
                inboxWorkload(app);
            }
            if (wants("timers")) {
                timerWorkload(app, templates);
            }
            if (wants("deadlines")) {
                deadlineWorkload(app, templates);
            }
            if (wants("assign")) {
                assignWorkload(app);
            }
        }
        if (wants("recompute")) {
            recomputeWorkload(templates);
        }
        if (wants("validation")) {
            validationWorkload();
        }
        if (wants("fields")) {
            new FieldsBench(smoke, results, intArg(ARGS, "--field-tickets=")).run();
        }
        if (wants("mail")) {
            new MailBench(smoke, results).run();
        }
    }

    private static Integer intArg(String[] args, String prefix) {
        return List.of(args).stream().filter(a -> a.startsWith(prefix)).map(a -> Integer.valueOf(a.substring(prefix
                .length()))).findFirst().orElse(null);
    }

    private static boolean wants(String workload) {
        return ONLY == null || ONLY.equals(workload);
    }

    /** After the big workloads the app restarts on its database so each part starts from the same state. */
    private void restart(AppProcess app) throws Exception {
        app.close();
        long ms = app.start(false);
        Thread.sleep(smoke ? 500 : 3000);
        results.add(new Results.Row("restart to ready (existing database)", "ms", ms, "goal", 5000, null, null, null,
                "RSS after restart " + app.rssKb() / 1024 + " MB"));
    }

    // ---- 1. ticket create ----

    private void createWorkload(AppProcess app, RawFlowable raw) throws Exception {
        int[] clientCounts = smoke ? new int[] {2} : new int[] {8, 32};
        double warmup = smoke ? 0.5 : 5;
        double seconds = smoke ? 1.5 : 15;
        AtomicInteger seq = new AtomicInteger();
        for (int clients : clientCounts) {
            Map<String, long[]> before;
            long commitsBefore;
            long ticketsBefore;
            try (Connection db = app.jdbc()) {
                before = Db.tableWrites(db);
                commitsBefore = Db.commits(db, app.database());
                ticketsBefore = Db.scalar(db, "select count(*) from ticket");
            }
            Load.Outcome fd = Load.run(clients, warmup, seconds, (c, i) -> post(app, "agent1", "/api/tickets",
                    createBody("fd-" + clients + "-" + c + "-" + i)).statusCode() == 201);
            Thread.sleep(1500);
            String writes;
            try (Connection db = app.jdbc()) {
                long created = Db.scalar(db, "select count(*) from ticket") - ticketsBefore;
                writes = perCreate(before, Db.tableWrites(db), Db.commits(db, app.database()) - commitsBefore,
                        fd.ok(), created);
            }
            Load.Outcome baseline = Load.run(clients, warmup, seconds, (c, i) -> {
                try (Connection connection = raw.connection()) {
                    raw.createTicket(connection, "it-incident", "RAW-" + seq.incrementAndGet(), Map.of("summary",
                            "Printer down", "category", "hardware", "ticketPriority", "P3"));
                }
                return true;
            });
            Load.Outcome jdbc = Load.run(clients, warmup, seconds, (c, i) -> rawRows(raw, seq.incrementAndGet()));
            results.add(new Results.Row("ticket create, " + clients + " clients", "/s", fd.perSecond(),
                    "raw Flowable start + ticket INSERT", baseline.perSecond(), fd.p50(), fd.p95(), fd.p99(),
                    "failed " + fd.failed()));
            results.add(new Results.Row("ticket create, " + clients + " clients, vs plain JDBC", "/s",
                    fd.perSecond(), "JDBC: same row count, no engine", jdbc.perSecond(), fd.p50(), fd.p95(), fd.p99(),
                    writes));
            results.facts.put("writes per create (" + clients + " clients)", writes);
        }
    }

    private static String perCreate(Map<String, long[]> before, Map<String, long[]> after, long commits, long ok,
            long totalTickets) {
        long ins = 0;
        long upd = 0;
        long del = 0;
        List<String> top = new ArrayList<>();
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[3]);
            long i = e.getValue()[0] - b[0];
            long u = e.getValue()[1] - b[1];
            long d = e.getValue()[2] - b[2];
            ins += i;
            upd += u;
            del += d;
            if (i + u + d > 0) {
                top.add(e.getKey() + "=" + (i + u + d));
            }
        }
        // the creates measured include warm-up ones: divide by all tickets created in the window
        long n = Math.max(1, totalTickets);
        return String.format("per create ≈ %.1f inserts, %.1f updates, %.1f deletes, %.1f commits (%d tables)",
                ins / (double) n, upd / (double) n, del / (double) n, commits / (double) n, top.size());
    }

    /** The rows one create writes, as plain JDBC inserts in one transaction (about 20 rows: ticket, task, events). */
    private static boolean rawRows(RawFlowable raw, int n) throws Exception {
        try (Connection c = raw.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists raw_row (id bigserial primary key, kind varchar(32), k varchar(64),"
                        + " payload text)");
            }
            try (PreparedStatement ticket = c.prepareStatement("insert into raw_ticket (number, title, priority, status,"
                    + " data_json) values (?, 'x', 'P3', 'NEW', '{}')");
                    PreparedStatement row = c.prepareStatement("insert into raw_row (kind, k, payload) values (?, ?, ?)")) {
                ticket.setString(1, "JDBC-" + n);
                ticket.executeUpdate();
                for (int i = 0; i < 20; i++) {
                    row.setString(1, "row" + i);
                    row.setString(2, n + "-" + i);
                    row.setString(3, "{\"summary\":\"Printer down\",\"category\":\"hardware\"}");
                    row.addBatch();
                }
                row.executeBatch();
            }
            c.commit();
        }
        return true;
    }

    // ---- 2. task complete ----

    private void completeWorkload(AppProcess app, RawFlowable raw) throws Exception {
        int tasks = smoke ? 20 : 600;
        int clients = smoke ? 2 : 8;
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                HttpResponse<String> created = post(app, "agent1", "/api/tickets", createBody("cmp-" + n));
                Matcher m = TASK.matcher(created.body());
                if (m.find()) {
                    ids.add(m.group(1));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        List<String> rawTasks = new ArrayList<>();
        try (Connection c = raw.connection()) {
            for (int i = 0; i < tasks; i++) {
                String pid = raw.createTicket(c, "it-incident", "CMP-" + i + "-" + System.nanoTime(), Map.of("summary",
                        "x", "category", "hardware", "ticketPriority", "P3"));
                rawTasks.add(raw.engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId());
            }
        }
        ConcurrentLinkedQueue<String> rawQueue = new ConcurrentLinkedQueue<>(rawTasks);
        String data = "{\"data\":{\"diagnosis\":\"硒鼓损坏 / toner broken\",\"rootCause\":\"hardware-fault\","
                + "\"needsOnsite\":false}}";
        Load.Outcome fd = drain(clients, ids, id -> post(app, "agent2", "/api/tasks/" + id + "/complete", data)
                .statusCode() == 200);
        Load.Outcome base = drain(clients, rawQueue, id -> {
            raw.engine.getTaskService().complete(id, Map.of("diagnosis", "x", "rootCause", "hardware-fault",
                    "needsOnsite", false));
            return true;
        });
        pool.shutdown();
        results.add(new Results.Row("task complete (form validated), " + clients + " clients", "/s", fd.perSecond(),
                "raw Flowable complete", base.perSecond(), fd.p50(), fd.p95(), fd.p99(), "failed " + fd.failed()));
    }

    interface Each {
        boolean run(String id) throws Exception;
    }

    /** Each item once, by {@code clients} threads; throughput over the whole drain. */
    private static Load.Outcome drain(int clients, ConcurrentLinkedQueue<String> items, Each each) throws Exception {
        List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                String id;
                while ((id = items.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        (each.run(id) ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    times.add(System.nanoTime() - t0);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - started;
        List<Long> sorted = new ArrayList<>(times);
        java.util.Collections.sort(sorted);
        return new Load.Outcome(ok.get() / (elapsed / 1e9), ok.get(), failed.get(), Load.pct(sorted, 0.5),
                Load.pct(sorted, 0.95), Load.pct(sorted, 0.99));
    }

    // ---- 3. inbox ----

    private void inboxWorkload(AppProcess app) throws Exception {
        int[] sizes = smoke ? new int[] {2_000} : new int[] {100_000, 1_000_000};
        int loaded = 0;
        for (int size : sizes) {
            long t0 = System.nanoTime();
            try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
                io.flowdesk.testing.ScaleData.load(s, loaded + 1, size);
                s.execute("analyze ticket");
                s.execute("analyze ticket_task");
            }
            loaded = size;
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            int runs = smoke ? 20 : 200;
            String phone = "138" + String.format("%08d", 12345 % 100000);
            Load.Outcome api = Load.repeat(runs / 10, runs, (c, i) -> get(app, "agent1",
                    "/api/inbox?view=QUEUE&size=50&counts=false").statusCode() == 200);
            Load.Outcome apiCounts = Load.repeat(runs / 10, runs, (c, i) -> get(app, "agent1",
                    "/api/inbox?view=QUEUE&size=50").statusCode() == 200);
            Load.Outcome sql;
            try (Connection db = app.jdbc(); PreparedStatement q = db.prepareStatement(
                    "select k.task_id, k.name_zh, k.name_en, k.candidate_group, k.assignee, k.created_at, t.number,"
                            + " t.title, t.template_key, t.priority, t.status, t.customer_name, t.updated_at"
                            + " from ticket_task k join ticket t on t.id = k.ticket_id where k.state = 'OPEN' and"
                            + " k.assignee is null and k.candidate_group = 'customer-service'"
                            + " order by k.priority, k.created_at, t.id limit 50")) {
                sql = Load.repeat(runs / 10, runs, (c, i) -> {
                    try (ResultSet rs = q.executeQuery()) {
                        int n = 0;
                        while (rs.next()) {
                            n++;
                        }
                        return n == 50;
                    }
                });
            }
            results.add(new Results.Row("inbox first page, queue by priority, " + size / 1000 + "k tickets", "ms p50",
                    api.p50(), "plain SQL, same page", sql.p50(), api.p50(), api.p95(), api.p99(),
                    "SQL p95 " + Results.ms(sql.p95()) + "; with tab counts p95 " + Results.ms(apiCounts.p95())
                            + "; load " + loadMs + " ms"));
            Load.Outcome apiPhone = Load.repeat(runs / 10, runs, (c, i) -> get(app, "supervisor",
                    "/api/inbox?view=OPEN&size=50&counts=false&customer=" + phone).statusCode() == 200);
            Load.Outcome sqlPhone;
            try (Connection db = app.jdbc(); PreparedStatement q = db.prepareStatement(
                    "select t.number, t.title, t.priority, t.status, t.customer_name, t.current_step, t.created_at"
                            + " from ticket t where t.engine_state <> 'ENDED' and t.customer_phone = ?"
                            + " order by t.priority, t.created_at, t.id limit 50")) {
                q.setString(1, phone);
                sqlPhone = Load.repeat(runs / 10, runs, (c, i) -> {
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next();
                    }
                });
            }
            results.add(new Results.Row("ticket search by customer phone, " + size / 1000 + "k tickets", "ms p50",
                    apiPhone.p50(), "plain SQL, same search", sqlPhone.p50(), apiPhone.p50(), apiPhone.p95(),
                    apiPhone.p99(), "SQL p95 " + Results.ms(sqlPhone.p95())));
        }
    }

    // ---- 4. form validation (JMH) ----

    private void validationWorkload() throws Exception {
        var options = new OptionsBuilder().include(ValidationBench.class.getSimpleName())
                .forks(smoke ? 0 : 1).warmupIterations(smoke ? 1 : 2).measurementIterations(smoke ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(smoke ? 200 : 1000))
                .measurementTime(TimeValue.milliseconds(smoke ? 200 : 2000)).threads(1).shouldFailOnError(true)
                .build();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        results.add(new Results.Row("form validation, 20 fields, valid data", "/s/core", scores.get("networkntValid"),
                "Vert.x JSON Schema (2020-12)", scores.get("vertxValid"), null, null, null,
                "goal ≥ 100,000/s per core"));
        results.add(new Results.Row("form validation, 20 fields, invalid data", "/s/core",
                scores.get("networkntInvalid"), "Vert.x JSON Schema (2020-12)", scores.get("vertxInvalid"), null, null,
                null, "networknt collects every error with its pointer"));
    }

    // ---- 5. timers ----

    private void timerWorkload(AppProcess app, Path templates) throws Exception {
        // --timers=N (or -Dbench.timers=N): a smaller set for profiling or a busy machine; the baseline uses the same N
        int timers = smoke ? 50 : TIMERS != null ? TIMERS : Integer.getInteger("bench.timers", 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
        String body = "{\"type\":\"bench-timer\",\"title\":\"timer\",\"priority\":\"P3\",\"customer\":{\"name\":\"T\","
                + "\"email\":\"t@example.com\"},\"data\":{\"note\":\"x\"}}";
        for (int i = 0; i < timers; i++) {
            futures.add(pool.submit(() -> post(app, "agent1", "/api/tickets", body).statusCode()));
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

    // ---- 6. SLA deadlines ----

    /**
     * 10,000 sla breach levels (deadline rows, ADR 0018) spread over a few hundred real tickets fall due together;
     * each notifies the supervisor, writes an SLA_BREACHED timeline entry and an sla_firing row. Fired per second
     * from the moment they are due until the last one fired, and each exactly once (counted), against the plain
     * Flowable timer baseline of the same run.
     */
    private void deadlineWorkload(AppProcess app, Path templates) throws Exception {
        int deadlines = smoke ? 50 : TIMERS != null ? TIMERS : Integer.getInteger("bench.timers", 10_000);
        int tickets = smoke ? 5 : 200;
        List<Long> ids = new ArrayList<>();
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            long have = Db.scalar(db, "select count(*) from ticket");
            for (long i = have; i < tickets; i++) {
                int status = post(app, "agent1", "/api/tickets", createBody("deadline-" + i)).statusCode();
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

    // ---- helpers ----

    // ---- 6. assignment decision ----

    /**
     * One automatic assignment decision in a department of 200 agents (status, capacity, skills and open tasks
     * spread), as production makes it: the preview endpoint runs the same reads (members with availability and
     * round-robin memory, skills, weighted loads) and the same pure decision as the consumer, minus the writes.
     * Baseline: the same three reads as plain SQL over JDBC. The pure decision alone is timed in this JVM too.
     */
    private void assignWorkload(AppProcess app) throws Exception {
        int agents = AGENTS != null ? AGENTS : smoke ? 20 : 200;
        String department = "bench-" + agents;
        String taskId;
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            if (Db.scalar(db, "select count(*) from ticket_task where task_id like 'scale-%'") == 0) {
                io.flowdesk.testing.ScaleData.load(s, 1, smoke ? 500 : 5_000);
            }
            s.execute("insert into department (key, name_zh, name_en) values ('" + department + "', '压测', 'Bench') "
                    + "on conflict do nothing");
            s.execute("insert into app_user (username, password_hash, display_name, roles) select 'bench-agent-' || "
                    + "lpad(g::text, 3, '0'), (select password_hash from app_user where username = 'agent1'), "
                    + "'Bench ' || g, 'agent' from generate_series(1, " + agents + ") g on conflict do nothing");
            s.execute("insert into user_department (user_id, department_key) select id, '" + department + "' from "
                    + "app_user where username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into routing_agent (username, status, capacity) select username, case when id % 10 = 0 "
                    + "then 'offline' when id % 10 = 1 then 'away' else 'online' end, 10 from app_user where "
                    + "username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into user_skill (username, skill_key, level) select username, 'refund', 1 + id % 5 "
                    + "from app_user where username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into user_skill (username, skill_key, level) select username, 'network', 1 + id % 3 "
                    + "from app_user where username like 'bench-agent-%' on conflict do nothing");
            // open tasks spread over the agents: loads 0..12 weighted units
            s.execute("update ticket_task k set assignee = 'bench-agent-' || lpad((1 + (n.rn % " + agents
                    + "))::text, 3, '0') from (select task_id, row_number() over (order by task_id) rn from ticket_task "
                    + "where task_id like 'scale-%' and state = 'OPEN' and assignee is null order by task_id limit "
                    + agents * 6 + ") n where k.task_id = n.task_id");
            taskId = "bench-route-1";
            s.execute("insert into ticket_task (task_id, ticket_id, task_def_key, name_zh, name_en, candidate_group, "
                    + "state, priority, created_at) select '" + taskId + "', min(id), 'taskReview', '客服受理', "
                    + "'Agent review', '" + department + "', 'OPEN', 'P2', now() from ticket "
                    + "where number like 'FD-2025-%' on conflict do nothing");
            s.execute("insert into ticket_event (ticket_id, kind, task_id, summary, details_json, internal) select "
                    + "ticket_id, 'BENCH_TASK', task_id, 'bench', '{\"department\":\"" + department + "\","
                    + "\"assignment\":\"best-skill\",\"skills\":\"refund:2\",\"priority\":\"P2\"}', true "
                    + "from ticket_task where task_id = '" + taskId + "' and not exists (select 1 from ticket_event "
                    + "where task_id = '" + taskId + "')");
            // the router reads the TASK_STARTED facts; the routing consumer ignores kinds it does not know
            s.execute("update ticket_event set kind = 'TASK_STARTED' where task_id = '" + taskId + "'");
            s.execute("analyze app_user; analyze user_department; analyze routing_agent; analyze user_skill; "
                    + "analyze ticket_task");
        }
        int runs = smoke ? 20 : 500;
        String path = "/api/tasks/" + taskId + "/assignment-preview";
        String answer = get(app, "admin", path).body();
        if (!answer.contains("\"chosen\":\"bench-agent-")) {
            throw new IllegalStateException("the preview chose nobody: " + answer);
        }
        Load.Outcome api = Load.repeat(runs / 10, runs, (c, i) -> get(app, "admin", path).statusCode() == 200);
        Load.Outcome sql;
        try (Connection db = app.jdbc();
                PreparedStatement members = db.prepareStatement("select u.username, u.display_name, u.roles, "
                        + "a.status, a.changed_at, a.capacity, a.calendar_key, l.at from app_user u join user_department "
                        + "d on d.user_id = u.id and d.department_key = ? left join routing_agent a on a.username = "
                        + "u.username left join routing_last_assigned l on l.username = u.username and l.department = ? "
                        + "where u.enabled = true order by u.username");
                PreparedStatement skills = db.prepareStatement(SKILLS_SQL);
                PreparedStatement loads = db.prepareStatement(LOADS_SQL)) {
            sql = Load.repeat(runs / 10, runs, (c, i) -> {
                int n = 0;
                members.setString(1, department);
                members.setString(2, department);
                skills.setString(1, department);
                loads.setString(1, department);
                for (PreparedStatement q : List.of(members, skills, loads)) {
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                }
                return n > agents;
            });
        }
        Load.Outcome decision = inProcessDecision(app, department, agents, runs);
        results.add(new Results.Row("assignment decision in-process, " + agents + " agents", "ms p95",
                decision.p95(), "goal", 5.0, decision.p50(), decision.p95(), decision.p99(),
                "what RoutingService does per task: members, skills and loads (3 reads over JDBC) + Router.decide; "
                        + "HTTP preview p95 " + Results.ms(api.p95())));
        results.add(new Results.Row("assignment decision, " + agents + " agents in a department", "ms p95", api.p95(),
                "plain SQL, the same reads", sql.p95(), api.p50(), api.p95(), api.p99(),
                "goal p95 < 5 ms; over HTTP (preview = the consumer's reads + decision, no writes); SQL p50 "
                        + Results.ms(sql.p50())));
        // the pure core alone, on a team of the same shape
        List<io.flowdesk.routing.Agent> team = new java.util.ArrayList<>();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= agents; i++) {
            team.add(new io.flowdesk.routing.Agent("bench-agent-" + i, "Bench " + i, i % 10 == 0
                    ? io.flowdesk.routing.Availability.OFFLINE : io.flowdesk.routing.Availability.ONLINE,
                    Map.of("refund", 1 + i % 5, "network", 1 + i % 3), i % 13, 10, true, t0.plusSeconds(i * 7L % 97)));
        }
        io.flowdesk.routing.RoutingTask task = new io.flowdesk.routing.RoutingTask("t", 1, department,
                io.flowdesk.routing.Strategy.BEST_SKILL, Map.of("refund", 2), "P2", null);
        Load.Outcome core = Load.repeat(smoke ? 100 : 20_000, smoke ? 100 : 20_000,
                (c, i) -> io.flowdesk.routing.Router.decide(task, team).chosen() != null);
        results.add(new Results.Row("Router.decide alone, " + agents + " agents (in-process)", "ms p95", core.p95(),
                "-", 0, core.p50(), core.p95(), core.p99(), "the pure filters and chooser, no I/O"));
    }

    /** The department's skills and weighted open loads, as RoutingStore reads them. */
    private static final String SKILLS_SQL = "select k.username, k.skill_key, k.level from user_skill k join app_user "
            + "u on u.username = k.username join user_department d on d.user_id = u.id and d.department_key = ?";
    private static final String LOADS_SQL = "select k.assignee, sum(case k.priority when 'P1' then 4 when 'P2' then "
            + "2 else 1 end) from ticket_task k where k.state = 'OPEN' and k.assignee in (select u.username from "
            + "app_user u join user_department d on d.user_id = u.id and d.department_key = ?) group by k.assignee";

    /**
     * One decision as {@code RoutingService.decide} makes it, in this JVM: the department's members with availability
     * and round-robin memory, their skills and their weighted loads (the same three statements as RoutingStore),
     * turned into agents, then {@code Router.decide} (best-skill, refund ≥ 2).
     */
    private static Load.Outcome inProcessDecision(AppProcess app, String department, int agents, int runs)
            throws Exception {
        io.flowdesk.routing.RoutingTask task = new io.flowdesk.routing.RoutingTask("t", 1, department,
                io.flowdesk.routing.Strategy.BEST_SKILL, Map.of("refund", 2), "P2", null);
        try (Connection db = app.jdbc();
                PreparedStatement members = db.prepareStatement("select u.username, u.display_name, a.status, "
                        + "a.capacity, l.at from app_user u join user_department d on d.user_id = u.id and "
                        + "d.department_key = ? left join routing_agent a on a.username = u.username left join "
                        + "routing_last_assigned l on l.username = u.username and l.department = ? where u.enabled = "
                        + "true order by u.username");
                PreparedStatement skills = db.prepareStatement(SKILLS_SQL);
                PreparedStatement loads = db.prepareStatement(LOADS_SQL)) {
            return Load.repeat(runs / 10, runs, (c, i) -> {
                members.setString(1, department);
                members.setString(2, department);
                skills.setString(1, department);
                loads.setString(1, department);
                Map<String, Map<String, Integer>> skillMap = new HashMap<>();
                try (ResultSet rs = skills.executeQuery()) {
                    while (rs.next()) {
                        skillMap.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                rs.getInt(3));
                    }
                }
                Map<String, Integer> loadMap = new HashMap<>();
                try (ResultSet rs = loads.executeQuery()) {
                    while (rs.next()) {
                        loadMap.put(rs.getString(1), rs.getInt(2));
                    }
                }
                List<io.flowdesk.routing.Agent> team = new ArrayList<>(agents);
                try (ResultSet rs = members.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        java.sql.Timestamp last = rs.getTimestamp(5);
                        team.add(new io.flowdesk.routing.Agent(user, rs.getString(2),
                                io.flowdesk.routing.Availability.of(rs.getString(3)), skillMap.getOrDefault(user,
                                        Map.of()), loadMap.getOrDefault(user, 0), rs.getObject(4) == null ? 10
                                                : rs.getInt(4), true, last == null ? null : last.toInstant()));
                    }
                }
                return io.flowdesk.routing.Router.decide(task, team).chosen() != null;
            });
        }
    }

    // ---- 8. SLA recompute after a calendar edit ----

    /**
     * N open tickets (bulk SQL: ticket, open task, CREATED event at now, consumers' cursors past them) on a fresh
     * database of their own; a first calendar edit gives every ticket its clocks and ladder deadlines, the second one
     * is measured: the time {@code CalendarWatch} reports for {@code SlaService.recomputeAll}, and the p95 of an inbox
     * request from one client before and during it.
     */
    private void recomputeWorkload(Path templates) throws Exception {
        int tickets = TICKETS != null ? TICKETS : smoke ? 200 : 100_000;
        try (AppProcess app = new AppProcess("flowdesk_bench_recompute", 18131)) {
            app.env("FLOWDESK_TEMPLATES_DIR", templates.toAbsolutePath().toString());
            app.start(true);
            long started = System.nanoTime();
            long setup = System.nanoTime();
            try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
                io.flowdesk.testing.ScaleData.load(s, 1, tickets);
                s.execute("update ticket set created_at = now(), updated_at = now() where number like 'FD-2025-%'");
                s.execute("insert into ticket_event (ticket_id, at, kind, summary, details_json, internal) select id, "
                        + "now(), 'CREATED', 'bench', '{}', true from ticket where number like 'FD-2025-%'");
                // the consumers start after these events: the recompute below is what gives them their clocks
                s.execute("insert into event_cursor (consumer, position) select c, (select max(id) from ticket_event) "
                        + "from unnest(array['sla', 'routing']) c on conflict (consumer) do update set position = "
                        + "excluded.position");
                s.execute("analyze ticket; analyze ticket_task; analyze ticket_event");
            }
            long setupMs = (System.nanoTime() - setup) / 1_000_000;
            // CalendarWatch first looks 10 s after start (and only then knows the versions an edit changes)
            Thread.sleep(Math.max(0, 17_000 - (System.nanoTime() - started) / 1_000_000));
            Path log = Path.of("target", app.database() + ".log");
            long first = calendarEdit(app, log, 1);
            long clocks;
            long deadlineRows;
            try (Connection db = app.jdbc()) {
                clocks = Db.scalar(db, "select count(*) from sla_clock");
                deadlineRows = Db.scalar(db, "select count(*) from deadline where fired_at is null");
            }
            int runs = smoke ? 20 : 200;
            String inbox = "/api/inbox?view=QUEUE&size=50&counts=false";
            Load.Outcome before = Load.repeat(runs / 10, runs, (c, i) -> get(app, "agent1", inbox).statusCode() == 200);
            List<Long> during = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        get(app, "agent1", inbox);
                    } catch (Exception e) {
                        // counted as slow: its time is kept
                    }
                    during.add(System.nanoTime() - t0);
                }
            });
            client.start();
            long ms;
            try {
                ms = calendarEdit(app, log, 2);
            } finally {
                stop.set(true);
                client.join();
            }
            List<Long> sorted = new ArrayList<>(during);
            java.util.Collections.sort(sorted);
            double p95During = Load.pct(sorted, 0.95);
            results.add(new Results.Row("SLA recompute of " + tickets + " open tickets after a calendar edit", "ms", ms,
                    "goal (100k)", 60_000 * tickets / 100_000.0, null, null, null, String.format("%.0f tickets/s; "
                            + "first edit (creates clocks) %d ms; %d clocks, %d pending deadlines; set-up %d ms", tickets
                            / (ms / 1000.0), first, clocks, deadlineRows, setupMs)));
            results.add(new Results.Row("inbox p95 during that recompute", "ms p95", p95During, "before it",
                    before.p95(), Load.pct(sorted, 0.5), p95During, Load.pct(sorted, 0.99), sorted.size()
                            + " requests by one client meanwhile; goal ≤ 2× before"));
        }
    }

    /**
     * Edits the calendar {@code cn-standard} (a holiday n days ahead; a new version, as the API writes it) and waits
     * for the n-th "recomputed ... in N ms" line of {@code CalendarWatch}; answers N.
     */
    private static long calendarEdit(AppProcess app, Path log, int n) throws Exception {
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            s.execute("delete from calendar_day where calendar_key = 'cn-standard' and name = 'bench'");
            s.execute("insert into calendar_day (calendar_key, day, kind, name) values ('cn-standard', current_date + "
                    + n + ", 'holiday', 'bench') on conflict do nothing");
            s.execute("update calendar set version = version + 1, updated_at = now() where key = 'cn-standard'");
        }
        Pattern done = Pattern.compile("after a calendar edit in (\\d+) ms");
        long until = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < until) {
            Matcher m = done.matcher(Files.readString(log));
            List<Long> found = new ArrayList<>();
            while (m.find()) {
                found.add(Long.parseLong(m.group(1)));
            }
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no recompute after calendar edit " + n + "; see " + log);
    }

    /** The shipped templates plus a timer template for workload 5, in a folder the app imports. */
    private static Path benchTemplates() throws Exception {
        Path root = Path.of("target", "bench", "templates");
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path source = Path.of("process-templates");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = root.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path timer = Files.createDirectories(root.resolve("bench-timer").resolve("forms"));
        Files.writeString(timer.getParent().resolve("template.json"), """
                {"key":"bench-timer","name":{"zh-CN":"定时测试","en":"Timer benchmark"},"ticketType":"bench",
                 "startForm":"bench-timer-start"}""");
        Files.writeString(timer.resolve("bench-timer-start.json"), """
                {"type":"object","properties":{"note":{"type":"string"}},
                 "x-ui":{"fields":{"note":{"widget":"text","label":{"zh-CN":"备注","en":"Note"}}}}}""");
        Files.writeString(timer.getParent().resolve("process.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:flowable="http://flowable.org/bpmn" xmlns:flowdesk="https://flowdesk.io/schema/bpmn"
                  targetNamespace="https://flowdesk.io/bench" id="benchTimer">
                  <process id="bench-timer" name="定时测试" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="timerWait"/>
                    <intermediateCatchEvent id="timerWait" name="等待">
                      <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
                    </intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="timerWait" targetRef="afterTimer"/>
                    <userTask id="afterTimer" name="到期处理" flowable:formKey="bench-timer-start"
                      flowable:candidateGroups="customer-service"/>
                    <sequenceFlow id="f3" sourceRef="afterTimer" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """);
        return root;
    }

    static String createBody(String key) {
        return "{\"type\":\"it-incident\",\"title\":\"Bench " + key + "\",\"priority\":\"P3\",\"customer\":"
                + "{\"name\":\"Bench\",\"email\":\"bench@example.com\"},\"data\":{\"summary\":\"Printer down\","
                + "\"category\":\"hardware\",\"location\":\"3F\"}}";
    }

    static HttpResponse<String> post(AppProcess app, String user, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(AppProcess app, String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AppProcess.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
