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

    /**
     * {@code --only=create|complete|inbox|timers|deadlines|assign|recompute|validation|fields|reports|mail|migrate}: one workload
     * (for profiling), not the full table.
     */
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
            TimerBench timers = new TimerBench(smoke, results);
            if (wants("timers")) {
                timers.timers(app, templates);
            }
            if (wants("deadlines")) {
                timers.deadlines(app, templates);
            }
            if (wants("assign")) {
                new AssignBench(smoke, results).run(app);
            }
        }
        if (wants("recompute")) {
            new RecomputeBench(smoke, results).run(templates);
        }
        if (wants("validation")) {
            validationWorkload();
        }
        if (wants("fields")) {
            new FieldsBench(smoke, results, intArg(ARGS, "--field-tickets=")).run();
        }
        if (wants("reports")) {
            new DashboardBench(smoke, results, intArg(ARGS, "--report-tickets=")).run();
        }
        if (wants("mail")) {
            new MailBench(smoke, results).run();
        }
        if (wants("migrate")) {
            new MigrateBench(smoke, results, TICKETS).run();
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

    // ---- helpers ----

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
