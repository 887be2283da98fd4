package io.flowdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's stuck-tickets view (ADR 0041) on the packaged app, in zh-CN and en, desktop and phone: two tickets
 * whose flow never started are listed with the engine's reason in words; one is retried (its flow starts), the other
 * cancelled after a confirmation. The tickets are put in the state a refused create leaves (FAILED, reason kept, no
 * process) straight in the database; the refused create itself is {@link StuckTicketsTest}'s.
 */
class StuckTicketsViewIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REASON = "{\"key\":\"workflow.failed.property\",\"args\":[\"${ticketPriority.bytes"
            + " != null}\",\"bytes\"]}";

    @Test
    void adminsSeeStuckTicketsWithTheReasonAndRetryOrCancelThem() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_stuck", 18260)) {
            app.start(true);
            String model = createTicket(app);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                String retried = failedCopy(app, model, tag + "1");
                String cancelled = failedCopy(app, model, tag + "2");

                WebDriver phone = Browser.start(390, 844, language);
                try {
                    phone.get(app.baseUrl() + "/login");
                    Browser.login(phone, "admin");
                    phone.get(app.baseUrl() + "/admin/stuck-tickets");
                    new WebDriverWait(phone, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("stuck-list"))
                            .isEmpty());
                    Browser.settle(phone);
                    shot(phone, "stuck-tickets-" + tag + "-phone");
                } finally {
                    phone.quit();
                }

                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "admin");
                    driver.get(app.baseUrl() + "/admin/stuck-tickets");
                    wait.until(d -> !d.findElements(By.id("stuck-list")).isEmpty());
                    Browser.settle(driver);
                    String page = text(driver);
                    assertTrue(page.contains(zh ? "卡住的工单" : "Stuck tickets"), "in the navigation and title: " + page);
                    String list = driver.findElement(By.id("stuck-list")).getText();
                    assertTrue(list.contains(retried) && list.contains(cancelled), list);
                    assertTrue(list.contains(zh ? "读取了值的“bytes”" : "reads 'bytes' of a value"), list);
                    assertTrue(list.contains(zh ? "失败" : "Failed"), list);
                    shot(driver, "stuck-tickets-" + tag + "-desktop");

                    Browser.click(driver, "stuck-retry-" + retried);
                    wait.until(d -> !d.findElement(By.id("stuck-list")).getText().contains(retried));
                    assertEquals("ACTIVE", column(app, retried, "engine_state"));
                    assertTrue(openTasks(app, retried) > 0, "the retried ticket's flow runs");

                    Browser.click(driver, "stuck-cancel-" + cancelled);
                    wait.until(d -> d.findElements(By.id("stuck-cancel-yes")).stream().anyMatch(b -> b.isDisplayed()));
                    Browser.settle(driver);
                    shot(driver, "stuck-tickets-cancel-" + tag + "-desktop");
                    Browser.click(driver, "stuck-cancel-yes");
                    wait.until(d -> text(d).contains(zh ? "没有卡住的工单" : "No stuck tickets"));
                    assertEquals("CANCELLED", column(app, cancelled, "status"));
                    shot(driver, "stuck-tickets-empty-" + tag + "-desktop");
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Path file = Browser.screenshot(driver, name);
        Path shots = Files.createDirectories(Path.of("/work/shots/gate"));
        if (Files.isWritable(shots)) {
            Files.copy(file, shots.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A real ticket on a shipped template, whose row the stuck copies are made from. */
    private static String createTicket(AppProcess app) throws Exception {
        String body = """
                {"type":"it-incident","title":"VPN 连不上","priority":"P3",
                 "customer":{"name":"测试客户","email":"c@example.com","phone":"13812345678"},
                 "data":{"summary":"VPN 连不上","category":"network"}}""";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tickets"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes(
                        StandardCharsets.UTF_8))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body().replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** A copy of the model ticket as a refused create leaves it: FAILED with the reason, no process, one attempt. */
    private static String failedCopy(AppProcess app, String model, String suffix) throws Exception {
        String number = "FD-STUCK-" + suffix.toUpperCase();
        try (Connection c = app.jdbc()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select column_name from information_schema.columns"
                    + " where table_name = 'ticket' and is_generated = 'NEVER' and is_identity = 'NO' and column_name"
                    + " not in ('id', 'number', 'title', 'engine_state', 'process_instance_id', 'idempotency_key',"
                    + " 'engine_error', 'engine_attempts', 'engine_failed_at', 'current_step', 'status')")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String list = String.join(", ", columns);
            int rows = c.createStatement().executeUpdate("insert into ticket (number, title, engine_state, status,"
                    + " engine_error, engine_attempts, engine_failed_at, " + list + ") select '" + number
                    + "', '打印机坏了 " + suffix + "', 'FAILED', 'NEW', '" + REASON.replace("'", "''")
                    + "', 1, now(), " + list + " from ticket where number = '" + model + "'");
            assertEquals(1, rows);
        }
        return number;
    }

    private static String column(AppProcess app, String number, String column) throws Exception {
        try (Connection c = app.jdbc(); ResultSet rs = c.createStatement().executeQuery("select " + column
                + " from ticket where number = '" + number + "'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static long openTasks(AppProcess app, String number) throws Exception {
        try (Connection c = app.jdbc(); ResultSet rs = c.createStatement().executeQuery("select count(*) from"
                + " ticket_task t join ticket k on k.id = t.ticket_id where k.number = '" + number
                + "' and t.state = 'OPEN'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
