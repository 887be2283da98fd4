package io.flowdesk.conversion;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent converts a general inquiry into an e-commerce refund from the ticket page, in headless Chromium, zh-CN
 * and en: the refund's start form is shown filled from what the ticket knows, the missing fields are named and
 * refused until filled, and after converting the ticket keeps its number, shows the refund's first step and says
 * on its timeline that it was converted.
 */
class ConversionBrowserIT {

    @Test
    void anAgentConvertsATicketFromItsPage() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_conversion", 18341)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                String number = inquiry(app);
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "agent1");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    Browser.settle(driver);
                    Browser.click(driver, "convert-open");
                    wait.until(d -> !d.findElements(By.id("convert-dialog")).isEmpty());
                    Browser.choose(driver, "convert-target", zh ? "电商售后退款" : "E-commerce refund");
                    wait.until(d -> !d.findElements(By.id("field-orderNo")).isEmpty());
                    assertEquals("收到的杯子碎了", value(driver, "field-description"), "carried from the inquiry");
                    assertEquals("13812345678", value(driver, "field-contactPhone"), "the ticket's contact");
                    String missing = driver.findElement(By.id("convert-missing")).getText();
                    assertEquals(zh ? "还需填写：订单号、退款金额（元）、退款原因"
                            : "Still to fill in: Order number, Refund amount (CNY), Reason", missing);
                    screenshot(driver, "conversion-form-" + tag);

                    Browser.type(driver, "field-orderNo", "CV-" + tag);
                    Browser.click(driver, "convert-confirm");
                    // the dialog scrolls: the text is read from the DOM, not from what is in view
                    String errors = (String) ((JavascriptExecutor) driver).executeScript(
                            "return document.getElementById('convert-errors').textContent");
                    assertTrue(errors.contains(zh ? "退款金额（元）" : "Refund amount (CNY)"), errors);
                    assertTrue(Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                            "return document.getElementById('field-refundAmount').invalid")), "marked on the field");
                    assertEquals("general-inquiry", send(app, "agent1", "GET", "/api/tickets/" + number, null)
                            .path("type").asText(), "nothing converted yet");
                    screenshot(driver, "conversion-missing-" + tag);

                    Browser.type(driver, "field-refundAmount", "59");
                    Browser.choose(driver, "field-reason", zh ? "商品损坏" : "Damaged");
                    Browser.click(driver, "convert-confirm");
                    wait.until(d -> d.findElements(By.id("convert-dialog")).isEmpty());
                    wait.until(d -> d.findElement(By.id("timeline")).getText().contains(zh
                            ? "已从「一般咨询」转换为「电商售后退款」" : "Converted from General inquiry to E-commerce refund"));
                    Browser.settle(driver);
                    assertTrue(driver.findElement(By.id("ticket-number")).getText().contains(number));
                    JsonNode ticket = send(app, "agent1", "GET", "/api/tickets/" + number, null);
                    assertEquals("ecommerce-refund", ticket.path("type").asText());
                    assertEquals("CV-" + tag, ticket.path("data").path("orderNo").asText());
                    screenshot(driver, "conversion-done-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "conversion-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            String number = inquiry(app);
            assertFalse(Browser.sees(app, "customer1", "/tickets/" + number, "convert-open"));
        }
    }

    private static String value(WebDriver driver, String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0])"
                + ".value", id);
    }

    private static String inquiry(AppProcess app) throws Exception {
        String number = send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"general-inquiry\",\"priority\":"
                + "\"P3\",\"title\":\"包裹破损想退款\",\"customer\":{\"name\":\"张三\",\"email\":\"c@example.com\","
                + "\"phone\":\"13812345678\"},\"data\":{\"title\":\"包裹破损想退款\",\"description\":\"收到的杯子碎了\"}}")
                .path("number").asText();
        long end = System.nanoTime() + 30_000_000_000L;
        while (send(app, "agent1", "GET", "/api/tickets/" + number, null).path("openTasks").isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(number + " has no open step");
            }
            Thread.sleep(100);
        }
        return number;
    }
}
