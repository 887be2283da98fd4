package io.flowdesk.sla.ui;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin opens admin/sla, creates a policy with a first-response target and a warning level, moves it above the
 * fallback and saves; the REST API answers the list in that order. A target of 0 minutes is named on its field in
 * the reader's language; agent1 is refused the route. On a 390 px phone the shell header keeps the language switch
 * on screen next to the availability switch. zh-CN and en, desktop and phone.
 */
class SlaPolicyViewIT {

    private static final Path SHOTS = Path.of("/work/shots/slaview");

    @Test
    void anAdminCreatesAndOrdersAPolicyAndTheApiAnswersThatOrder() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_slaview", 18120)) {
            app.start(true);
            for (String language : List.of("en", "zh-CN")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    createAndMoveUp(app, driver, zh, "it-" + tag, tag + "-desktop");
                } catch (Throwable e) {
                    screenshot(driver, "slaview-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
                phone(app, language, tag);
                refused(app, language);
            }
        }
    }

    private static void createAndMoveUp(AppProcess app, WebDriver driver, boolean zh, String key, String shot)
            throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        List<String> before = keys(app);
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, "admin");
        driver.get(app.baseUrl() + "/admin/sla");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-grid")));
        Browser.settle(driver);
        keep(screenshot(driver, "slaview-" + shot), shot);
        Browser.click(driver, "sla-new");
        type(driver, "sla-key", key);
        type(driver, "sla-name-zh", "网页测试");
        type(driver, "sla-name-en", "Web test");
        // applies to P4 tickets only
        js(driver, "Array.from(document.querySelectorAll('#sla-priorities vaadin-checkbox'))"
                + ".find(c => c.textContent.trim() === 'P4').click()");
        Browser.settle(driver);
        Browser.click(driver, "sla-FIRST_RESPONSE-set");
        type(driver, "sla-FIRST_RESPONSE-minutes", "0");
        Browser.click(driver, "sla-FIRST_RESPONSE-add-rung");
        Browser.choose(driver, "sla-FIRST_RESPONSE-rung-0-action-0-to", zh ? "处理人" : "Assignee");
        Browser.click(driver, "sla-save");
        // a bad value is named on its field by its label, in the reader's language; nothing is stored
        wait.until(d -> js(d, "return document.getElementById('sla-FIRST_RESPONSE-minutes').invalid") == Boolean.TRUE);
        assertEquals(zh ? "目标分钟数须在 1 到 525600 之间" : "Target minutes must be between 1 and 525600",
                js(driver, "return document.getElementById('sla-FIRST_RESPONSE-minutes').errorMessage"));
        assertEquals(before, keys(app));
        keep(screenshot(driver, "slaview-error-" + shot), "error-" + shot);
        type(driver, "sla-FIRST_RESPONSE-minutes", "30");
        Browser.click(driver, "sla-up");
        Browser.click(driver, "sla-save");
        wait.until(d -> !d.findElement(By.id("sla-unsaved")).isDisplayed());
        assertEquals(zh ? "正在后台按已保存的策略重新计算未结工单；截止时间变动的工单会在时间线上注明。"
                : "Open tickets are being recomputed with the saved policies in the background; a ticket whose "
                        + "deadline moves says so on its timeline.",
                js(driver, "return document.getElementById('sla-recompute').textContent"));
        // appended after the fallback, then moved up once: it now sits right above it
        List<String> expected = new ArrayList<>(before);
        expected.add(expected.size() - 1, key);
        assertEquals(expected, keys(app));
        JsonNode saved = policy(app, key);
        assertEquals("[\"P4\"]", saved.path("conditions").path("priorities").toString());
        assertEquals(30, saved.path("targets").path("FIRST_RESPONSE").path("minutes").asInt());
        JsonNode rung = saved.path("targets").path("FIRST_RESPONSE").path("ladder").path(0);
        assertEquals("warning", rung.path("level").asText());
        assertEquals(80, rung.path("percent").asInt());
        assertEquals("assignee", rung.path("actions").path(0).path("to").asText());
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('sla-FIRST_RESPONSE-rung-0-level').scrollIntoView({block: 'center'})");
        keep(screenshot(driver, "slaview-ladder-" + shot), "ladder-" + shot);
        // customer tiers and organisations have a page too: the demo's VIP organisation is listed
        driver.get(app.baseUrl() + "/admin/tiers");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("org-grid")));
        Browser.settle(driver);
        wait.until(d -> d.findElement(By.id("org-grid")).getText().contains("acme"));
        keep(screenshot(driver, "slaview-tiers-" + shot), "tiers-" + shot);
    }

    /** The page and the shell header on a 390 px phone: the language switch stays on screen. */
    private static void phone(AppProcess app, String language, String tag) throws Exception {
        for (String user : List.of("admin", "agent1")) {
            WebDriver driver = Browser.start(390, 844, language);
            try {
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, user);
                if (user.equals("admin")) {
                    driver.get(app.baseUrl() + "/admin/sla");
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                            ExpectedConditions.presenceOfElementLocated(By.id("sla-grid")));
                    Browser.settle(driver);
                    keep(screenshot(driver, "slaview-" + tag + "-phone"), tag + "-phone");
                } else {
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                            ExpectedConditions.presenceOfElementLocated(By.id("availability")));
                    Browser.settle(driver);
                    keep(screenshot(driver, "slaview-header-" + tag + "-phone"), "header-phone-after-" + tag);
                }
                Number right = (Number) js(driver, "return document.getElementById('language')"
                        + ".getBoundingClientRect().right");
                Number width = (Number) js(driver, "return document.documentElement.clientWidth");
                assertTrue(right.doubleValue() <= width.doubleValue(), user + ": the language switch ends at " + right
                        + " px of " + width);
            } finally {
                driver.quit();
            }
        }
    }

    private static void refused(AppProcess app, String language) throws Exception {
        WebDriver driver = Browser.start(1366, 900, language);
        try {
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "agent1");
            driver.get(app.baseUrl() + "/admin/sla");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("sla-refused")));
            assertTrue(driver.findElements(By.id("sla-grid")).isEmpty());
            assertTrue(driver.findElements(By.cssSelector("vaadin-side-nav-item[path='admin/sla']")).isEmpty());
            driver.get(app.baseUrl() + "/admin/tiers");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("tiers-refused")));
        } finally {
            driver.quit();
        }
    }

    private static List<String> keys(AppProcess app) throws Exception {
        List<String> keys = new ArrayList<>();
        policies(app).forEach(p -> keys.add(p.path("key").asText()));
        return keys;
    }

    private static JsonNode policy(AppProcess app, String key) throws Exception {
        for (JsonNode p : policies(app)) {
            if (p.path("key").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no policy " + key);
    }

    private static JsonNode policies(AppProcess app) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app.baseUrl() + "/api/sla/policies")).header("Authorization", AppProcess.basic("admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static void type(WebDriver driver, String id, String text) {
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
        Browser.type(driver, id, text);
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** A copy for people to look at, outside target/ (only when /work/shots exists). */
    private static void keep(Path file, String name) throws Exception {
        if (Files.isDirectory(SHOTS.getParent())) {
            Files.createDirectories(SHOTS);
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
