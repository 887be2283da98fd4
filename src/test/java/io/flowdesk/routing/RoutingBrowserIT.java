package io.flowdesk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged demo in Chromium (zh-CN and en, desktop and phone): a ticket is assigned to an online agent with the
 * reason on its timeline; the agent switches availability in the header; the supervisor's board and the admin's
 * skills and capacity dialog. Screenshots in target/screenshots.
 */
class RoutingBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void assignedWithTheReasonAvailabilitySwitchAndBoard() throws Exception {
        Path templates = templates();
        try (AppProcess app = new AppProcess("flowdesk_it_routing", 18111)) {
            app.env("FLOWDESK_TEMPLATES_DIR", templates.toAbsolutePath().toString());
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                String number = send(app, "agent1", "POST", "/api/tickets", """
                        {"type":"routing-rr","title":"自动分配 auto-assign %s","priority":"P2",
                         "customer":{"name":"张三","email":"c1@example.com"},
                         "data":{"orderNo":"RB-1","refundAmount":20,"reason":"other"}}""".formatted(tag))
                        .replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                String timeline = "";
                while (System.nanoTime() < until && !timeline.contains("TASK_ASSIGNED_AUTO")) {
                    Thread.sleep(300);
                    timeline = send(app, "agent1", "GET", "/api/tickets/" + number + "/timeline", null);
                }
                assertTrue(timeline.contains("TASK_ASSIGNED_AUTO"), "assigned automatically: " + timeline);
                for (int width : new int[] {1366, 390}) {
                    String size = width > 500 ? "desktop" : "phone";
                    WebDriver driver = Browser.start(width, width > 500 ? 900 : 844, language);
                    try {
                        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                        driver.get(app.baseUrl() + "/login");
                        Browser.login(driver, "supervisor");
                        driver.get(app.baseUrl() + "/tickets/" + number);
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
                        Browser.settle(driver);
                        String shown = driver.findElement(By.id("timeline")).getText();
                        assertTrue(shown.contains(tag.equals("zh") ? "自动分配" : "Assigned automatically"), shown);
                        assertTrue(shown.contains(tag.equals("zh") ? "按轮询自动分配给" : "by round robin"), shown);
                        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                                "document.getElementById('timeline').scrollIntoView({block: 'start'});");
                        Browser.settle(driver);
                        Browser.screenshot(driver, "routing-timeline-" + tag + "-" + size);

                        driver.get(app.baseUrl() + "/routing/board");
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agent-agent1")));
                        Browser.settle(driver);
                        Browser.screenshot(driver, "routing-board-" + tag + "-" + size);
                    } finally {
                        driver.quit();
                    }
                }
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent2");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("availability")));
                    Browser.choose(driver, "availability", tag.equals("zh") ? "离开" : "Away");
                    Browser.settle(driver);
                    assertTrue(send(app, "agent2", "GET", "/api/me/availability", null).contains("\"away\""));
                    Browser.screenshot(driver, "routing-header-away-" + tag);
                    Browser.choose(driver, "availability", tag.equals("zh") ? "在线" : "Online");
                    Browser.settle(driver);
                    assertTrue(send(app, "agent2", "GET", "/api/me/availability", null).contains("\"online\""));
                } finally {
                    driver.quit();
                }
                driver = Browser.start(390, 844, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent1");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("availability")));
                    Browser.screenshot(driver, "routing-header-" + tag + "-phone");
                } finally {
                    driver.quit();
                }
                driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "admin");
                    driver.get(app.baseUrl() + "/routing/board");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-agent2")));
                    Browser.click(driver, "edit-agent2");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-capacity")));
                    Browser.settle(driver);
                    Browser.screenshot(driver, "routing-edit-" + tag);
                    Browser.type(driver, "edit-capacity", "12");
                    Browser.click(driver, "edit-save");
                    Browser.settle(driver);
                    String board = send(app, "admin", "GET", "/api/routing/board?department=customer-service", null);
                    assertTrue(board.contains("\"username\":\"agent2\""), board);
                    assertTrue(board.replaceAll("\\s", "").matches("(?s).*\"username\":\"agent2\"[^}]*\"capacity\":12.*"),
                            board);
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /** The shipped templates plus a copy of the refund flow whose first step is routed by round robin. */
    static Path templates() throws Exception {
        Path root = Files.createTempDirectory("routing-it");
        Path shipped = Path.of("process-templates");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path target = root.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path copy = Files.createDirectories(root.resolve("routing-rr").resolve("forms"));
        try (Stream<Path> forms = Files.list(shipped.resolve("ecommerce-refund/forms"))) {
            for (Path form : forms.toList()) {
                Files.copy(form, copy.resolve(form.getFileName()));
            }
        }
        Files.writeString(copy.getParent().resolve("template.json"), Files.readString(
                shipped.resolve("ecommerce-refund/template.json")).replace("ecommerce-refund", "routing-rr"));
        Files.writeString(copy.getParent().resolve("process.bpmn"), Files.readString(
                shipped.resolve("ecommerce-refund/process.bpmn")).replace("ecommerce-refund", "routing-rr")
                .replaceAll(" flowdesk:(assignment|skills)=\"[^\"]*\"", "").replace(
                        "flowable:candidateGroups=\"customer-service\" flowdesk:ticketStatus=\"OPEN\"",
                        "flowable:candidateGroups=\"customer-service\" flowdesk:ticketStatus=\"OPEN\""
                                + " flowdesk:assignment=\"round-robin\""));
        return root;
    }

    static String send(AppProcess app, String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", AppProcess.basic(user))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + " → " + response.statusCode() + " "
                + response.body());
        return response.body();
    }
}
