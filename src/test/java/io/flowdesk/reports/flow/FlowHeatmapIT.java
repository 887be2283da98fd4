package io.flowdesk.reports.flow;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppHttp;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The flow heatmap in headless Chromium, zh-CN and en, desktop and phone: two it-incident tickets walked with known
 * times (one sent back from acceptance to repair) draw it-incident with coloured steps, counts on the flows taken,
 * the slowest step named and the table of numbers.
 */
class FlowHeatmapIT {

    @Test
    void theHeatmapColoursTheStepsCountsTheFlowsAndNamesTheSlowestStep() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_flowmap", 18205).env("FLOWDESK_CLOCK_ADJUSTABLE", "true")) {
            app.start(true);
            Instant now = Instant.parse(text(send(app, "admin", "GET", "/api/clock", null), "now"));
            Instant t0 = now.minus(Duration.ofHours(12));
            // A: diagnosis 10 + 30 min, repair 20 + 60, acceptance 10 + 20 (not fixed), repair 5 + 20, acceptance 5 + 5
            String a = ticket(app, t0, 0);
            step(app, t0, a, "incident-diagnosis", 10, 40, "{\"diagnosis\":\"网线松动\"}");
            step(app, t0, a, "incident-repair", 60, 120, "{\"actionTaken\":\"重新插好网线\"}");
            step(app, t0, a, "incident-acceptance", 130, 150, "{\"fixed\":false,\"acceptanceNote\":\"仍然卡纸\"}");
            step(app, t0, a, "incident-repair", 155, 175, "{\"actionTaken\":\"换了硒鼓\"}");
            step(app, t0, a, "incident-acceptance", 180, 185, "{\"fixed\":true,\"acceptanceNote\":\"好了\"}");
            // B: diagnosis 20 + 10, repair 40 + 120, acceptance 25 + 35
            String b = ticket(app, t0, 200);
            step(app, t0, b, "incident-diagnosis", 220, 230, "{\"diagnosis\":\"硬件故障\"}");
            step(app, t0, b, "incident-repair", 270, 390, "{\"actionTaken\":\"更换主板\"}");
            step(app, t0, b, "incident-acceptance", 415, 450, "{\"fixed\":true,\"acceptanceNote\":\"好了\"}");
            send(app, "admin", "POST", "/api/clock", "{\"set\":\"" + now + "\"}");

            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/flow");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> "true".equals(d.findElement(By.id("flow-heatmap")).getDomAttribute("data-ready")));
                    Browser.settle(driver);
                    // the numbers are FlowStats' (checked by hand in FlowStatsTest); routing may have given steps
                    // to agents at once, so the view is compared with the API rather than with fixed minutes
                    JsonNode report = send(app, "supervisor", "GET", "/api/reports/flow/it-incident", null,
                            language);
                    String slowest = driver.findElement(By.id("flow-slowest")).getText();
                    assertEquals(report.path("slowestText").asText(), slowest);
                    assertTrue(slowest.startsWith(zh ? "最慢的步骤是「" : "The slowest step is “"), slowest);
                    String slowestStep = report.path("slowestStep").asText();
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    assertEquals("4", heat(js, slowestStep), "the slowest step is in the top colour");
                    assertEquals("none", heat(js, "taskOncallDiagnosis"), "no P1 ticket: no data");
                    assertTrue(!"none".equals(heat(js, "taskDiagnosis")));
                    assertEquals("3", count(js, "flowToAcceptance"));
                    assertEquals("1", count(js, "flowNotFixed"));
                    assertEquals("2", count(js, "flowFixed"));
                    assertEquals(null, count(js, "flowToOncall"), "a flow not taken has no count");
                    String table = driver.findElement(By.id("flow-steps")).getText();
                    for (JsonNode step : report.path("steps")) {
                        assertTrue(table.contains(step.path("name").asText()) && table.contains(
                                step.path("totalMedianText").asText()), table);
                    }
                    assertTrue(table.contains(zh ? "维修" : "Repair"), table);
                    String labels = (String) js.executeScript("return document.querySelector('#flow-heatmap "
                            + "[data-element-id=\"taskRepair\"]').textContent");
                    assertTrue(labels.contains(zh ? "维修" : "Repair"), "the diagram speaks the page's language: "
                            + labels);
                    String legend = driver.findElement(By.id("flow-legend")).getText();
                    assertTrue(legend.contains(zh ? "中位等待 + 处理时间" : "Median waiting + working time"), legend);
                    screenshot(driver, "flowmap-desktop-" + tag);
                    // drill-down: a click on a step of the diagram lists the tickets behind it, as the API does
                    List<String> expected = new java.util.ArrayList<>();
                    send(app, "supervisor", "GET", "/api/reports/flow/it-incident/steps/taskRepair/tickets", null,
                            language).forEach(n -> expected.add(n.path("number").asText()));
                    assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(expected));
                    driver.findElement(By.cssSelector("#flow-heatmap [data-element-id='taskRepair']")).click();
                    wait.until(d -> !d.findElements(By.id("flow-step-tickets-table")).isEmpty());
                    Browser.settle(driver);
                    assertEquals(expected, rows(driver));
                    String dialog = driver.findElement(By.id("flow-step-tickets")).getText();
                    assertTrue(dialog.contains(zh ? "「维修」背后的工单" : "Tickets behind “Repair”"), dialog);
                    screenshot(driver, "flowmap-drill-" + tag);
                    driver.findElement(By.id("flow-step-tickets-close")).click();
                    wait.until(d -> d.findElements(By.id("flow-step-tickets-table")).isEmpty());
                    // and from the table, for the screen-reader and phone path
                    js.executeScript("const b = document.querySelector(\"#flow-steps tr[data-step='taskDiagnosis'] "
                            + "vaadin-button\"); b.scrollIntoView(); b.click();");
                    wait.until(d -> !d.findElements(By.id("flow-step-tickets-table")).isEmpty());
                    assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(rows(driver)));
                    driver.findElement(By.id("flow-step-tickets-close")).click();
                    wait.until(d -> d.findElements(By.id("flow-step-tickets-table")).isEmpty());
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    driver.navigate().refresh();
                    wait.until(d -> "true".equals(d.findElement(By.id("flow-heatmap")).getDomAttribute("data-ready")));
                    Browser.settle(driver);
                    screenshot(driver, "flowmap-phone-" + tag);
                    js.executeScript("document.getElementById('flow-heatmap').scrollIntoView()");
                    screenshot(driver, "flowmap-phone-diagram-" + tag);
                    js.executeScript("document.getElementById('flow-steps').scrollIntoView()");
                    screenshot(driver, "flowmap-phone-table-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "flowmap-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            // an agent does not get the view
            assertFalse(Browser.sees(app, "agent1", "/reports/flow", "flow-heatmap"), "an agent gets no heatmap");
        }
    }

    private static List<String> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#flow-step-tickets-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-ticket")).toList();
    }

    private static String heat(JavascriptExecutor js, String id) {
        return (String) js.executeScript("const g = document.querySelector('#flow-heatmap [data-element-id=\"'"
                + " + arguments[0] + '\"]'); return g ? g.getAttribute('data-heat') : 'missing';", id);
    }

    private static String count(JavascriptExecutor js, String flowId) {
        return (String) js.executeScript("const b = document.querySelector('#flow-heatmap .fd-flow-count[data-flow=\"'"
                + " + arguments[0] + '\"]'); return b ? b.textContent : null;", flowId);
    }

    private static void at(AppProcess app, Instant t0, long minutes) throws Exception {
        send(app, "admin", "POST", "/api/clock", "{\"set\":\"" + t0.plusSeconds(minutes * 60) + "\"}");
        Thread.sleep(600); // the app refreshes its clock offset from the database every 250 ms
    }

    private static String ticket(AppProcess app, Instant t0, long minute) throws Exception {
        at(app, t0, minute);
        JsonNode created = send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"it-incident\","
                + "\"priority\":\"P3\",\"title\":\"打印机无法打印\",\"customer\":{\"name\":\"测试客户\","
                + "\"email\":\"c@example.com\"},\"data\":{\"summary\":\"打印机无法打印\","
                + "\"category\":\"hardware\",\"location\":\"3F-301\"}}");
        return created.path("number").asText();
    }

    /**
     * Works the open step with the given form: claims it at {@code claimAt} (unless routing gave it to someone
     * already, who then works it) and completes it at {@code doneAt}.
     */
    private static void step(AppProcess app, Instant t0, String number, String form, long claimAt, long doneAt,
            String data) throws Exception {
        at(app, t0, claimAt);
        String task = null;
        String worker = null;
        long end = System.nanoTime() + 20_000_000_000L;
        while (worker == null) {
            for (JsonNode t : send(app, "admin", "GET", "/api/tickets/" + number, null).path("openTasks")) {
                if (form.equals(t.path("formKey").asText())) {
                    task = t.path("id").asText();
                    String assignee = t.path("assignee").asText("");
                    if (!assignee.isEmpty()) {
                        worker = assignee;
                    } else if (AppHttp.status(app, "agent2", "POST", "/api/tasks/" + task + "/claim", "{}") < 300) {
                        worker = "agent2";
                    }
                }
            }
            if (worker == null) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("no open " + form + " on " + number);
                }
                Thread.sleep(100);
            }
        }
        Thread.sleep(300);
        at(app, t0, doneAt);
        send(app, worker, "POST", "/api/tasks/" + task + "/complete", "{\"data\":" + data + "}");
        Thread.sleep(300);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }
}
