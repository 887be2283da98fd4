package io.flowdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * agent2 keeps the inbox open; agent1 mentions agent2 on a ticket; agent2's bell count goes up without a reload or
 * a navigation (a page-level marker set before survives), in zh-CN and en.
 */
class LiveBellBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theBellCountsAMentionWithoutReloading() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_bell", 18143)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                String number = post(app, "agent1", "/api/tickets", """
                        {"type":"it-incident","title":"Bell %s","priority":"P3",
                         "customer":{"name":"Bell Tester","email":"bell@example.com"},
                         "data":{"summary":"Printer down","category":"hardware","location":"3F"}}""".formatted(tag));
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent2");
                    wait.until(d -> !d.findElements(By.id("notifications")).isEmpty());
                    Browser.settle(driver);
                    int before = count(driver);
                    ((JavascriptExecutor) driver).executeScript("window.__fdStillHere = 'yes';");

                    long posted = System.nanoTime();
                    post(app, "agent1", "/api/tickets/" + number + "/comments",
                            "{\"text\":\"@agent2 live bell " + tag + "\",\"internal\":true}");
                    // pushed (ADR 0033): well within the poll's 3 s; the badge may be redrawn while it is read
                    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                            .until(d -> count(d) == before + 1);
                    System.out.printf("live bell %s: badge after %d ms%n", tag, (System.nanoTime() - posted) / 1_000_000);
                    assertEquals("yes", ((JavascriptExecutor) driver).executeScript("return window.__fdStillHere;"),
                            "the page was not reloaded");
                    Browser.screenshot(driver, "notify-live-bell-" + tag);
                    driver.findElement(By.id("notification-settings")).click();
                    wait.until(d -> !d.findElements(By.id("notification-preferences")).isEmpty());
                    Browser.settle(driver);
                    Browser.screenshot(driver, "notify-preferences-" + tag);
                } finally {
                    driver.quit();
                }
                WebDriver adminDriver = Browser.start(1366, 1000, language);
                try {
                    WebDriverWait wait = new WebDriverWait(adminDriver, Duration.ofSeconds(30));
                    adminDriver.get(app.baseUrl() + "/login");
                    Browser.login(adminDriver, "admin");
                    adminDriver.get(app.baseUrl() + "/admin/deliveries");
                    wait.until(d -> !d.findElements(By.id("delivery-log")).isEmpty());
                    Browser.settle(adminDriver);
                    String text = adminDriver.findElement(By.tagName("body")).getText();
                    assertEquals(true, text.contains(tag.equals("zh") ? "通知投递记录" : "Notification deliveries"), text);
                    Browser.screenshot(adminDriver, "notify-deliveries-" + tag);
                } finally {
                    adminDriver.quit();
                }
            }
        }
    }

    private static int count(WebDriver driver) {
        var badge = driver.findElements(By.id("notification-count"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().trim());
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
