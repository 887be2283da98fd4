package io.flowdesk.app.ui;

import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
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
 * Every view in headless Chromium, zh-CN and en, desktop and phone width (screenshots in target/screenshots),
 * and object-level checks through the views: another customer's ticket, another department's ticket, a partner's
 * masked view, a customer kept out of the workspace.
 */
class ViewsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyViewRendersInBothLanguagesAndSizesAndChecksObjects() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_views", 18093)) {
            app.start(true);
            String refund = post(app, "customer1", "/api/tickets", """
                    {"type":"ecommerce-refund","title":"鞋子尺码不对 Wrong shoe size","priority":"P2",
                     "data":{"orderNo":"TM-5566","refundAmount":329,"reason":"wrong-item",
                             "description":"买的42码收到40码","contactPhone":"13800001111"}}""");
            String review = task(app, refund);
            post(app, "agent1", "/api/tasks/" + review + "/complete", "{\"data\":{\"accepted\":true}}");
            String intercept = task(app, refund);
            post(app, "agent1", "/api/tasks/" + intercept + "/transfer",
                    "{\"user\":\"partner1\",\"reason\":\"由顺丰拦截 / SF intercepts\"}");
            post(app, "agent2", "/api/tickets/" + refund + "/comments",
                    "{\"text\":\"@agent1 客户很急，请优先处理\",\"internal\":true}");
            String incident = post(app, "customer2", "/api/tickets", """
                    {"type":"it-incident","title":"VPN cannot connect","priority":"P1",
                     "data":{"summary":"VPN drops every 5 minutes","category":"network","location":"Home office"}}""");

            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                for (int[] size : List.of(new int[] {1366, 900}, new int[] {412, 915})) {
                    String device = size[0] > 1000 ? "desktop" : "phone";
                    WebDriver driver = Browser.start(size[0], size[1], language);
                    try {
                        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                        // public pages
                        shot(driver, app, "/login", "to-portal", "login-" + tag + "-" + device);
                        shot(driver, app, "/portal/login", "to-signup", "portal-login-" + tag + "-" + device);
                        shot(driver, app, "/portal/signup", "signup-submit", "portal-signup-" + tag + "-" + device);
                        shot(driver, app, "/portal/guest", "guest-send", "portal-guest-" + tag + "-" + device);
                        shot(driver, app, "/portal/lookup", "lookup-send", "portal-lookup-" + tag + "-" + device);
                        // workspace as agent1
                        driver.get(app.baseUrl() + "/login");
                        Browser.login(driver, "agent1");
                        io.flowdesk.testing.Browser.click(driver, "tab-OPEN");
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-" + refund)));
                        screenshot(driver, "inbox-" + tag + "-" + device);
                        shot(driver, app, "/tickets/" + refund, "ticket-status", "ticket-" + tag + "-" + device);
                        shot(driver, app, "/tickets/new", "create-ticket", "new-ticket-" + tag + "-" + device);
                        driver.findElement(By.id("notifications")).click();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
                        screenshot(driver, "notifications-" + tag + "-" + device);
                        driver.manage().deleteAllCookies();
                        // portal as customer1
                        driver.get(app.baseUrl() + "/portal/login");
                        Browser.login(driver, "customer1");
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-" + refund)));
                        assertTrue(driver.findElements(By.id("my-" + incident)).isEmpty(), "only my tickets");
                        screenshot(driver, "portal-home-" + tag + "-" + device);
                        shot(driver, app, "/portal/new", "portal-submit", "portal-new-" + tag + "-" + device);
                        shot(driver, app, "/portal/tickets/" + refund, "portal-status",
                                "portal-ticket-" + tag + "-" + device);
                        assertFalse(driver.getPageSource().contains("客户很急"), "internal notes never reach the portal");
                        driver.manage().deleteAllCookies();
                    } catch (Throwable e) {
                        screenshot(driver, "views-failure-" + tag + "-" + device);
                        throw e;
                    } finally {
                        driver.quit();
                    }
                }
            }

            WebDriver driver = Browser.start(1366, 900, "zh-CN");
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                // customer B cannot open customer A's ticket, and customers stay out of the workspace
                driver.get(app.baseUrl() + "/portal/login");
                Browser.login(driver, "customer2");
                driver.get(app.baseUrl() + "/portal/tickets/" + refund);
                settle(driver);
                wait.until(d -> d.getPageSource().contains("不存在"));
                assertTrue(driver.findElements(By.id("portal-status")).isEmpty());
                driver.get(app.baseUrl() + "/tickets/" + refund);
                wait.until(ExpectedConditions.urlMatches(".*/portal$"));
                driver.manage().deleteAllCookies();

                // staff of another department cannot open the ticket
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "finance1");
                driver.get(app.baseUrl() + "/tickets/" + refund);
                settle(driver);
                wait.until(d -> d.getPageSource().contains("不存在"));
                assertTrue(driver.findElements(By.id("complete-task")).isEmpty());
                driver.manage().deleteAllCookies();

                // the partner sees their task, masked personal data, and nothing else
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "partner1");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-" + refund)));
                driver.get(app.baseUrl() + "/tickets/" + refund);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-phone")));
                assertTrue(driver.findElement(By.id("customer-phone")).getText().contains("138****1111"),
                        driver.findElement(By.id("customer-phone")).getText());
                assertFalse(driver.getPageSource().contains("13800001111"), "no unmasked phone anywhere on the page");
                screenshot(driver, "partner-ticket-zh-desktop");
                driver.get(app.baseUrl() + "/tickets/" + incident);
                settle(driver);
                wait.until(d -> d.getPageSource().contains("不存在"));
            } finally {
                driver.quit();
            }
        }
    }

    private static void shot(WebDriver driver, AppProcess app, String path, String mustHaveId, String name)
            throws Exception {
        driver.get(app.baseUrl() + path);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.id(mustHaveId)));
        settle(driver);
        screenshot(driver, name);
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
