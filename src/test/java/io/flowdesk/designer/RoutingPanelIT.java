package io.flowdesk.designer;

import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The process designer's routing fields on a user task, in headless Chromium: the shipped values show, edits land
 * in the draft's BPMN as flowdesk:assignment / skills / targetMinutes, undo reverts them through bpmn-js, and a bad
 * level is named by the publish gate's lint in the page's language.
 */
class RoutingPanelIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void assignmentSkillsAndStepTargetAreEditedWithUndoAndLint() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_routing_panel", 18110)) {
            app.start(true);
            WebDriver driver = Browser.start(1366, 1000, "zh-CN");
            try {
                final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "designer");
                open(driver, app, "it-incident", "taskRepair");
                assertEquals("技能最匹配", selected(driver, "prop-assignment"));
                assertEquals("network", js(driver, "return document.getElementById('prop-skill-key-0').value"));
                assertEquals("8", String.valueOf(js(driver,
                        "return document.getElementById('prop-target-hours').value")));

                Browser.choose(driver, "prop-assignment", "负载最少");
                Browser.type(driver, "prop-target-hours", "6");
                Browser.type(driver, "prop-target-minutes", "30");
                Browser.click(driver, "prop-skill-add");
                Browser.type(driver, "prop-skill-key-2", "printer");
                js(driver, "document.getElementById('bpmn-canvas').flush()");
                wait.until(d -> draft(app, "it-incident").contains("flowdesk:skills=\"network:2,hardware:2,printer:1\""));
                String bpmn = draft(app, "it-incident");
                assertTrue(bpmn.contains("flowdesk:assignment=\"least-loaded\""), bpmn);
                assertTrue(bpmn.contains("flowdesk:targetMinutes=\"390\""), bpmn);
                scrollToRouting(driver);
                screenshot(driver, "slaui-designer-routing-zh");

                // undo covers the panel's edits: the added skill goes, then the minutes
                String skills = "return document.getElementById('bpmn-canvas')._element('taskRepair').businessObject"
                        + ".get('flowdesk:skills')";
                String target = "return document.getElementById('bpmn-canvas')._element('taskRepair').businessObject"
                        + ".get('flowdesk:targetMinutes')";
                js(driver, "document.getElementById('bpmn-canvas').undo()");
                assertEquals("network:2,hardware:2", js(driver, skills));
                js(driver, "document.getElementById('bpmn-canvas').undo()");
                assertEquals("360", js(driver, target));
                js(driver, "document.getElementById('bpmn-canvas').redo()");
                assertEquals("390", js(driver, target));

                // a level outside 1–5 is named by the lint, naming the step (the panel keeps its rows after an undo
                // made from the keyboard or toolbar, as the name fields do)
                Browser.type(driver, "prop-skill-level-0", "9");
                js(driver, "document.getElementById('bpmn-canvas').flush()");
                wait.until(d -> d.findElement(By.id("lint")).getText().contains("维修"));
                String lint = driver.findElement(By.id("lint")).getText();
                assertTrue(lint.contains("用户任务“维修”的所需技能“network:9,hardware:2,printer:1”无法识别"), lint);
                screenshot(driver, "slaui-designer-routing-lint-zh");

                driver.quit();
                driver = Browser.start(1366, 1000, "en");
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "designer");
                open(driver, app, "bug-escalation", "taskFix");
                assertEquals("Best skill match", selected(driver, "prop-assignment"));
                assertEquals("24", String.valueOf(js(driver,
                        "return document.getElementById('prop-target-hours').value")));
                String panel = driver.findElement(By.id("prop-routing")).getText();
                assertTrue(panel.contains("Required skills") && panel.contains("Step target"), panel);
                scrollToRouting(driver);
                screenshot(driver, "slaui-designer-routing-en");
            } catch (Throwable e) {
                screenshot(driver, "slaui-designer-failure");
                throw e;
            } finally {
                driver.quit();
                Path target = Files.createDirectories(Path.of("/work/shots/slaui"));
                try (var files = Files.list(Path.of("target", "screenshots"))) {
                    for (Path f : files.filter(p -> p.getFileName().toString().startsWith("slaui-")).toList()) {
                        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void open(WebDriver driver, AppProcess app, String template, String task) {
        driver.get(app.baseUrl() + "/design/process/" + template);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("[data-element-id='" + task + "']")).isEmpty());
        settle(driver);
        js(driver, "document.getElementById('bpmn-canvas').select(arguments[0]);", task);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("prop-assignment")).isEmpty());
        settle(driver);
    }

    /** The label a vaadin-select shows for its chosen item. */
    private static String selected(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("#" + id + " vaadin-select-value-button")).getText().strip();
    }

    private static void scrollToRouting(WebDriver driver) {
        js(driver, "document.getElementById('prop-routing').scrollIntoView({block: 'start'})");
        settle(driver);
    }

    private static String draft(AppProcess app, String template) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                    + "/api/design/templates/" + template + "/draft")).header("Authorization", AppProcess.basic(
                            "designer")).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode draft = Json.parse(response.body());
            return draft.path("bpmn").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
