package io.flowdesk.app.ui;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium against the packaged app: sign in, see the home page with the queue, switch language. */
class LoginBrowserIT {

    @Test
    void agentSignsInAndSeesTheirQueueInBothLanguages() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_ui", 18091)) {
            app.start(true);
            String number = createRefundTicket(app);
            WebDriver driver = Browser.start(1280, 860);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(app.baseUrl() + "/");
                wait.until(ExpectedConditions.urlContains("/login"));
                wait.until(d -> d.findElements(By.cssSelector("vaadin-login-form input[name=username]")).size() == 1);
                Browser.screenshot(driver, "login-zh");

                driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys("agent1");
                driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("wrong");
                driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
                wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.querySelector('vaadin-login-form').error")));

                WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name=password]"));
                password.clear();
                password.sendKeys("demo");
                driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
                io.flowdesk.testing.Browser.click(driver, "tab-QUEUE");
                String who = driver.findElement(By.id("signed-in-as")).getText();
                assertTrue(who.contains("Agent 1"), who);
                assertTrue(driver.getPageSource().contains("我的任务"), "home page in zh-CN");
                wait.until(d -> gridText(d, "inbox-grid").contains(number));
                Browser.screenshot(driver, "home-zh");

                // switch to English
                io.flowdesk.testing.Browser.choose(driver, "language", "English");
                wait.until(d -> d.getPageSource().contains("My tasks"));
                io.flowdesk.testing.Browser.click(driver, "tab-QUEUE");
                wait.until(d -> gridText(d, "inbox-grid").contains(number));
                assertTrue(driver.findElement(By.id("logout")).getText().contains("Sign out"));
                Browser.screenshot(driver, "home-en");

                driver.findElement(By.id("logout")).click();
                wait.until(ExpectedConditions.urlContains("/login"));
                Browser.screenshot(driver, "login-en");
            } catch (Throwable e) {
                Browser.screenshot(driver, "failure-login-it");
                throw e;
            } finally {
                driver.quit();
            }
        }
    }

    private static String gridText(WebDriver driver, String id) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const g = document.getElementById(arguments[0]); return g ? g.innerText + ' ' +"
                        + " Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join(' ')"
                        + " : ''", id);
        return String.valueOf(text);
    }

    private static String createRefundTicket(AppProcess app) throws Exception {
        String body = """
                {"type":"ecommerce-refund","title":"耳机退款 Headphones refund","priority":"P2",
                 "customer":{"name":"王小明","phone":"13800001234"},
                 "data":{"orderNo":"JD-2026-0001","refundAmount":199,"reason":"damaged",
                         "description":"左耳没有声音","contactPhone":"13800001234"}}""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app.baseUrl() + "/api/tickets")).header("Authorization", AppProcess.basic("agent1"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("could not create the ticket: " + response.body());
        }
        return response.body().replaceAll(".*\"number\":\"(FD-[0-9-]+)\".*", "$1");
    }
}
