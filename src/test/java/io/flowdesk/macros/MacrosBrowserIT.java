package io.flowdesk.macros;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent searches the macros from the reply box, sees the reply filled in for the ticket, applies it with one
 * click, and the reply and the {@code MACRO_APPLIED} entry appear on the timeline; then the management page. In
 * headless Chromium, zh-CN and en, desktop (1366x900) and phone (390x844); screenshots in target/screenshots.
 */
class MacrosBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void agentSearchesAppliesAndSeesTheTimeline() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_macros", 18190)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
                    String tag = (language.equals("zh-CN") ? "zh" : "en") + "-" + (size[0] > 800 ? "desktop"
                            : "phone");
                    walk(app, language, size, tag);
                }
            }
        }
    }

    private static void walk(AppProcess app, String language, int[] size, String tag) throws Exception {
        boolean zh = language.equals("zh-CN");
        // no customer account: a public reply follows the agent's language
        String number = post(app, "agent1", "/api/tickets", """
                {"type":"ecommerce-refund","title":"宏测试 macro test","priority":"P3",
                 "customer":{"name":"王五","email":"wang.macro@example.com","phone":"13700001111"},
                 "data":{"orderNo":"MC-1","refundAmount":20,"reason":"other","contactPhone":"13700001111"}}""");
        WebDriver driver = Browser.start(size[0], size[1], language);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "agent1");
            driver.get(app.baseUrl() + "/tickets/" + number);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("macro-toggle")));
            Browser.settle(driver);
            Browser.click(driver, "macro-toggle");
            wait.until(d -> d.findElement(By.id("macro-search")).isDisplayed());
            WebElement search = driver.findElement(By.cssSelector("#macro-search input"));
            search.sendKeys(zh ? "订单" : "ORDER num");
            Browser.settle(driver);
            wait.until(d -> d.findElements(By.cssSelector("#macro-results .fd-macro-option")).size() == 1);
            WebElement option = driver.findElement(By.cssSelector("#macro-results .fd-macro-option"));
            assertEquals("ask-order-number", option.getAttribute("data-key"));
            assertEquals(zh ? "请提供订单号" : "Ask for the order number", option.getText());
            option.click();
            Browser.settle(driver);
            wait.until(d -> d.findElement(By.id("macro-preview")).isDisplayed());
            String preview = driver.findElement(By.id("macro-preview-text")).getText();
            String reply = zh ? "王五，您好！为了尽快处理工单 " + number + "，请回复您的订单号。谢谢！— 客服 Agent 1"
                    : "Hello 王五, to handle ticket " + number
                            + " quickly, please reply with your order number. Thank you! — 客服 Agent 1";
            assertEquals(reply, preview);
            String effects = driver.findElement(By.id("macro-preview")).getText();
            assertTrue(effects.contains(zh ? "状态改为等待客户" : "status set to Waiting for customer"), effects);
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('macro-picker').scrollIntoView({block: 'start'});");
            screenshot(driver, "macros-picker-" + tag);

            Browser.click(driver, "macro-apply");
            String applied = zh ? "已应用宏“请提供订单号”：状态改为等待客户；已发送公开回复"
                    : "Macro “Ask for the order number” applied: status set to Waiting for customer; public reply "
                            + "posted";
            wait.until(d -> d.findElement(By.id("timeline")).getText().contains(applied));
            String timeline = driver.findElement(By.id("timeline")).getText();
            assertTrue(timeline.contains(reply), timeline);
            assertEquals(zh ? "等待客户" : "Waiting for customer", driver.findElement(By.id("ticket-status")).getText());
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('timeline').scrollIntoView({block: 'start'});");
            screenshot(driver, "macros-applied-" + tag);

            // the management page: the shipped shared macros, and a personal one created here
            driver.get(app.baseUrl() + "/me/macros");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("macro-list")));
            Browser.settle(driver);
            assertTrue(driver.findElement(By.id("macro-list")).getText().contains(zh ? "已解决并关闭"
                    : "Resolved — closing"));
            Browser.click(driver, "macro-new");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("macro-nameZh")));
            Browser.settle(driver);
            Browser.click(driver, "macro-save");
            wait.until(d -> d.findElements(By.cssSelector("#macro-nameZh[invalid]")).size() == 1);
            String error = driver.findElement(By.id("macro-nameZh")).getAttribute("errorMessage");
            assertEquals(zh ? "请填写名称" : "Name is required", error);
            screenshot(driver, "macros-dialog-" + tag);
            String name = "快捷 " + tag;
            Browser.type(driver, "macro-nameZh", name);
            Browser.type(driver, "macro-nameEn", "Quick " + tag);
            Browser.type(driver, "macro-replyZh", "稍等，{{customer.name}}");
            Browser.click(driver, "macro-save");
            wait.until(d -> d.findElements(By.id("macro-dialog")).isEmpty()
                    || !d.findElement(By.id("macro-dialog")).isDisplayed());
            wait.until(d -> d.findElement(By.id("macro-list")).getText().contains(zh ? name : "Quick " + tag));
            screenshot(driver, "macros-manage-" + tag);
        } catch (Throwable e) {
            screenshot(driver, "macros-failure-" + tag);
            throw e;
        } finally {
            driver.quit();
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
