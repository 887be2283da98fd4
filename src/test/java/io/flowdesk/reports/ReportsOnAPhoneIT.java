package io.flowdesk.reports;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every reports view on a phone (390 × 844) in zh-CN and en: nothing scrolls sideways, neither the page nor a table
 * nor a drill-down dialog (tables stack their rows); and the field report's chart on a desktop keeps its value axis'
 * name inside the chart and a single bar narrow.
 */
class ReportsOnAPhoneIT {

    /** Route → the element that says the view is drawn. */
    private static final Map<String, String> VIEWS = Map.of("reports/dashboard", "dash-tiles", "reports/flow",
            "flow-steps", "reports/fields", "fields-table", "reports/forecast", "forecast-view", "reports/board",
            "board-tiles", "reports/insights", "insights-list", "reports/schedules", "schedules-list");

    @Test
    void noReportsViewScrollsSidewaysOnAPhone() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_reports_phone", 18250)) {
            app.start(true);
            for (String category : List.of("hardware", "network")) {
                send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"it-incident\",\"priority\":\"P2\",\"title\":"
                        + "\"打印机无法打印，纸张卡在第二个进纸盒里\",\"customer\":{\"name\":\"测试客户\",\"email\":"
                        + "\"c@example.com\"},\"data\":{\"summary\":\"打印机无法打印\",\"category\":\"" + category
                        + "\",\"location\":\"3F-301\"}}");
            }
            send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"ecommerce-refund\",\"priority\":\"P3\",\"title\":"
                    + "\"退款\",\"customer\":{\"name\":\"测试客户\",\"email\":\"c@example.com\"},\"data\":{\"orderNo\":"
                    + "\"A-1\",\"refundAmount\":120.5,\"reason\":\"damaged\"}}");
            long end = System.nanoTime() + 60_000_000_000L;
            while (send(app, "supervisor", "GET", "/api/reports/fields/ecommerce-refund?interval=none", null)
                    .path("rows").path(0).path("count").asLong(0) < 1) {
                assertTrue(System.nanoTime() < end, "the reports consumers did not see the new tickets");
                Thread.sleep(300);
            }
            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    fieldChart(driver, app, tag);
                    driver.manage().window().setSize(new Dimension(390, 844));
                    for (var view : VIEWS.entrySet()) {
                        open(driver, app, view.getKey(), view.getValue());
                        String name = view.getKey().replace("reports/", "");
                        screenshot(driver, "reports-phone-" + name + "-" + tag);
                        assertFits(driver, view.getKey() + " " + tag);
                    }
                    open(driver, app, "reports/dashboard", "dash-tiles");
                    Browser.click(driver, "dash-tile-created");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.cssSelector("#dash-drill-tickets tr[data-number]")).isEmpty());
                    screenshot(driver, "reports-phone-dashboard-drill-" + tag);
                    assertFits(driver, "the dashboard's drill-down " + tag);
                    open(driver, app, "reports/flow", "flow-steps");
                    ((JavascriptExecutor) driver).executeScript("document.querySelector(\"#flow-steps "
                            + "tr[data-step='taskDiagnosis'] vaadin-button\").click()");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.id("flow-step-tickets")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "reports-phone-flow-drill-" + tag);
                    assertFits(driver, "the heatmap's step drill-down " + tag);
                } catch (Throwable e) {
                    screenshot(driver, "reports-phone-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /** On a desktop: the single bar of "everything, whole range" stays narrow and the axis name is not cut off. */
    private static void fieldChart(WebDriver driver, AppProcess app, String tag) throws Exception {
        open(driver, app, "reports/fields", "fields-table");
        Browser.choose(driver, "fields-group", tag.equals("zh") ? "（无）" : "(none)");
        Browser.choose(driver, "fields-interval", tag.equals("zh") ? "整个区间" : "Whole range");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("fields-chart"))
                .getDomAttribute("data-ready") != null);
        Browser.settle(driver);
        screenshot(driver, "reports-fields-single-bar-" + tag);
        @SuppressWarnings("unchecked")
        Map<String, Number> chart = (Map<String, Number>) ((JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('fields-chart'); const box = c.getBoundingClientRect();"
                        + "const name = c.chart.getOption().yAxis[0].name;"
                        + "const text = Array.from(c.querySelectorAll('svg text')).find(t => t.textContent === name);"
                        + "const data = c.chart.getModel().getSeriesByIndex(0).getData();"
                        + "const t = text.getBoundingClientRect();"
                        + "return {left: t.left - box.left, right: box.right - t.right, bars: data.count(),"
                        + " widest: data.getItemLayout(0).width};");
        assertTrue(chart.get("left").doubleValue() >= 0 && chart.get("right").doubleValue() >= 0,
                "the value axis' name is inside the chart: " + chart);
        assertEquals(1, chart.get("bars").intValue(), "one bar: " + chart);
        assertTrue(chart.get("widest").doubleValue() <= 56.5, "a single bar keeps its maximum width: " + chart);
    }

    private static void open(WebDriver driver, AppProcess app, String route, String ready) {
        driver.get(app.baseUrl() + "/" + route);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(ready)).isEmpty());
        Browser.settle(driver);
    }

    /** Neither the page nor any element inside it (a dialog's too) is wider than it shows. */
    private static void assertFits(WebDriver driver, String what) {
        Object wide = ((JavascriptExecutor) driver).executeScript(
                "const vw = document.documentElement.clientWidth; const out = [];"
                        + "if (document.documentElement.scrollWidth > vw + 1) out.push('page ' + document"
                        + ".documentElement.scrollWidth);"
                        + "document.querySelectorAll('.fd-report-table-wrap').forEach(w => {"
                        + " if (w.offsetParent && w.scrollWidth > w.clientWidth + 1) out.push((w.firstChild && "
                        + "w.firstChild.id) + ' ' + w.scrollWidth + ' > ' + w.clientWidth); });"
                        + "return out.join(', ');");
        assertEquals("", wide, what + " scrolls sideways");
    }
}
