package io.flowdesk.tickets;

import static io.flowdesk.testing.Browser.choose;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static io.flowdesk.testing.Browser.type;
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
 * The Transfer button clicked in headless Chromium, in zh-CN and en: the dialog opens, a transfer to a department
 * and one to a person complete, and the page shows the new queue or assignee and the timeline entry. A partner's
 * view of the ticket shows no internal note of staff and no way to reply to the customer.
 */
class TransferDialogIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void transferToADepartmentAndToAPersonThroughTheDialog() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_transfer", 18097)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                boolean zh = tag.equals("zh");
                String number = post(app, "agent1", "/api/tickets", """
                        {"type":"ecommerce-refund","title":"转交测试 Transfer test","priority":"P3",
                         "customer":{"name":"张三","phone":"13800001111"},
                         "data":{"orderNo":"TR-1","refundAmount":30,"reason":"other"}}""");
                post(app, "agent2", "/api/tickets/" + number + "/comments",
                        "{\"text\":\"客户情绪激动 INTERNAL-REMARK\",\"internal\":true}");
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-task")));
                    Browser.click(driver, "transfer-task");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-department")));
                    choose(driver, "transfer-department", zh ? "IT 支持" : "IT support");
                    type(driver, "transfer-reason", "需要 IT 协助 / needs IT");
                    screenshot(driver, "transfer-dialog-" + tag);
                    Browser.click(driver, "transfer-confirm");
                    wait.until(d -> d.findElement(By.id("timeline")).getText().contains("it-support")
                            || d.findElement(By.id("timeline")).getText().contains(zh ? "IT 支持" : "IT support"));
                    String step = driver.findElement(By.cssSelector(".fd-step")).getText();
                    assertTrue(step.contains(zh ? "IT 支持" : "IT support"), step);
                    screenshot(driver, "transfer-after-department-" + tag);

                    Browser.click(driver, "transfer-task");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-user")));
                    choose(driver, "transfer-user", "顺丰物流 SF Partner (partner1)");
                    type(driver, "transfer-reason", "由物流伙伴拦截 / partner intercepts");
                    Browser.click(driver, "transfer-confirm");
                    wait.until(d -> d.findElement(By.id("ticket-step")).getText().contains("partner1"));
                    // the timeline names the person as people read it: their display name
                    wait.until(d -> d.findElement(By.id("timeline")).getText().contains("顺丰物流 SF Partner"));
                    screenshot(driver, "transfer-after-person-" + tag);

                    // the priority change names its missing reason on the field
                    Browser.click(driver, "change-priority");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("priority-reason")));
                    Browser.click(driver, "priority-confirm");
                    wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "return document.getElementById('priority-reason').hasAttribute('invalid')")));
                    screenshot(driver, "priority-field-error-" + tag);
                    type(driver, "priority-reason", "客户催单 / customer chased");
                    Browser.click(driver, "priority-confirm");
                    wait.until(ExpectedConditions.numberOfElementsToBe(By.id("priority-reason"), 0));
                    driver.get(app.baseUrl() + "/");
                    Browser.click(driver, "tab-OPEN");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-" + number)));
                    screenshot(driver, "inbox-open-" + tag);
                    driver.manage().deleteAllCookies();

                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "partner1");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-text")));
                    settle(driver);
                    assertTrue(!driver.getPageSource().contains("INTERNAL-REMARK"), "no internal note of staff");
                    assertTrue(driver.findElements(By.id("comment-internal")).stream().noneMatch(e -> e.isDisplayed()),
                            "no way to untick internal");
                    screenshot(driver, "partner-ticket-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "transfer-failure-" + tag);
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
}
