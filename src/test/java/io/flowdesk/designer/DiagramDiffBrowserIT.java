package io.flowdesk.designer;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import io.flowdesk.testing.LinearFlow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The diff of two versions of general-inquiry drawn on their diagrams, in headless Chromium, zh-CN and en: version
 * 3 renames the answer step and gives it to another department, adds a follow-up step and removes the review step
 * of version 2. The versions dialog draws the follow-up green on the new diagram, the review red on the old one and
 * the answer amber on both, and a hover on a marked step tells what changed in the page's language; the publish
 * confirmation draws the draft against version 3 the same way.
 */
class DiagramDiffBrowserIT {

    private static final String GREEN = "rgb(46, 125, 50)";
    private static final String RED = "rgb(198, 40, 40)";
    private static final String AMBER = "rgb(239, 143, 0)";
    private static final String FORM = "general-inquiry-answer";

    @Test
    void theVersionsDialogAndThePublishConfirmationDrawTheDiffOnTheDiagrams() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_diagramdiff", 18340)) {
            app.start(true);
            publish(app, LinearFlow.of("general-inquiry", "一般咨询", "General inquiry")
                    .task("taskAnswer", "答复咨询", "Answer the inquiry", FORM, "customer-service")
                    .task("taskReview", "复核答复", "Review the answer", FORM, "cs-supervisor"));
            publish(app, LinearFlow.of("general-inquiry", "一般咨询", "General inquiry")
                    .task("taskAnswer", "首次答复", "First answer", FORM, "it-support")
                    .task("taskFollowUp", "回访客户", "Follow up", FORM, "customer-service"));
            // a draft on top of version 3 for the publish confirmation: the follow-up moves to another department
            saveDraft(app, LinearFlow.of("general-inquiry", "一般咨询", "General inquiry")
                    .task("taskAnswer", "首次答复", "First answer", FORM, "it-support")
                    .task("taskFollowUp", "回访客户", "Follow up", FORM, "cs-supervisor"));
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1440, 1000, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "admin");
                    driver.get(app.baseUrl() + "/design/process/general-inquiry");
                    Browser.settle(driver);
                    Browser.click(driver, "designer-versions");
                    Browser.click(driver, "diff-compare");
                    ready(driver, "diff-old");
                    ready(driver, "diff-new");

                    assertEquals("added", diff(driver, "diff-new", "taskFollowUp"));
                    assertEquals(GREEN, stroke(driver, "diff-new", "taskFollowUp"));
                    assertEquals("removed", diff(driver, "diff-old", "taskReview"));
                    assertEquals(RED, stroke(driver, "diff-old", "taskReview"));
                    assertEquals("changed", diff(driver, "diff-old", "taskAnswer"));
                    assertEquals("changed", diff(driver, "diff-new", "taskAnswer"));
                    assertEquals(AMBER, stroke(driver, "diff-new", "taskAnswer"));
                    assertEquals(null, diff(driver, "diff-new", "start"), "an unchanged element has no mark");
                    assertEquals("missing", diff(driver, "diff-new", "taskReview"), "removed: only in the old one");
                    String labels = (String) js(driver, "return document.querySelector('#diff-new "
                            + "[data-element-id=\"taskFollowUp\"]').textContent");
                    assertEquals(zh ? "回访客户" : "Follow up", labels.trim(), "the diagram speaks the page's language");
                    String legend = driver.findElement(By.cssSelector("#diff-diagrams .fd-diff-legend")).getText();
                    assertTrue(legend.contains(zh ? "新增" : "Added") && legend.contains(zh ? "删除" : "Removed")
                            && legend.contains(zh ? "修改" : "Changed"), legend);

                    String changed = hover(driver, "diff-new", "taskAnswer");
                    assertTrue(changed.contains(zh ? "修改：首次答复" : "Changed: First answer"), changed);
                    assertTrue(changed.contains(zh ? "名称：答复咨询 → 首次答复" : "Name: 答复咨询 → 首次答复"), changed);
                    assertTrue(changed.contains(zh ? "部门：customer-service → it-support"
                            : "Department: customer-service → it-support"), changed);
                    if (!zh) {
                        assertTrue(changed.contains("English name: Answer the inquiry → First answer"), changed);
                    }
                    screenshot(driver, "diagram-diff-changed-" + tag);
                    String removed = hover(driver, "diff-old", "taskReview");
                    assertTrue(removed.contains(zh ? "删除：复核答复" : "Removed: Review the answer"), removed);
                    assertTrue(removed.contains(zh ? "部门：cs-supervisor" : "Department: cs-supervisor"), removed);
                    screenshot(driver, "diagram-diff-removed-" + tag);
                    String added = hover(driver, "diff-new", "taskFollowUp");
                    assertTrue(added.contains(zh ? "新增：回访客户" : "Added: Follow up"), added);
                    assertTrue(added.contains(zh ? "表单：" + FORM : "Form: " + FORM), added);
                    screenshot(driver, "diagram-diff-added-" + tag);
                    // the list of changes is still there, under the diagrams
                    assertTrue(driver.findElement(By.id("diff")).getText().contains("taskReview"));

                    driver.navigate().refresh();
                    Browser.settle(driver);
                    Browser.click(driver, "designer-publish");
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                            d -> !d.findElements(By.cssSelector("#publish-confirm-dialog #diff-new")).isEmpty()
                                    || !d.findElements(By.cssSelector("#diff-new")).isEmpty());
                    ready(driver, "diff-new");
                    assertEquals("changed", diff(driver, "diff-new", "taskFollowUp"));
                    assertEquals(AMBER, stroke(driver, "diff-new", "taskFollowUp"));
                    assertEquals(null, diff(driver, "diff-new", "taskAnswer"), "unchanged since version 3");
                    String draft = hover(driver, "diff-new", "taskFollowUp");
                    assertTrue(draft.contains(zh ? "部门：customer-service → cs-supervisor"
                            : "Department: customer-service → cs-supervisor"), draft);
                    screenshot(driver, "diagram-diff-publish-" + tag);
                    Browser.click(driver, "publish-cancel");
                } catch (Throwable e) {
                    screenshot(driver, "diagram-diff-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static void ready(WebDriver driver, String id) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(id)).isEmpty()
                && "true".equals(d.findElement(By.id(id)).getDomAttribute("data-ready")));
    }

    /** The element's data-diff mark; "missing" when the diagram has no such element. */
    private static String diff(WebDriver driver, String diagram, String element) {
        return (String) js(driver, "const g = document.querySelector('#' + arguments[0] + ' .djs-element"
                + "[data-element-id=\"' + arguments[1] + '\"]'); return g ? g.getAttribute('data-diff') : 'missing';",
                diagram, element);
    }

    private static String stroke(WebDriver driver, String diagram, String element) {
        return (String) js(driver, "const g = document.querySelector('#' + arguments[0] + ' .djs-element"
                + "[data-element-id=\"' + arguments[1] + '\"] .djs-visual > rect');"
                + " return getComputedStyle(g).stroke;", diagram, element);
    }

    /** Moves the mouse onto the element and returns the hover card's text once it is shown for that element. */
    private static String hover(WebDriver driver, String diagram, String element) {
        WebElement gfx = driver.findElement(By.cssSelector("#" + diagram + " .djs-element[data-element-id='" + element
                + "'] .djs-hit"));
        new Actions(driver).moveToElement(driver.findElement(By.tagName("body")), 0, 0).perform();
        new Actions(driver).moveToElement(gfx).perform();
        WebElement tip = driver.findElement(By.cssSelector("#" + diagram + " .fd-diff-tip"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> element.equals(tip.getDomAttribute("data-element"))
                && tip.isDisplayed());
        return tip.getText();
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void saveDraft(AppProcess app, LinearFlow flow) throws Exception {
        JsonNode draft = send(app, "designer", "GET", "/api/design/templates/general-inquiry/draft", null);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("metadata", draft.path("metadata"));
        body.put("bpmn", flow.xml());
        send(app, "designer", "PUT", "/api/design/templates/general-inquiry/draft", body.toString());
    }

    private static void publish(AppProcess app, LinearFlow flow) throws Exception {
        saveDraft(app, flow);
        JsonNode result = send(app, "admin", "POST", "/api/design/templates/general-inquiry/publish", "");
        assertTrue(!"rejected".equalsIgnoreCase(result.path("outcome").asText()), result.toString());
    }
}
