package io.flowdesk.reports.dashboard;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor dashboard in headless Chromium, zh-CN and en, desktop and phone: the charts are drawn (SVG), a click
 * on today's created bar and on the youngest backlog bucket opens the drill-down holding exactly the tickets of
 * {@code /api/reports/tickets}, a headline tile opens its tickets, and an agent does not get the view.
 */
class DashboardIT {

    private static final List<String> CHARTS = List.of("daily", "backlog", "sla", "csat", "channel", "category");

    @Test
    void theDashboardDrawsItsChartsAndDrillsDownToTheTicketsBehindThem() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_dash", 18210)) {
            app.start(true);
            List<String> mine = new ArrayList<>();
            for (String category : List.of("hardware", "hardware", "network")) {
                mine.add(send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"it-incident\",\"priority\":\"P2\","
                        + "\"title\":\"打印机无法打印\",\"customer\":{\"name\":\"测试客户\",\"email\":\"c@example.com\"},"
                        + "\"data\":{\"summary\":\"打印机无法打印\",\"category\":\"" + category + "\","
                        + "\"location\":\"3F-301\"}}", "en").path("number").asText());
            }
            LocalDate today = Instant.parse(send(app, "admin", "GET", "/api/clock", null, "en").path("now").asText())
                    .atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
            String range = "&from=" + today.minusDays(29) + "&to=" + today;
            String createdToday = "/api/reports/tickets?metric=created&bucket=" + today + range + "&size=20";
            long end = System.nanoTime() + 60_000_000_000L;
            while (!numbers(send(app, "supervisor", "GET", createdToday, null, "en")).containsAll(mine)) {
                assertTrue(System.nanoTime() < end, "the reports consumer did not see the new tickets");
                Thread.sleep(250);
            }
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/dashboard");
                    drawn(driver);
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    String tiles = driver.findElement(By.id("dash-tiles")).getText();
                    assertTrue(tiles.contains(zh ? "一次解决率" : "First-contact resolution"), tiles);
                    String category = (String) js.executeScript(
                            "return document.getElementById('dash-chart-category').textContent");
                    assertTrue(category.contains(zh ? "硬件" : "Hardware"), "top categories by the form's labels: "
                            + category);
                    screenshot(driver, "dashboard-desktop-" + tag);

                    // today's created bar (the last day of the 30-day default)
                    click(driver, "dash-chart-daily", 29);
                    JsonNode api = send(app, "supervisor", "GET", createdToday, null, "en");
                    assertEquals(numbers(api), dialogNumbers(driver));
                    assertEquals(api.path("total").asText(), dialog(driver).getDomAttribute("data-total"));
                    assertTrue(dialogNumbers(driver).containsAll(mine), "the drill-down holds the new tickets");
                    screenshot(driver, "dashboard-drill-created-" + tag);
                    closeDialog(driver);

                    // the youngest backlog bucket
                    click(driver, "dash-chart-backlog", 0);
                    api = send(app, "supervisor", "GET", "/api/reports/tickets?metric=backlog&bucket=lt1d" + range
                            + "&size=20", null, "en");
                    assertEquals(numbers(api), dialogNumbers(driver));
                    assertTrue(dialogNumbers(driver).containsAll(mine));
                    String rows = driver.findElement(By.id("dash-drill-tickets")).getText();
                    assertTrue(rows.contains(zh ? "编号" : "Number") && rows.contains("打印机无法打印"), rows);
                    closeDialog(driver);

                    // a headline number: the tile's figure is the dialog's total
                    String created = driver.findElement(By.cssSelector("#dash-tile-created .fd-dash-tile-value"))
                            .getDomProperty("textContent").replace(",", "").strip();
                    assertTrue(created.matches("\\d+"), created);
                    Browser.click(driver, "dash-tile-created");
                    assertEquals(created, dialog(driver).getDomAttribute("data-total"));
                    closeDialog(driver);

                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    driver.navigate().refresh();
                    drawn(driver);
                    Number left1 = (Number) js.executeScript("return document.getElementById('dash-chart-daily')"
                            + ".getBoundingClientRect().left");
                    Number left2 = (Number) js.executeScript("return document.getElementById('dash-chart-backlog')"
                            + ".getBoundingClientRect().left");
                    assertEquals(left1.intValue(), left2.intValue(), "on a phone the charts stack in one column");
                    Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
                    assertTrue(width.intValue() <= 390, "no sideways scrolling on a phone: " + width);
                    screenshot(driver, "dashboard-phone-" + tag);
                    js.executeScript("document.getElementById('dash-chart-daily').scrollIntoView()");
                    screenshot(driver, "dashboard-phone-charts-" + tag);
                    click(driver, "dash-chart-backlog", 0);
                    screenshot(driver, "dashboard-phone-drill-" + tag);
                    closeDialog(driver);
                    js.executeScript("document.getElementById('dash-agents').scrollIntoView()");
                    screenshot(driver, "dashboard-phone-tables-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "dashboard-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            assertFalse(Browser.sees(app, "agent1", "/reports/dashboard", "dash-tiles"), "an agent gets no dashboard");
        }
    }

    /** Waits until every chart has drawn its option, and checks each is an SVG. */
    private static void drawn(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        for (String chart : CHARTS) {
            wait.until(d -> d.findElement(By.id("dash-chart-" + chart)).getDomAttribute("data-ready") != null);
            assertTrue(!driver.findElements(By.cssSelector("#dash-chart-" + chart + " svg")).isEmpty(),
                    chart + " is drawn as SVG");
        }
        Browser.settle(driver);
    }

    /** A real mouse click on bar {@code index} of the chart's first series (half way up the bar). */
    @SuppressWarnings("unchecked")
    private static void click(WebDriver driver, String chartId, int index) {
        WebElement chart = driver.findElement(By.id(chartId));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        // half way up the bar, or a quarter / three quarters when another series' point (the line) sits there
        List<Number> at = (List<Number>) js.executeScript("const c = arguments[0].chart; const s = c.getOption()"
                + ".series; const i = arguments[1]; const v = s[0].data[i]; const o = s.length > 1 ? s[1].data[i] : "
                + "-1; const y = [0.5, 0.25, 0.75].map(f => v * f).sort((a, b) => Math.abs(b - o) - Math.abs(a - o))"
                + "[0]; const p = c.convertToPixel({seriesIndex: 0}, [i, y]); const r = arguments[0]"
                + ".getBoundingClientRect(); return [p[0] - r.width / 2, p[1] - r.height / 2];", chart, index);
        new Actions(driver).moveToElement(chart, at.get(0).intValue(), at.get(1).intValue()).click().perform();
        dialog(driver);
        Browser.settle(driver);
    }

    private static WebElement dialog(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("vaadin-dialog#dash-drill[opened]"));
            return found.isEmpty() || d.findElements(By.id("dash-drill-tickets")).isEmpty() ? null : found.get(0);
        });
    }

    private static void closeDialog(WebDriver driver) {
        Browser.click(driver, "dash-drill-close");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("dash-drill-tickets"))
                .isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<String> dialogNumbers(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return Array.from(document"
                + ".querySelectorAll('#dash-drill-tickets tr[data-number]')).map(r => r.getAttribute('data-number'))");
    }

    private static List<String> numbers(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("tickets").forEach(t -> out.add(t.path("number").asText()));
        return out;
    }
}
