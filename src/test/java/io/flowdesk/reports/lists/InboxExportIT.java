package io.flowdesk.reports.lists;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox export in headless Chromium (ADR 0040), zh-CN and en, desktop and phone: an agent with two claimed
 * tickets clicks the XLSX export of "my tasks" and gets a download link once the background job is done.
 */
class InboxExportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAgentExportsTheirInboxAndGetsADownloadLink() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_exports", 18240)) {
            app.start(true);
            for (String reason : List.of("damaged", "other")) {
                String number = send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"ecommerce-refund\","
                        + "\"priority\":\"P3\",\"title\":\"退款 " + reason + "\",\"customer\":{\"name\":\"测试客户\","
                        + "\"email\":\"c@example.com\"},\"data\":{\"orderNo\":\"E-" + reason + "\",\"refundAmount\":20,"
                        + "\"reason\":\"" + reason + "\"}}").path("number").asText();
                String task = send(app, "admin", "GET", "/api/tickets/" + number, null).path("openTasks").path(0)
                        .path("id").asText();
                send(app, "agent1", "POST", "/api/tasks/" + task + "/claim", "{}");
            }
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent1");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> !d.findElements(By.id("inbox-export-xlsx")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "inbox-export-desktop-" + tag);
                    Browser.click(driver, "inbox-export-xlsx");
                    // the job runs in the background: a loaded machine takes longer than a page wait
                    new WebDriverWait(driver, Duration.ofSeconds(120))
                            .until(d -> !d.findElements(By.id("export-link")).isEmpty());
                    String link = driver.findElement(By.id("export-link")).getText();
                    assertTrue(link.contains("inbox-mine.xlsx"), link);
                    assertTrue(link.contains(tag.equals("zh") ? "下载" : "Download"), link);
                    screenshot(driver, "inbox-export-desktop-link-" + tag);
                    driver.manage().window().setSize(new Dimension(390, 844));
                    Browser.settle(driver);
                    screenshot(driver, "inbox-export-phone-link-" + tag);
                    driver.navigate().refresh();
                    wait.until(d -> !d.findElements(By.id("inbox-export-csv")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "inbox-export-phone-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "inbox-export-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static JsonNode send(AppProcess app, String user, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Accept-Language", "en");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body());
    }
}
