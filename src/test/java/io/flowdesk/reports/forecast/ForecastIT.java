package io.flowdesk.reports.forecast;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import io.flowdesk.testing.ReportScaleData;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The volume forecast in headless Chromium, zh-CN and en, desktop and phone, on four months of rollup history (two
 * templates) with the clock on Monday 2026-09-28: 国庆 (10-01..07) and the make-up Saturday 10-10 lie ahead.
 */
class ForecastIT {

    @Test
    void theForecastShowsTheHolidaysAheadTheIntervalsAndTheHeldOutError() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_forecast", 18225).env("FLOWDESK_CLOCK_ADJUSTABLE", "true")) {
            app.start(true);
            send(app, "admin", "POST", "/api/clock", "{\"set\":\"2026-09-28T02:00:00Z\"}", "en");
            try (Connection c = app.jdbc(); Statement s = c.createStatement()) {
                ReportScaleData.load(s, "it-incident", "FIT", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 27),
                        3600);
                ReportScaleData.load(s, "ecommerce-refund", "FRF", LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 9, 27), 1500);
            }
            Thread.sleep(600); // the app refreshes its clock offset from the database every 250 ms
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/forecast");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> d.findElement(By.id("forecast-chart")).getDomAttribute("data-ready") != null);
                    Browser.settle(driver);
                    JsonNode total = send(app, "supervisor", "GET", "/api/reports/forecast", null, language);
                    check(driver, total, zh);
                    screenshot(driver, "forecast-desktop-" + tag);
                    Browser.choose(driver, "forecast-template", zh ? "IT 故障报修" : "IT incident");
                    wait.until(d -> d.findElement(By.id("forecast-chart")).getDomAttribute("data-ready") != null);
                    Browser.settle(driver);
                    JsonNode it = send(app, "supervisor", "GET", "/api/reports/forecast?template=it-incident", null,
                            language);
                    check(driver, it, zh);
                    assertTrue(it.path("forecast").get(1).path("expected").asDouble() < total.path("forecast").get(1)
                            .path("expected").asDouble(), "one template forecasts fewer tickets than all");
                    screenshot(driver, "forecast-desktop-template-" + tag);
                    driver.manage().window().setSize(new Dimension(390, 844));
                    driver.navigate().refresh();
                    wait.until(d -> d.findElement(By.id("forecast-chart")).getDomAttribute("data-ready") != null);
                    Browser.settle(driver);
                    screenshot(driver, "forecast-phone-" + tag);
                    ((JavascriptExecutor) driver).executeScript(
                            "document.getElementById('forecast-table').scrollIntoView()");
                    screenshot(driver, "forecast-phone-table-" + tag);
                    Object overflow = ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth > window.innerWidth + 1");
                    assertEquals(Boolean.FALSE, overflow, "the page does not scroll sideways on a phone");
                } catch (Throwable e) {
                    screenshot(driver, "forecast-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            assertFalse(Browser.sees(app, "agent1", "/reports/forecast", "forecast-chart"), "an agent gets no forecast");
        }
    }

    /** The table holds the API's days (holidays marked), the held-out error is shown, the chart has its legend. */
    private static void check(WebDriver driver, JsonNode api, boolean zh) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#forecast-table tbody tr"));
        assertEquals(14, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode day = api.path("forecast").get(i);
            assertEquals(day.path("date").asText(), rows.get(i).getDomAttribute("data-date"));
            assertEquals(day.path("dayType").asText(), rows.get(i).getDomAttribute("data-day-type"));
            assertTrue(rows.get(i).getText().contains(String.format(java.util.Locale.ROOT, "%.1f",
                    day.path("expected").asDouble())), rows.get(i).getText());
        }
        assertEquals("holiday", rows.get(3).getDomAttribute("data-day-type"));
        assertTrue(rows.get(3).getText().contains(zh ? "节假日" : "Holiday"), rows.get(3).getText());
        assertTrue(rows.get(12).getText().contains(zh ? "调休上班" : "Make-up workday"), rows.get(12).getText());
        assertTrue(api.path("forecast").get(3).path("expected").asDouble() < 0.5 * api.path("forecast").get(1)
                .path("expected").asDouble(), "国庆 is forecast low");
        String holdout = driver.findElement(By.id("forecast-holdout")).getText();
        assertTrue(holdout.contains(String.format(java.util.Locale.ROOT, "%.1f", api.path("holdout").path("mae")
                .asDouble())) && holdout.contains("MAPE"), holdout);
        String chart = driver.findElement(By.id("forecast-chart")).getText();
        assertTrue(chart.contains(zh ? "95% 区间" : "95 % interval") && chart.contains(zh ? "节假日" : "Holiday"),
                chart);
    }
}
