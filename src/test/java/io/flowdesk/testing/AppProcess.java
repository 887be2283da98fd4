package io.flowdesk.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The packaged FlowDesk ({@code target/quarkus-app/quarkus-run.jar}) as a real OS process, for ITs. */
public final class AppProcess implements AutoCloseable {

    private final String database;
    private final int port;
    private final Path log;
    private Process process;
    private final Map<String, String> extraEnv = new HashMap<>();

    /** Extra environment for the app (e.g. the mailer pointing at a test SMTP server). */
    public AppProcess env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    public AppProcess(String database, int port) {
        this.database = database + TestSlot.suffix();
        this.port = port + TestSlot.offset();
        this.log = Path.of("target", this.database + ".log");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:5432/" + database;
    }

    public Connection jdbc() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    public String database() {
        return database;
    }

    /** Starts the jar; {@code reset} drops and recreates the database first. Returns start-up time in ms. */
    public long start(boolean reset) throws Exception {
        String jar = System.getProperty("flowdesk.jar", "target/quarkus-app/quarkus-run.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("Packaged app not found at " + jar + " (run mvn verify, not test)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:5432/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("FLOWDESK_DEMO", "true");
        env.put("FLOWDESK_DB_RESET", Boolean.toString(reset));
        env.put("FLOWDESK_TEMPLATES_DIR", Path.of("process-templates").toAbsolutePath().toString());
        env.put("FLOWDESK_ATTACHMENTS_DIR", Path.of("target", database + "-attachments").toAbsolutePath().toString());
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.putAll(extraEnv);
        builder.redirectErrorStream(true);
        builder.redirectOutput(reset ? ProcessBuilder.Redirect.to(log.toFile())
                : ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        process = builder.start();
        // -Dflowdesk.ready.seconds: more patience on a machine shared by several builds
        waitUntilReady(Duration.ofSeconds(Integer.getInteger("flowdesk.ready.seconds", 90)));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void waitUntilReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("FlowDesk exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/templates")).header("Authorization", basic("admin")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("FlowDesk did not become ready in " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no graceful close. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public long pid() {
        return process.pid();
    }

    public long rssKb() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static Map<String, String> jsonHeaders(String user) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", basic(user));
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
