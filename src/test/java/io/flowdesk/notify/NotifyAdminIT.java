package io.flowdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's notification setup in the browser (ADR 0028): the demo DingTalk robot of the supervisors and its test
 * message arriving signed at the demo sink; a webhook endpoint added, edited with its secret kept write-only,
 * disabled and deleted; the delivery log in words; and a person's digest and quiet-hour choices — at desktop and
 * phone width, in zh-CN and en.
 */
class NotifyAdminIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "it-s3cret-never-shown";

    @Test
    void adminsSetUpRobotsAndEndpointsAndPeopleChooseDigestsAndQuietHours() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_notifyadmin", 18195)) {
            app.env("FLOWDESK_SECRETS_KEY", "Zmxvd2Rlc2stZGV2LW9ubHkta2V5LTMyLWJ5dGVzISE=");
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                boolean zh = tag.equals("zh");
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "admin");
                    driver.get(app.baseUrl() + "/admin/notify");
                    wait.until(d -> !d.findElements(By.id("robot-list")).isEmpty());
                    Browser.settle(driver);
                    String body = text(driver);
                    assertTrue(body.contains("supervisors-dingtalk"), "the demo robot: " + body);
                    assertTrue(body.contains(zh ? "客服主管" : "Customer service supervisors"), body);
                    assertTrue(body.contains(zh ? "••• 已设置" : "••• set"), body);
                    Browser.screenshot(driver, "notify-setup-" + tag + "-desktop");

                    // the demo robot's test message reaches the demo sink, signed like DingTalk wants
                    int before = sink(app).split("\"signed\":true", -1).length;
                    Browser.click(driver, "robot-test-supervisors-dingtalk");
                    long until = System.currentTimeMillis() + 30_000;
                    while (sink(app).split("\"signed\":true", -1).length == before
                            && System.currentTimeMillis() < until) {
                        Thread.sleep(200);
                    }
                    String sink = sink(app);
                    assertTrue(sink.split("\"signed\":true", -1).length > before, sink);
                    assertTrue(sink.contains("测试消息"), "the robot speaks its own language (zh-CN): " + sink);

                    // an endpoint: add, edit (secret stays write-only), disable, delete
                    String key = "it-hook-" + tag;
                    Browser.click(driver, "endpoint-add");
                    Browser.type(driver, "endpoint-key", key);
                    Browser.type(driver, "endpoint-url", app.baseUrl() + "/api/public/demo/robot-sink?hook=" + tag);
                    Browser.type(driver, "endpoint-secret", SECRET);
                    Browser.type(driver, "endpoint-events", "TICKET_CREATED, STATUS_CHANGED");
                    Browser.click(driver, "endpoint-save");
                    wait.until(d -> text(d).contains(key));
                    assertFalse(driver.getPageSource().contains(SECRET), "the secret is never sent back");
                    assertFalse(driver.getPageSource().contains("hook=" + tag), "nor the URL");
                    Browser.click(driver, "endpoint-edit-" + key);
                    String placeholder = driver.findElement(By.id("endpoint-secret")).getDomAttribute("placeholder");
                    assertEquals(zh ? "••• 已设置" : "••• set", placeholder);
                    Browser.screenshot(driver, "notify-setup-endpoint-" + tag + "-desktop");
                    Browser.type(driver, "endpoint-events", "*");
                    Browser.click(driver, "endpoint-save");
                    Browser.click(driver, "endpoint-test-" + key);
                    long sent = System.currentTimeMillis() + 30_000;
                    while (!get(app, "admin", "/api/admin/deliveries?channel=webhook&status=sent").contains(
                            "\"recipient\":\"" + key + "\"") && System.currentTimeMillis() < sent) {
                        Thread.sleep(200);
                    }
                    assertTrue(get(app, "admin", "/api/admin/deliveries?channel=webhook&status=sent").contains(
                            "\"recipient\":\"" + key + "\""), "the signed test event was delivered");
                    Browser.click(driver, "endpoint-toggle-" + key);
                    wait.until(d -> d.findElement(By.id("endpoint-list")).getText().contains(zh ? "已停用" : "Off"));
                    String endpoints = get(app, "admin", "/api/admin/notify/endpoints");
                    assertTrue(endpoints.contains("\"key\":\"" + key + "\",\"events\":[\"*\"],\"enabled\":false"),
                            endpoints);
                    Browser.click(driver, "endpoint-delete-" + key);
                    Browser.click(driver, "confirm-delete-yes");
                    wait.until(d -> !d.findElement(By.id("endpoint-list")).getText().contains(key));

                    // the log names statuses, kinds and reasons in words
                    driver.get(app.baseUrl() + "/admin/deliveries");
                    wait.until(d -> !d.findElements(By.id("delivery-log")).isEmpty());
                    Browser.settle(driver);
                    String log = driver.findElement(By.id("delivery-log")).getText();
                    assertTrue(log.contains(zh ? "测试消息" : "Test message"), log);
                    assertTrue(log.contains(zh ? "已发送" : "Sent"), log);
                    Browser.screenshot(driver, "notify-deliveries-words-" + tag + "-desktop");
                } finally {
                    driver.quit();
                }

                // a person's digest and quiet hours
                String user = zh ? "agent1" : "agent2";
                WebDriver person = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(person, Duration.ofSeconds(30));
                    person.get(app.baseUrl() + "/login");
                    Browser.login(person, user);
                    person.get(app.baseUrl() + "/me/notifications");
                    wait.until(d -> !d.findElements(By.id("notification-schedule")).isEmpty());
                    Browser.settle(person);
                    Browser.choose(person, "pref-mode-mentioned", zh ? "每日摘要" : "Daily digest");
                    Browser.click(person, "pref-save");
                    Browser.radio(person, "quiet-mode", zh ? "指定时间段" : "From … to …");
                    wait.until(d -> d.findElement(By.id("quiet-from")).isDisplayed());
                    Browser.click(person, "schedule-save");
                    Browser.settle(person);
                    String prefs = get(app, user, "/api/me/notification-preferences");
                    assertTrue(prefs.contains("{\"event\":\"mentioned\",\"channel\":\"email\",\"enabled\":true,"
                            + "\"digest\":true,\"inherited\":false}"), prefs);
                    String schedule = get(app, user, "/api/me/notification-schedule");
                    assertTrue(schedule.contains("\"quiet\":\"window\",\"from\":\"22:00\",\"to\":\"08:00\""), schedule);
                    Browser.screenshot(person, "notify-prefs-" + tag + "-desktop");
                } finally {
                    person.quit();
                }

                // phone width
                for (String[] page : List.of(new String[] {"admin", "/admin/notify", "robot-list", "notify-setup"},
                        new String[] {user, "/me/notifications", "notification-schedule", "notify-prefs"})) {
                    WebDriver phone = Browser.start(390, 844, language);
                    try {
                        WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(30));
                        phone.get(app.baseUrl() + "/login");
                        Browser.login(phone, page[0]);
                        phone.get(app.baseUrl() + page[1]);
                        wait.until(d -> !d.findElements(By.id(page[2])).isEmpty());
                        Browser.settle(phone);
                        Browser.screenshot(phone, page[3] + "-" + tag + "-phone");
                    } finally {
                        phone.quit();
                    }
                }
            }
        }
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static String sink(AppProcess app) throws Exception {
        return get(app, "admin", "/api/public/demo/robot-sink");
    }

    private static String get(AppProcess app, String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return response.body();
    }
}
