package io.flowdesk.portal;

import static io.flowdesk.testing.Browser.choose;
import static io.flowdesk.testing.Browser.radio;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static io.flowdesk.testing.Browser.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole story in headless Chromium: a customer submits a refund in the portal (phone width); an agent claims it
 * from the department queue and completes 客服受理 (a validation error first, then fixed); warehouse and finance
 * complete their steps; the customer sees it resolved and rates it 5; the rating is on the ticket.
 */
class RefundStoryIT {

    @Test
    void customerToAgentToWarehouseToFinanceAndBack() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_story", 18092)) {
            app.start(true);
            String number;
            WebDriver customer = Browser.start(412, 915, "zh-CN");
            try {
                WebDriverWait wait = new WebDriverWait(customer, Duration.ofSeconds(30));
                customer.get(app.baseUrl() + "/portal");
                wait.until(ExpectedConditions.urlContains("/portal/login"));
                login(customer, "customer1");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-new")));
                screenshot(customer, "story-01-portal-home-phone-zh");
                customer.findElement(By.id("portal-new")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-type")));
                choose(customer, "ticket-type", "电商售后退款");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-orderNo")));
                type(customer, "ticket-title", "耳机左耳无声，申请退款");
                type(customer, "field-orderNo", "JD-20261123-7788");
                type(customer, "field-refundAmount", "199");
                choose(customer, "field-reason", "商品损坏");
                type(customer, "field-description", "收到两天左耳就没有声音了");
                type(customer, "field-contactPhone", "13800001111");
                screenshot(customer, "story-02-portal-new-phone-zh");
                customer.findElement(By.id("portal-submit")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-ticket-number")));
                number = customer.findElement(By.id("portal-ticket-number")).getText().strip();
                assertTrue(number.matches("FD-\\d{4}-\\d{6}"), number);
                screenshot(customer, "story-03-portal-ticket-phone-zh");
            } catch (Throwable e) {
                screenshot(customer, "story-failure-customer");
                throw e;
            } finally {
                customer.quit();
            }

            WebDriver agent = Browser.start(1366, 900, "zh-CN");
            try {
                WebDriverWait wait = new WebDriverWait(agent, Duration.ofSeconds(30));
                agent.get(app.baseUrl() + "/login");
                login(agent, "agent1");
                io.flowdesk.testing.Browser.click(agent, "tab-QUEUE");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-" + number)));
                screenshot(agent, "story-04-inbox-queue-zh");
                agent.findElement(By.id("claim-" + number)).click();
                settle(agent);
                agent.get(app.baseUrl() + "/tickets/" + number);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complete-task")));
                agent.findElement(By.id("complete-task")).click();
                settle(agent);
                wait.until(d -> !d.findElement(By.id("form-errors")).getText().isBlank());
                assertTrue(Boolean.TRUE.equals(((JavascriptExecutor) agent).executeScript(
                        "return document.getElementById('field-accepted').hasAttribute('invalid')")),
                        "the missing decision is marked on its field");
                screenshot(agent, "story-05-validation-error-zh");
                radio(agent, "field-accepted", "受理");
                type(agent, "field-reviewNote", "符合七天无理由退货");
                agent.findElement(By.id("complete-task")).click();
                settle(agent);
                wait.until(d -> d.findElement(By.id("ticket-step")).getText().contains("仓储拦截"));
                screenshot(agent, "story-06-after-review-zh");
            } catch (Throwable e) {
                screenshot(agent, "story-failure-agent");
                throw e;
            } finally {
                agent.quit();
            }

            completeAs(app, "warehouse1", number, "field-intercepted", "已拦截/已收到退货", null, null, "story-07-warehouse");
            completeAs(app, "finance1", number, null, null, "199", "PAY-20261123-001", "story-08-finance");

            WebDriver back = Browser.start(412, 915, "zh-CN");
            try {
                WebDriverWait wait = new WebDriverWait(back, Duration.ofSeconds(30));
                back.get(app.baseUrl() + "/portal/login");
                login(back, "customer1");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-" + number))).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-status")));
                assertEquals("已解决", back.findElement(By.id("portal-status")).getText().strip());
                Browser.click(back, "csat-star-5");
                type(back, "csat-comment", "处理很快，谢谢！");
                back.findElement(By.id("csat-submit")).click();
                settle(back);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csat-done")));
                screenshot(back, "story-09-rated-phone-zh");
            } catch (Throwable e) {
                screenshot(back, "story-failure-rating");
                throw e;
            } finally {
                back.quit();
            }

            HttpResponse<String> rating = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    app.baseUrl() + "/api/tickets/" + number + "/csat")).header("Authorization",
                            AppProcess.basic("agent1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, rating.statusCode());
            assertTrue(rating.body().contains("\"rating\":5"), rating.body());
        }
    }

    static void login(WebDriver driver, String user) {
        Browser.login(driver, user);
    }

    private static void completeAs(AppProcess app, String user, String number, String radioId, String radioLabel,
            String amount, String reference, String shot) throws Exception {
        WebDriver driver = Browser.start(1024, 900, "zh-CN");
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            login(driver, user);
            io.flowdesk.testing.Browser.click(driver, "tab-QUEUE");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-" + number))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complete-task")));
            if (radioId != null) {
                radio(driver, radioId, radioLabel);
            }
            if (amount != null) {
                type(driver, "field-refundedAmount", amount);
                type(driver, "field-paymentReference", reference);
            }
            screenshot(driver, shot + "-zh");
            driver.findElement(By.id("complete-task")).click();
            settle(driver);
            wait.until(d -> d.findElements(By.id("complete-task")).isEmpty()
                    || !d.findElement(By.id("ticket-step")).getText().contains(user.startsWith("warehouse") ? "仓储"
                            : "财务"));
        } catch (Throwable e) {
            screenshot(driver, shot + "-failure");
            throw e;
        } finally {
            driver.quit();
        }
    }
}
