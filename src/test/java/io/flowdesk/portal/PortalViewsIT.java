package io.flowdesk.portal;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import io.flowdesk.testing.Tickets;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer portal on a phone (390×844), in zh-CN and in English: the status lookup checks empty input field by
 * field; after sign-in (by e-mail in one language, by user name in the other) and after every navigation the
 * header still shows the user and Sign out; a ticket page has a way back, a summary with what was submitted and a
 * send button that says send; a resolved ticket is rated with the star buttons from the keyboard; a signed-in
 * customer is not offered guest access or sign-up; toasts show one at a time at the bottom.
 */
class PortalViewsIT {

    record Lang(String tag, String signInAs, String identifier, String send, String back, String type, String step,
            String stars3, String required, String ticketLabel, String replyEmpty, String badEmail) {
    }

    static final List<Lang> LANGS = List.of(
            new Lang("zh-CN", "customer1@example.com", "用户名或邮箱", "发送", "返回我的工单", "IT 故障报修", "诊断", "3 星",
                    "请填写工单号，例如 FD-2026-000123。", "工单号", "请先填写消息内容。", "请填写有效的邮箱地址。"),
            new Lang("en", "customer1", "User name or e-mail", "Send", "Back to My tickets", "IT incident", "Diagnosis",
                    "3 stars", "Enter the ticket number, e.g. FD-2026-000123.", "Ticket number", "Write your message first.",
                    "Enter a valid e-mail address."));

