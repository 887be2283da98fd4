package io.flowdesk.sla.ui;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin creates a calendar (Mon–Fri 09:00–18:00, Asia/Shanghai), loads China's official schedule into it with one
 * click, and the try-it line shows Friday 2026-02-13 17:00 + 120 working minutes as Saturday 2026-02-14 10:00, a
 * make-up working day; zh-CN and en, desktop and phone width. An overlapping range is named on its weekday.
 */
class CalendarsViewIT {

    @Test
    void anAdminLoadsChinasScheduleAndSeesTheMakeUpSaturdayInTheTryItLine() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_calendars", 18102)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                for (int width : List.of(1366, 390)) {
                    String shot = tag + (width < 500 ? "-phone" : "-desktop");
                    WebDriver driver = Browser.start(width, width < 500 ? 844 : 900, language);
                    try {
                        walk(app, driver, zh, "it-" + tag + "-" + width, shot);
                    } catch (Throwable e) {
                        screenshot(driver, "calendars-failure-" + shot);
                        throw e;
                    } finally {
                        driver.quit();
                    }
                }
            }
        }
    }

    private static void walk(AppProcess app, WebDriver driver, boolean zh, String key, String shot) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, "admin");
        driver.get(app.baseUrl() + "/admin/calendars");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-new")));
        Browser.settle(driver);
        keep(screenshot(driver, "calendars-" + shot), shot);
        Browser.click(driver, "calendar-new");
        type(driver, "calendar-key", key);
        type(driver, "calendar-name-zh", "测试日历");
        type(driver, "calendar-name-en", "Test calendar");
        // an overlapping range is named on its weekday, in the reader's language
        type(driver, "week-MONDAY", "09:00-12:00, 11:00-18:00");
        Browser.click(driver, "calendar-save");
        wait.until(d -> attribute(d, "week-MONDAY", "invalid") != null);
        String error = String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.getElementById('week-MONDAY').errorMessage"));
        assertEquals(zh ? "星期一：时间段 09:00-12:00 与 11:00-18:00 重叠"
                : "Monday: the ranges 09:00-12:00 and 11:00-18:00 overlap", error);
        type(driver, "week-MONDAY", "09:00-18:00");
        Browser.click(driver, "calendar-save");
        Browser.click(driver, "calendar-china");
        wait.until(d -> value(d, "calendar-makeups").contains("2026-02-14"));
        assertTrue(value(driver, "calendar-holidays").contains("2025-10-08"), "国庆 2025 loaded");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('calendar-makeups').scrollIntoView({block: 'center'})");
        keep(screenshot(driver, "calendars-days-" + shot), "days-" + shot);
        // the day lists and the .ics upload are real, rendered components (a stale frontend bundle once lacked them)
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return !!customElements.get('vaadin-text-area') && !!customElements.get('vaadin-upload')"
                        + " && document.getElementById('calendar-makeups').getBoundingClientRect().height > 100"));
        type(driver, "try-start", "2026-02-13 17:00");
        type(driver, "try-minutes", "120");
        Browser.click(driver, "try-due");
        wait.until(d -> !d.findElement(By.id("try-due-result")).getText().isBlank());
        String due = driver.findElement(By.id("try-due-result")).getText();
        assertEquals(zh ? "截止 周六 2026-02-14 10:00 — 调休上班日（春节）"
                : "Due Sat 2026-02-14 10:00 — a make-up working day (春节)", due);
        type(driver, "try-from", "2026-02-13 17:00");
        type(driver, "try-to", "2026-02-14 10:00");
        Browser.click(driver, "try-elapsed");
        wait.until(d -> !d.findElement(By.id("try-elapsed-result")).getText().isBlank());
        assertEquals(zh ? "120 个工作分钟（2 小时 0 分）" : "120 working minutes (2 h 0 min)",
                driver.findElement(By.id("try-elapsed-result")).getText());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('try-due-result').scrollIntoView({block: 'center'})");
        keep(screenshot(driver, "calendars-tryit-" + shot), "tryit-" + shot);
        // the edit is stored: the API answers the same
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.baseUrl() + "/api/calendars/" + key + "/due?start=2026-02-13T09:00:00Z"
                        + "&minutes=120")).header("Authorization", AppProcess.basic("agent1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"due\":\"2026-02-14T02:00:00Z\"}", response.body());
    }

    /** Types into a field after scrolling it to the middle of the screen (a phone's toast covers the top). */
    private static void type(WebDriver driver, String id, String text) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
        Browser.type(driver, id, text);
    }

    private static Object attribute(WebDriver d, String id, String name) {
        return ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById(arguments[0]).getAttribute(arguments[1])", id, name);
    }

    private static String value(WebDriver d, String id) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById(arguments[0]).value", id));
    }

    /** A copy for people to look at, outside target/ (optional: only when /work/shots exists). */
    private static void keep(Path file, String name) throws Exception {
        Path dir = Path.of("/work/shots/calendar");
        if (Files.isDirectory(dir.getParent())) {
            Files.createDirectories(dir);
            Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
