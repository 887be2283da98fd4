package io.flowdesk.sla;

import static io.flowdesk.testing.Browser.screenshot;
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
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * SLA as people see it, in headless Chromium, zh-CN and en, desktop and phone: the ticket header shows a chip per
 * target of the shipped policy with its countdown; the inbox's due column counts down from the server's clock
 * (moving the clock moves the countdown), sorts by deadline and filters breached tickets; the portal tells the
 * customer when to expect an answer. The targets ({@code sla_clock}) and the summary ({@code ticket.sla_due_at} /
 * {@code sla_state}) are written by SQL with known values, so the texts are exact whatever the time of day (in this
 * packaged app the sla consumer had not run on new tickets: see the slaui report).
 */
class SlaViewsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theInboxShowsTheCountdownSortsByDeadlineAndFiltersBreached() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_sla", 18109).env("FLOWDESK_CLOCK_ADJUSTABLE", "true")
                // the views are fed by SQL here; the sla consumer (tested in SlaApiTest) would overwrite them
                .env("FLOWDESK_EVENTS_ENABLED", "false")) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                String token = "SLA-" + tag + "-" + System.nanoTime() % 100000;
                String atRisk = post(app, "customer1", "/api/tickets", body(token + " 打印机 printer"));
                String breached = post(app, "customer1", "/api/tickets", body(token + " 网络 network"));
                Instant now = serverNow(app);
                Instant due = now.plus(Duration.ofMinutes(135)).plusSeconds(20);
                sla(app, atRisk, due, "AT_RISK");
                clock(app, atRisk, "FIRST_RESPONSE", 180, 45, due, "AT_RISK", now.minus(Duration.ofMinutes(45)));
                clock(app, atRisk, "RESOLUTION", 960, 45, now.plus(Duration.ofDays(2)), "ON_TRACK",
                        now.minus(Duration.ofMinutes(45)));
                sla(app, breached, now.minus(Duration.ofMinutes(30)).minusSeconds(20), "BREACHED");

                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/");
                    Browser.click(driver, "tab-OPEN");
                    Browser.type(driver, "search", token);
                    Browser.choose(driver, "sort", zh ? "截止时间（最近的在前）" : "Deadline (soonest first)");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("due-" + atRisk)));
                    wait.until(d -> !d.findElement(By.id("due-" + atRisk)).getText().isBlank());
                    String left = driver.findElement(By.id("due-" + atRisk)).getText();
                    assertTrue(left.matches(zh ? "剩余 2 小时 1[45] 分钟" : "2 h 1[45] min left"), left);
                    String overdue = driver.findElement(By.id("due-" + breached)).getText();
                    assertTrue(overdue.matches(zh ? "已超时 3[01] 分钟" : "overdue by 3[01] min"), overdue);
                    assertEquals("BREACHED", driver.findElement(By.id("due-" + breached)).getDomAttribute("data-state"));
                    String tooltip = driver.findElement(By.id("due-" + atRisk)).getDomAttribute("title");
                    assertTrue(tooltip.startsWith(zh ? "即将超时 · 截止 " : "At risk · due "), tooltip);
                    // soonest deadline first: the breached ticket leads
                    List<String> order = numbers(js);
                    assertEquals(List.of(breached, atRisk), order);
                    screenshot(driver, "sla-inbox-desktop-" + tag);

                    // the countdown follows FlowDesk's clock, not the browser's
                    advance(app, 60);
                    driver.navigate().refresh();
                    Browser.settle(driver);
                    Browser.click(driver, "tab-OPEN");
                    Browser.type(driver, "search", token);
                    wait.until(d -> d.findElements(By.id("due-" + atRisk)).size() == 1
                            && d.findElement(By.id("due-" + atRisk)).getText().matches(zh ? "剩余 1 小时 1[45] 分钟"
                                    : "1 h 1[45] min left"));

                    Browser.choose(driver, "filter-sla", zh ? "已超时" : "Breached");
                    wait.until(d -> numbers(js).equals(List.of(breached)));
                    screenshot(driver, "sla-inbox-breached-desktop-" + tag);

                    // the ticket header: a chip per target of the shipped policy, each counting down
                    driver.get(app.baseUrl() + "/tickets/" + atRisk);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-chips")));
                    wait.until(d -> !d.findElement(By.id("sla-countdown-0")).getText().isBlank());
                    String chips = driver.findElement(By.id("sla-chips")).getText();
                    assertTrue(chips.contains(zh ? "首次响应" : "First response"), chips);
                    String countdown = driver.findElement(By.id("sla-countdown-0")).getText();
                    // the clock was moved by an hour above
                    assertTrue(countdown.matches(zh ? "剩余 1 小时 1[45] 分钟" : "1 h 1[45] min left"), countdown);
                    assertEquals("AT_RISK", driver.findElement(By.id("sla-chip-0")).getDomAttribute("data-state"));
                    assertEquals("RESOLUTION", driver.findElement(By.id("sla-chip-1")).getDomAttribute("data-target"));
                    assertTrue(driver.findElement(By.id("sla-countdown-0")).getDomAttribute("title")
                            .contains(zh ? "截止 " : "due "));
                    screenshot(driver, "sla-ticket-header-desktop-" + tag);

                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    driver.get(app.baseUrl() + "/");
                    Browser.click(driver, "tab-OPEN");
                    Browser.type(driver, "search", token);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("due-" + breached)));
                    // the due column is right of the title: scroll the grid to it, as a thumb would
                    js.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'nearest',"
                            + " inline: 'center'})", "due-" + breached);
                    Browser.settle(driver);
                    screenshot(driver, "sla-inbox-phone-" + tag);
                    driver.get(app.baseUrl() + "/tickets/" + atRisk);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-chips")));
                    Browser.settle(driver);
                    screenshot(driver, "sla-ticket-header-phone-" + tag);
                    driver.manage().deleteAllCookies();

                    driver.get(app.baseUrl() + "/portal");
                    Browser.login(driver, "customer1");
                    driver.get(app.baseUrl() + "/portal/tickets/" + atRisk);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-expect")));
                    // the customer sees when to expect an answer (first response), never the internal targets
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-expect-at")));
                    String promise = driver.findElement(By.id("summary-expect")).getText();
                    assertTrue(promise.startsWith(zh ? "我们争取在 " : "We aim to answer by "), promise);
                    // the time reads in the page's language: "Dec 3, 2026, …" in English, "2026年12月3日 …" in Chinese
                    assertTrue(zh ? promise.contains("年") : !promise.contains("年"), promise);
                    assertTrue(driver.findElements(By.id("sla-chips")).isEmpty(), "no internal chips in the portal");
                    screenshot(driver, "sla-portal-phone-" + tag);
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
                    driver.navigate().refresh();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-expect")));
                    Browser.settle(driver);
                    screenshot(driver, "sla-portal-desktop-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "sla-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                    copyShots();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(JavascriptExecutor js) {
        return (List<String>) js.executeScript("return Array.from(document.querySelectorAll('#inbox-grid a[id^=open-]'))"
                + ".map(a => ({n: a.textContent.trim(), y: a.getBoundingClientRect().top}))"
                + ".filter(r => r.y > 0).sort((a, b) => a.y - b.y).map(r => r.n)");
    }

    private static String body(String title) {
        return """
                {"type":"it-incident","title":"%s","priority":"P3",
                 "data":{"summary":"%s","category":"network"}}""".formatted(title, title);
    }

    private static void sla(AppProcess app, String number, Instant due, String state) throws Exception {
        try (Connection c = app.jdbc(); PreparedStatement s = c.prepareStatement(
                "update ticket set sla_due_at = ?, sla_state = ? where number = ?")) {
            s.setTimestamp(1, Timestamp.from(due));
            s.setString(2, state);
            s.setString(3, number);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** A target's clock row as the sla feature stores it (its consumer's recompute writes the same columns). */
    private static void clock(AppProcess app, String number, String target, long minutes, long used, Instant due,
            String state, Instant started) throws Exception {
        try (Connection c = app.jdbc(); PreparedStatement s = c.prepareStatement("insert into sla_clock (ticket_id,"
                + " target, task_id, cycle, policy_key, calendar_key, target_minutes, started_at, used_minutes, due_at,"
                + " state) select id, ?, '', 1, 'default', '24x7', ?, ?, ?, ?, ? from ticket where number = ?")) {
            s.setString(1, target);
            s.setLong(2, minutes);
            s.setTimestamp(3, Timestamp.from(started));
            s.setLong(4, used);
            s.setTimestamp(5, Timestamp.from(due));
            s.setString(6, state);
            s.setString(7, number);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static Instant serverNow(AppProcess app) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/clock"))
                .header("Authorization", AppProcess.basic("admin")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("/api/clock → " + response.body());
        }
        return Instant.parse(m.group(1));
    }

    private static void advance(AppProcess app, int minutes) throws Exception {
        post(app, "admin", "/api/clock", "{\"advanceMinutes\":" + minutes + "}");
        Thread.sleep(600); // the app refreshes its clock offset from the database every 250 ms
    }

    private static void copyShots() throws Exception {
        Path target = Files.createDirectories(Path.of("/work/shots/slaui"));
        try (var files = Files.list(Path.of("target", "screenshots"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("sla-")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String post(AppProcess app, String user, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " → " + response.statusCode() + " " + response.body());
        }
        Matcher number = Pattern.compile("\"number\":\"(FD-[0-9-]+)\"").matcher(response.body());
        return number.find() ? number.group(1) : response.body();
    }
}