    @Test
    void thePortalOnAPhoneInBothLanguages() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_portal", 18096)) {
            app.start(true);
            RestAssured.baseURI = "http://localhost";
            RestAssured.port = URI.create(app.baseUrl()).getPort();
            String open = as("customer1").body(Tickets.body("it-incident", "P3", Map.of("summary", "邮箱收不到邮件",
                    "category", "account"))).post("/api/tickets").then().statusCode(201).extract().path("number");
            waitForTask(open, "incident-diagnosis");
            for (Lang lang : LANGS) {
                String resolved = resolvedTicket();
                walk(app, lang, open, resolved);
            }
        } finally {
            RestAssured.reset();
        }
    }

    private void walk(AppProcess app, Lang lang, String open, String resolved) throws Exception {
        String l = lang.tag().equals("en") ? "en" : "zh";
        WebDriver driver = Browser.start(390, 844, lang.tag());
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            JavascriptExecutor js = (JavascriptExecutor) driver;

            // status lookup, signed out: empty input is checked field by field
            driver.get(app.baseUrl() + "/portal/lookup");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-send")));
            assertEquals(lang.ticketLabel(), js.executeScript("return document.getElementById('lookup-number').label"));
            Browser.click(driver, "lookup-send");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('lookup-number').hasAttribute('invalid')")));
            assertEquals(lang.required(), js.executeScript("return document.getElementById('lookup-number').errorMessage"));
            assertTrue(Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('lookup-phone').hasAttribute('invalid')")));
            screenshot(driver, "portal-lookup-empty-phone-" + l);

            // toasts: one at a time, at the bottom, not over the header
            driver.get(app.baseUrl() + "/portal/guest");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#guest-email input")));
            Browser.type(driver, "guest-email", "not-an-address");
            Browser.click(driver, "guest-send");
            Browser.click(driver, "guest-send");
            wait.until(d -> ((Number) js.executeScript(
                    "return document.querySelectorAll('vaadin-notification-card').length")).intValue() >= 1);
            // the replaced toast may fade out for a moment; within 2 s exactly one stays (a pile would stay for 6 s)
            new WebDriverWait(driver, Duration.ofSeconds(2)).withMessage("one toast at a time").until(d -> ((Number) js
                    .executeScript(
                    "return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                            + ".filter(c => c.getBoundingClientRect().height > 0).length")).longValue() == 1L);
            Object toast = js.executeScript("const c = Array.from(document.querySelectorAll("
                    + "'vaadin-notification-card')).filter(c => c.getBoundingClientRect().height > 0)[0];"
                    + "return [c.getBoundingClientRect().top, c.innerText];");
            assertTrue(((Number) ((List<?>) toast).get(0)).doubleValue() > 844 / 2.0, "the toast is at the bottom: "
                    + toast);
            assertEquals(lang.badEmail(), String.valueOf(((List<?>) toast).get(1)).strip());
            screenshot(driver, "portal-guest-toast-phone-" + l);

            // sign-up checks speak the page's language
            driver.get(app.baseUrl() + "/portal/signup");
            Browser.click(driver, "signup-submit");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('signup-email').hasAttribute('invalid')")));
            assertEquals(lang.badEmail(), js.executeScript("return document.getElementById('signup-email').errorMessage"));
            screenshot(driver, "portal-signup-errors-phone-" + l);

            // sign-in: the field takes a user name or an e-mail, and says so
            driver.get(app.baseUrl() + "/portal");
            wait.until(ExpectedConditions.urlContains("/portal/login"));
            wait.until(d -> d.findElements(By.cssSelector("vaadin-login-form input[name=username]")).size() == 1);
            assertEquals(lang.identifier(), js.executeScript(
                    "return document.querySelector('vaadin-login-form vaadin-text-field[name=username]').label"));
            screenshot(driver, "portal-login-phone-" + l);
            Browser.login(driver, lang.signInAs());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-new")));
            assertHeader(driver, "after sign-in");
            screenshot(driver, "portal-home-phone-" + l);

            // navigation inside the portal keeps the header
            Browser.click(driver, "my-" + open);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-summary")));
            assertHeader(driver, "after opening a ticket");
            assertEquals(lang.send(), driver.findElement(By.id("portal-reply-send")).getText().strip());
            String summary = driver.findElement(By.id("portal-summary")).getText();
            assertTrue(summary.contains(lang.type()), summary);
            assertTrue(driver.findElement(By.id("summary-step")).getText().contains(lang.step()), summary);
            assertTrue(driver.findElement(By.id("summary-updated")).getText().matches("(?s).*\\d{4}-\\d{2}-\\d{2} "
                    + "\\d{2}:\\d{2}.*"), summary);
            assertFalse(driver.findElement(By.id("summary-expect")).getText().isBlank());
            Object submitted = js.executeScript("return Array.from(document.querySelectorAll('#portal-submitted *'))"
                    + ".map(e => typeof e.value === 'string' ? e.value : '').join('|')");
            assertTrue(String.valueOf(submitted).contains("邮箱收不到邮件"), "the submitted data is shown: " + submitted);
            assertTrue(Boolean.TRUE.equals(js.executeScript("return Array.from(document.querySelectorAll("
                    + "'#portal-submitted [readonly]')).length > 0")), "the submitted data is read-only");
            screenshot(driver, "portal-ticket-phone-" + l);
            js.executeScript("document.getElementById('portal-submitted').scrollIntoView({block: 'start'})");
            screenshot(driver, "portal-ticket-submitted-phone-" + l);

            // an empty reply is a field error, not a toast
            Browser.click(driver, "portal-reply-send");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('portal-reply').hasAttribute('invalid')")));
            assertEquals(lang.replyEmpty(), js.executeScript("return document.getElementById('portal-reply').errorMessage"));
            js.executeScript("document.getElementById('portal-reply').scrollIntoView({block: 'center'})");
            screenshot(driver, "portal-ticket-reply-phone-" + l);

            // the way back
            assertTrue(driver.findElement(By.id("portal-back")).getText().contains(lang.back()));
            Browser.click(driver, "portal-back");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-new")));
            assertHeader(driver, "after going back");

            // a resolved ticket: stars as buttons, chosen from the keyboard
            Browser.click(driver, "my-" + resolved);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csat-star-3")));
            assertHeader(driver, "after opening a resolved ticket");
            assertEquals(lang.stars3(), driver.findElement(By.id("csat-star-3")).getDomAttribute("aria-label"));
            assertEquals("BUTTON", driver.findElement(By.id("csat-star-3")).getTagName().toUpperCase());
            Browser.click(driver, "csat-submit");
            wait.until(d -> !d.findElement(By.id("csat-rating-error")).getText().isBlank());
            WebElement four = driver.findElement(By.id("csat-star-4"));
            js.executeScript("arguments[0].focus()", four);
            four.sendKeys(Keys.SPACE);
            settle(driver);
            wait.until(d -> "true".equals(d.findElement(By.id("csat-star-4")).getDomAttribute("aria-pressed")));
            assertEquals("false", driver.findElement(By.id("csat-star-5")).getDomAttribute("aria-pressed"));
            screenshot(driver, "portal-rating-phone-" + l);
            Browser.click(driver, "csat-submit");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csat-done")));
            assertTrue(driver.findElement(By.id("csat-done")).getText().contains("4"));
            assertEquals(4, (int) as("agent1").get("/api/tickets/" + resolved + "/csat").then().statusCode(200)
                    .extract().path("rating"));
            screenshot(driver, "portal-rated-phone-" + l);

            // signed in: no guest access, no sign-up, no second sign-in
            for (String page : List.of("portal/guest", "portal/signup", "portal/login")) {
                driver.get(app.baseUrl() + "/" + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-new")));
                assertTrue(driver.getCurrentUrl().endsWith("/portal"), page + " -> " + driver.getCurrentUrl());
                assertTrue(driver.findElements(By.id("to-guest")).isEmpty());
                assertTrue(driver.findElements(By.id("guest-email")).isEmpty());
                assertTrue(driver.findElements(By.id("signup-email")).isEmpty());
                assertHeader(driver, "after a reload of " + page);
            }
        } catch (Throwable e) {
            screenshot(driver, "portal-failure-" + l);
            throw e;
        } finally {
            driver.quit();
        }
    }

    private static void assertHeader(WebDriver driver, String when) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(
                "portal-user")));
        assertEquals("张三 Customer 1", driver.findElement(By.id("portal-user")).getText().strip(), when);
        assertTrue(driver.findElement(By.id("portal-logout")).isDisplayed(), "Sign out " + when);
    }

    /** A ticket of customer1 walked to resolved through the API. */
    private static String resolvedTicket() throws Exception {
        String number = as("customer1").body(Tickets.body("it-incident", "P3", Map.of("summary", "显示器闪烁",
                "category", "hardware"))).post("/api/tickets").then().statusCode(201).extract().path("number");
        complete(worker(number, "incident-diagnosis", "agent2"), waitForTask(number, "incident-diagnosis"), Map.of("diagnosis", "线缆老化")).then()
                .statusCode(200);
        complete(worker(number, "incident-repair", "agent2"), waitForTask(number, "incident-repair"), Map.of("actionTaken", "更换线缆")).then()
                .statusCode(200);
        complete(worker(number, "incident-acceptance", "agent1"), waitForTask(number, "incident-acceptance"), Map.of("fixed", true)).then().statusCode(200);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"RESOLVED".equals(as("customer1").get("/api/tickets/" + number).then().extract().path("status"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(number + " did not resolve");
            }
            Thread.sleep(200);
        }
        return number;
    }

    /** Who works the step: its assignee when routing gave it to someone, else the given colleague (who claims). */
    private static String worker(String number, String formKey, String fallback) throws Exception {
        waitForTask(number, formKey);
        // the routing consumer assigns within a poll or two of the step's start
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                    .extract().path("openTasks");
            Object assignee = tasks.stream().filter(t -> formKey.equals(t.get("formKey"))).findFirst().orElseThrow()
                    .get("assignee");
            if (assignee instanceof String name && !name.isBlank()) {
                return name;
            }
            Thread.sleep(300);
        }
        return fallback;
    }

    private static String waitForTask(String number, String formKey) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                    .extract().path("openTasks");
            var task = tasks.stream().filter(t -> formKey.equals(t.get("formKey"))).findFirst();
            if (task.isPresent()) {
                return (String) task.get().get("id");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no open task " + formKey + " on " + number);
            }
            Thread.sleep(200);
        }
    }
}
