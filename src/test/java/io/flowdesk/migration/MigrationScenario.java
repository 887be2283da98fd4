package io.flowdesk.migration;

import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.testing.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A packaged-app migration scenario (crash test, bench): the shipped templates plus a copy of it-incident under its
 * own key in a templates folder; version 2 arrives by writing the changed copy and restarting (the start-up import
 * publishes it); tickets wait in diagnosis; a run moves them with the removed on-call step mapped to diagnosis.
 */
public final class MigrationScenario {

    public static final String KEY = "mig-incident";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;

    public MigrationScenario(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (Stream<Path> shipped = Files.list(Path.of("process-templates"))) {
            for (Path folder : shipped.filter(Files::isDirectory).toList()) {
                copyTree(folder, dir.resolve(folder.getFileName()));
            }
        }
        ChangedTemplates.write(v1(), dir);
    }

    public Path dir() {
        return dir;
    }

    private static TemplatePackage v1() {
        return ChangedTemplates.copy("it-incident", KEY);
    }

    /** Writes version 2 over the copy; the next start publishes it. */
    public void upgrade() throws IOException {
        ChangedTemplates.write(ChangedTemplates.incidentV2(v1()), dir);
    }

    /** Creates {@code n} tickets waiting in diagnosis (P3), {@code clients} at a time; returns their numbers. */
    public static List<String> tickets(AppProcess app, int n, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                String body = "{\"type\":\"" + KEY + "\",\"title\":\"Migrate " + k + "\",\"priority\":\"P3\","
                        + "\"customer\":{\"name\":\"Mig\",\"email\":\"mig@example.com\"},"
                        + "\"data\":{\"summary\":\"打印机 " + k + "\",\"category\":\"hardware\"}}";
                return Json.parse(post(app, "agent1", "/api/tickets", body, 201)).path("number").asText();
            }));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : futures) {
            numbers.add(f.get());
        }
        pool.shutdown();
        return Collections.unmodifiableList(numbers);
    }

    /** Starts a run from version 1 to 2 as admin; returns its id. */
    public static long startRun(AppProcess app) throws Exception {
        String body = "{\"templateKey\":\"" + KEY + "\",\"sourceVersions\":[1],\"targetVersion\":2,"
                + "\"steps\":[{\"source\":\"taskOncallDiagnosis\",\"target\":\"taskDiagnosis\"}]}";
        return Json.parse(post(app, "admin", "/api/admin/migrations/runs", body, 201)).path("id").asLong();
    }

    public static String post(AppProcess app, String user, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static long count(Connection db, String sql, Object... args) throws Exception {
        try (var s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits until the run is DONE (or the patience ends); returns its status. */
    public static String awaitRun(Connection db, long runId, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        String status = null;
        while (System.nanoTime() < until) {
            try (var s = db.prepareStatement("select status from migration_run where id = ?")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    status = rs.next() ? rs.getString(1) : null;
                }
            }
            if ("DONE".equals(status)) {
                return status;
            }
            Thread.sleep(50);
        }
        return status;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
