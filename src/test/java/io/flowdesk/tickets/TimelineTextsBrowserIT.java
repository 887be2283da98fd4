package io.flowdesk.tickets;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ticket view's timeline and the notification list in headless Chromium, zh-CN and en: entries in the reader's
 * language, completed steps by field label and option name, no catalogue keys (screenshots in target/screenshots).
 */
class TimelineTextsBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void timelineAndNotificationsReadInTheUsersLanguage() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_texts", 18099)) {
            app.start(true);
            String number = post(app, "customer1", "/api/tickets", """
                    {"type":"ecommerce-refund","title":"耳机左耳无声 Left earbud silent","priority":"P3",
                     "data":{"orderNo":"TM-7788","refundAmount":199,"reason":"damaged",
                             "description":"左耳没有声音","contactPhone":"13800001111"}}""");
            String review = task(app, number);
            post(app, "agent1", "/api/tasks/" + review + "/complete",
                    "{\"data\":{\"accepted\":true,\"reviewNote\":\"质量问题，同意退款\"}}");
            String intercept = task(app, number);
            post(app, "agent1", "/api/tasks/" + intercept + "/transfer",
                    "{\"department\":\"finance\",\"reason\":\"先核对付款\"}");
            post(app, "agent2", "/api/tickets/" + number + "/comments",
                    "{\"text\":\"@agent1 客户很急，请优先处理\",\"internal\":true}");

            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                WebDriver driver = Browser.start(1366, 1000, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent1");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
                    Browser.settle(driver);
                    String timeline = driver.findElement(By.id("timeline")).getText();
                    if (tag.equals("zh")) {
                        assertTrue(timeline.contains("agent1 完成了步骤“客服受理”：是否受理：受理；受理意见：质量问题，同意退款"),
                                timeline);
                        assertTrue(timeline.contains("步骤“仓储拦截”已转交给 财务：先核对付款"), timeline);
                        assertTrue(timeline.contains("通过API创建工单") || timeline.contains("通过门户创建工单"), timeline);
                    } else {
                        assertTrue(timeline.contains("agent1 completed the step Agent review: Accept the refund?: Accept,"
                                + " Review note: 质量问题，同意退款"), timeline);
                        assertTrue(timeline.contains("Step Warehouse interception transferred to Finance: 先核对付款"),
                                timeline);
                        assertTrue(timeline.contains("Status Open → In progress"), timeline);
                        assertFalse(timeline.contains("步骤开始"), timeline);
                    }
                    assertFalse(timeline.contains("timeline.") || timeline.contains("accepted:"), timeline);
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "document.getElementById('timeline').scrollIntoView({block: 'start'});");
                    screenshot(driver, "texts-timeline-" + tag);
                    driver.findElement(By.id("notifications")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
                    Browser.settle(driver);
                    String page = driver.getPageSource();
                    String mention = tag.equals("zh") ? "客服 Agent 2 在 " + number + " 中提到了你"
                            : "客服 Agent 2 mentioned you on " + number;
                    assertTrue(page.contains(mention), "notification list lacks: " + mention);
                    screenshot(driver, "texts-notifications-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "texts-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
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

    private static String task(AppProcess app, String number) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tickets/"
                + number)).header("Authorization", AppProcess.basic("admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"openTasks\":\\[\\{\"id\":\"([^\"]+)\"").matcher(response.body());
        if (!id.find()) {
            throw new AssertionError("no open task on " + number + ": " + response.body());
        }
        return id.group(1);
    }
}
