package io.flowdesk.reports.fields;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The field report in headless Chromium, zh-CN and en, desktop and phone: four refunds opened over the API are
 * rolled up by the running consumer; the view shows them by reason with their amounts in a chart and a table, and
 * a background CSV export ends in a download link.
 */
class FieldReportIT {

    @Test
    void refundsByReasonInAChartAndATableWithAnExport() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_fields", 18215)) {
            app.start(true);
            refund(app, "damaged", "100");
            refund(app, "damaged", "200.5");
            refund(app, "wrong-item", "50");
            refund(app, "other", "30");
            long end = System.nanoTime() + 60_000_000_000L;
            while (total(app) < 4 && System.nanoTime() < end) {
                Thread.sleep(300); // the consumer rolls the new tickets up in the background
            }
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/fields");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> d.findElement(By.id("fields-chart")).getDomAttribute("data-ready") != null);
                    Browser.settle(driver);
                    String table = driver.findElement(By.id("fields-table")).getText();
                    assertTrue(table.contains(zh ? "商品损坏" : "Damaged"), table);
                    assertTrue(table.contains(zh ? "退款原因" : "Reason"), table);
                    assertTrue(table.contains("300.5"), "100 + 200.5 for the damaged ones: " + table);
                    assertTrue(table.contains(zh ? "发错商品" : "Wrong item"), table);
                    String chart = (String) ((JavascriptExecutor) driver).executeScript(
                            "return document.getElementById('fields-chart').textContent");
                    assertTrue(chart.contains(zh ? "商品损坏" : "Damaged"), "the chart's legend: " + chart);
                    screenshot(driver, "fields-desktop-" + tag);
                    Browser.click(driver, "fields-export-csv");
                    // the export job runs in the background: on a loaded CI machine it takes longer than a page wait
                    new WebDriverWait(driver, Duration.ofSeconds(120))
                            .until(d -> !d.findElements(By.id("export-link")).isEmpty());
                    String link = driver.findElement(By.id("export-link")).getText();
                    assertTrue(link.contains(".csv"), link);
                    screenshot(driver, "fields-desktop-export-" + tag);
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    driver.navigate().refresh();
                    wait.until(d -> d.findElement(By.id("fields-chart")).getDomAttribute("data-ready") != null);
                    Browser.settle(driver);
                    screenshot(driver, "fields-phone-" + tag);
                    ((JavascriptExecutor) driver).executeScript(
                            "document.getElementById('fields-table').scrollIntoView()");
                    screenshot(driver, "fields-phone-table-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "fields-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            assertFalse(Browser.sees(app, "agent1", "/reports/fields", "fields-chart"), "agents do not get the view");
        }
    }

    private static long total(AppProcess app) throws Exception {
        JsonNode report = send(app, "supervisor", "GET", "/api/reports/fields/ecommerce-refund?interval=none", null);
        return report.path("rows").path(0).path("count").asLong(0);
    }

    private static void refund(AppProcess app, String reason, String amount) throws Exception {
        send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"ecommerce-refund\",\"priority\":\"P3\",\"title\":\"退款 "
                + reason + "\",\"customer\":{\"name\":\"测试客户\",\"email\":\"c@example.com\"},\"data\":{"
                + "\"orderNo\":\"A-" + reason + "\",\"refundAmount\":" + amount + ",\"reason\":\"" + reason + "\"}}");
    }
}
