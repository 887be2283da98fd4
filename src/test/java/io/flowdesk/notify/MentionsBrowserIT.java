package io.flowdesk.notify;

import static io.flowdesk.testing.Browser.screenshot;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The {@code @} picker in the note composer and the notification list in headless Chromium, zh-CN and en: typing
 * {@code @ag} offers agents, choosing one inserts {@code @agent2}, the posted note notifies agent2, whose bell links
 * to the ticket (opening it marks it read) and marks another one read on its own (screenshots in target/screenshots).
 */
class MentionsBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void mentionPickerAndNotificationLinks() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_mentions", 18101)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                String number = post(app, "customer1", "/api/tickets", """
                        {"type":"ecommerce-refund","title":"提及测试 mention test","priority":"P3",
                         "data":{"orderNo":"MN-1","refundAmount":20,"reason":"other"}}""");
                String marker = "please-look-" + tag;
                WebDriver driver = Browser.start(1366, 1000, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent1");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-text")));
                    Browser.settle(driver);
                    WebElement area = driver.findElement(By.cssSelector("#comment-text textarea"));
                    WebElement picker = driver.findElement(By.id("mention-picker"));
                    assertFalse(picker.isDisplayed());
                    ((JavascriptExecutor) driver).executeScript(
                            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", area);
                    area.sendKeys("@ag");
                    Browser.settle(driver);
                    wait.until(d -> d.findElement(By.id("mention-picker")).isDisplayed());
                    String offered = driver.findElement(By.id("mention-picker")).getText();
                    assertTrue(offered.contains(tag.equals("zh") ? "（@agent2）" : "(@agent2)"), offered);
                    assertTrue(offered.contains("@agent1"), offered);
                    assertFalse(offered.contains("@finance1") || offered.contains("@partner1"), offered);
                    // Escape closes it
                    area.sendKeys(Keys.ESCAPE);
                    Browser.settle(driver);
                    wait.until(d -> !d.findElement(By.id("mention-picker")).isDisplayed());
                    // typing on opens it again; choosing agent2 replaces "@age" with "@agent2 "
                    area.sendKeys("e");
                    Browser.settle(driver);
                    wait.until(d -> d.findElement(By.id("mention-picker")).isDisplayed());
                    ((JavascriptExecutor) driver).executeScript(
                            "document.getElementById('comment-text').scrollIntoView({block: 'start'});");
                    screenshot(driver, "mentions-picker-" + tag);
                    driver.findElement(By.cssSelector("#mention-picker [data-username=agent2]")).click();
                    Browser.settle(driver);
                    wait.until(d -> !d.findElement(By.id("mention-picker")).isDisplayed());
                    assertEquals("@agent2 ", area.getDomProperty("value"));
                    area.sendKeys(marker, Keys.TAB);
                    Browser.settle(driver);
                    Browser.click(driver, "comment-post");
                    wait.until(d -> d.findElement(By.id("timeline")).getText().contains("@agent2 " + marker));
                } catch (Throwable e) {
                    screenshot(driver, "mentions-failure-agent1-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
                // a second mention, to be marked read on its own
                post(app, "agent1", "/api/tickets/" + number + "/comments",
                        "{\"text\":\"@agent2 second-" + tag + "\",\"internal\":true}");

                driver = Browser.start(1366, 1000, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent2");
                    driver.get(app.baseUrl() + "/");
                    Browser.settle(driver);
                    driver.findElement(By.id("notifications")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
                    Browser.settle(driver);
                    WebElement noted = line(driver, marker);
                    WebElement second = line(driver, "second-" + tag);
                    assertTrue(noted.getAttribute("class").contains("fd-note-unread"));
                    String sentence = tag.equals("zh") ? "客服 Agent 1 在 " + number + " 中提到了你"
                            : "客服 Agent 1 mentioned you on " + number;
                    assertTrue(noted.getText().contains(sentence), noted.getText());
                    screenshot(driver, "mentions-notifications-" + tag);
                    // mark one read: only that one
                    second.findElement(By.cssSelector(".fd-mark-one-read")).click();
                    Browser.settle(driver);
                    assertTrue(line(driver, "second-" + tag).getAttribute("class").contains("fd-note-read"));
                    assertTrue(line(driver, marker).getAttribute("class").contains("fd-note-unread"));
                    String json = get(app, "agent2", "/api/notifications?limit=10");
                    assertTrue(readFlag(json, "second-" + tag), json);
                    assertFalse(readFlag(json, marker), json);
                    // the link opens the ticket and marks it read
                    line(driver, marker).findElement(By.cssSelector("a.fd-notification-link")).click();
                    wait.until(ExpectedConditions.urlContains("/tickets/" + number));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
                    Browser.settle(driver);
                    json = get(app, "agent2", "/api/notifications?limit=10");
                    assertTrue(readFlag(json, marker), json);
                } catch (Throwable e) {
                    screenshot(driver, "mentions-failure-agent2-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static WebElement line(WebDriver driver, String text) {
        return driver.findElements(By.cssSelector(".fd-notification")).stream().filter(e -> e.getText().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no notification with " + text));
    }

    /** Whether the notification whose text contains {@code text} is read, from the REST list. */
    private static boolean readFlag(String json, String text) {
        Matcher m = Pattern.compile("\\{[^{}]*" + Pattern.quote(text) + "[^{}]*\\}").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no notification with " + text + " in " + json);
        }
        return m.group().contains("\"read\":true");
    }

    private static String get(AppProcess app, String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
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
