package io.flowdesk.designer;

import static io.flowdesk.testing.Browser.click;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static io.flowdesk.testing.Browser.type;
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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The designers in headless Chromium against the packaged app: a user task dragged into a flow shows its lint
 * error until a form is picked, then the admin publishes and a ticket starts on the new version over REST; three
 * fields dragged into the form designer, reordered, one made required, give the expected schema, and the preview
 * rejects the missing required field. Screenshots of every designer view in zh-CN and en.
 */
class DesignerBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** HTML5 drag and drop by events: Chromium driven by WebDriver does not start native drags. */
    private static final String DRAG = """
            const src = arguments[0], dst = arguments[1];
            const dt = new DataTransfer();
            const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true,
                composed: true, dataTransfer: dt}));
            fire(src, 'dragstart'); fire(dst, 'dragenter'); fire(dst, 'dragover'); fire(dst, 'drop');
            fire(src, 'dragend');""";

    @Test
    void designLintPublishAndStartATicketThenBuildAForm() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_designer", 18095)) {
            app.start(true);
            WebDriver driver = Browser.start(1500, 950, "zh-CN");
            try {
                processDesigner(app, driver);
                formDesigner(app, driver);
                secondRefundVersion(app);
                screenshots(app, driver, "zh");
            } catch (RuntimeException | AssertionError e) {
                screenshot(driver, "designer-failure");
                throw e;
            } finally {
                driver.quit();
            }
            WebDriver analyst = Browser.start(1500, 950, "zh-CN");
            try {
                threeDepartmentFlow(app, analyst);
            } catch (RuntimeException | AssertionError e) {
                screenshot(analyst, "designer-failure-analyst");
                throw e;
            } finally {
                analyst.quit();
            }
            WebDriver en = Browser.start(1500, 950, "en");
            try {
                en.get(app.baseUrl() + "/login");
                Browser.login(en, "admin");
                screenshots(app, en, "en");
            } catch (RuntimeException | AssertionError e) {
                screenshot(en, "designer-failure-en");
                throw e;
            } finally {
                en.quit();
            }
        }
    }

    private void processDesigner(AppProcess app, WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        newTemplate(app, driver, "admin", "it-hardware", "硬件报修", "Hardware repair");
        wait.until(d -> d.getCurrentUrl().contains("design/process/it-hardware"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-element-id='flow_start_end']")).isEmpty());
        settle(driver);
        assertTrue(driver.findElement(By.cssSelector(".bjs-powered-by")).isDisplayed(), "bpmn.io watermark visible");
        // only FlowDesk's palette: no sub-process, no data store, no pools
        assertTrue(driver.findElements(By.cssSelector(".djs-palette [data-action='create.subprocess-expanded']"))
                .isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".djs-palette [data-action='create.participant-expanded']"))
                .isEmpty());
        // bpmn-js speaks the UI's language; palette entries have tooltips, the three services distinct icons
        assertEquals("打开小地图", driver.findElement(By.cssSelector(".djs-minimap .toggle")).getAttribute("title"));
        assertEquals("启用抓手工具", driver.findElement(By.cssSelector(".djs-palette [data-action='hand-tool']"))
                .getAttribute("title"));
        assertEquals("创建开始事件", driver.findElement(By.cssSelector(
                ".djs-palette [data-action='create.start-event']")).getAttribute("title"));
        assertEquals("服务任务：通知", driver.findElement(By.cssSelector(
                ".djs-palette [data-action='create.service-notify']")).getAttribute("title"));
        java.util.Set<String> icons = new java.util.HashSet<>();
        for (String action : List.of("create.service-notify", "create.service-set-field", "create.service-assign")) {
            icons.add(driver.findElement(By.cssSelector(".djs-palette [data-action='" + action + "']"))
                    .getAttribute("class").replaceAll(".*(bpmn-icon-[a-z-]+).*", "$1"));
        }
        assertEquals(3, icons.size(), "distinct service icons: " + icons);

        // drag a user task from the palette onto the flow between start and end
        WebElement entry = driver.findElement(By.cssSelector(".djs-palette [data-action='create.user-task']"));
        WebElement flow = driver.findElement(By.cssSelector("[data-element-id='flow_start_end']"));
        new Actions(driver).moveToElement(entry).clickAndHold().moveByOffset(40, 40).moveToElement(flow)
                .pause(Duration.ofMillis(300)).release().perform();
        settle(driver);
        String findTask = "const el = Array.from(document.querySelectorAll('.djs-element.djs-shape'))"
                + ".map(e => e.getAttribute('data-element-id')).find(id => id && id.startsWith('Activity_'));"
                + " return el || null;";
        if (js(driver, findTask) == null) {
            // ChromeDriver did not start a native HTML5 drag: use the palette's click-to-create, which is the same
            // create interaction (the shape follows the pointer and lands where the mouse goes down)
            System.out.println("DesignerBrowserIT: native drag did not start; placing by click-to-create");
            entry.click();
            new Actions(driver).moveToElement(flow).pause(Duration.ofMillis(200)).click().perform();
            settle(driver);
        }
        String taskId = wait.until(d -> (String) js(d, findTask));
        // the lint names the new task: no form, no department
        WebElement problem = wait.until(d -> d.findElements(By.cssSelector("#lint .fd-lint-item[data-rule='user-task-form']"))
                .stream().filter(p -> taskId.equals(p.getAttribute("data-element"))).findFirst().orElse(null));
        screenshot(driver, "designer-process-lint-zh");
        problem.click();
        settle(driver);
        wait.until(d -> !d.findElements(By.cssSelector(".djs-element.selected[data-element-id='" + taskId + "']"))
                .isEmpty());
        pickCombo(driver, "prop-form", "incident-diagnosis");
        wait.until(d -> d.findElements(By.cssSelector("#lint .fd-lint-item[data-rule='user-task-form']")).isEmpty());
        pickCombo(driver, "prop-department", "it-support");
        type(driver, "prop-name-zh", "硬件检测");
        type(driver, "prop-name-en", "Hardware check");
        wait.until(d -> "0".equals(d.findElement(By.id("lint-title")).getAttribute("data-count")));
        screenshot(driver, "designer-process-clean-zh");
        click(driver, "designer-save");
        click(driver, "designer-publish");
        // publishing asks first, with what it changes
        WebElement summary = wait.until(d -> d.findElements(By.id("publish-summary")).stream().findFirst()
                .orElse(null));
        assertTrue(summary.getText().contains("这是模板的第一个版本"), summary.getText());
        screenshot(driver, "designer-publish-confirm-first-zh");
        click(driver, "publish-confirm");
        wait.until(d -> "1".equals(d.findElement(By.id("designer-saved")).getAttribute("data-version")));

        // the new version runs a ticket started over REST
        String created = post(app, "agent1", "/api/tickets", """
                {"type":"it-hardware","title":"键盘失灵","priority":"P3",
                 "customer":{"name":"王五","phone":"13900001234"},
                 "data":{"summary":"键盘失灵","category":"hardware"}}""");
        JsonNode ticket = Json.parse(created);
        assertEquals(1, ticket.path("templateVersion").asInt(), created);
        String number = ticket.path("number").asText();
        JsonNode details = Json.parse(get(app, "agent1", "/api/tickets/" + number));
        assertEquals("incident-diagnosis", details.path("openTasks").get(0).path("formKey").asText(),
                details.toString());
        assertEquals("it-support", details.path("openTasks").get(0).path("department").asText(details.toString()),
                details.toString());
    }

    /**
     * "Done when": the analyst (role designer) builds report → diagnosis (IT support) → gateway → on-site repair
     * (IT on-call) when the diagnosis says so, otherwise the customer-service follow-up, by drag and drop and the
     * property panel only; tries it; cannot publish; the admin publishes.
     */
    private void threeDepartmentFlow(AppProcess app, WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        newTemplate(app, driver, "designer", "it-onsite", "现场支持", "On-site support");
        wait.until(d -> !d.findElements(By.cssSelector("[data-element-id='flow_start_end']")).isEmpty());
        settle(driver);
        String diagnosis = dropOnFlow(driver, "create.user-task", "flow_start_end", "Activity_");
        setTask(driver, diagnosis, "诊断", "Diagnosis", "incident-diagnosis", "it-support");
        String toEnd = (String) js(driver, "return Array.from(document.querySelectorAll('.djs-connection'))"
                + ".map(e => e.getAttribute('data-element-id')).find(id => id !== 'flow_start_end'"
                + " && document.getElementById('bpmn-canvas').modeler.get('elementRegistry').get(id).source.id"
                + " === arguments[0]);", diagnosis);
        String gateway = dropOnFlow(driver, "create.exclusive-gateway", toEnd, "Gateway_");
        String toEndAgain = (String) js(driver, "const r = document.getElementById('bpmn-canvas').modeler"
                + ".get('elementRegistry'); return r.get(arguments[0]).outgoing[0].id;", gateway);
        String repair = dropOnFlow(driver, "create.user-task", toEndAgain, "Activity_");
        setTask(driver, repair, "上门维修", "On-site repair", "incident-repair", "it-oncall");
        // second branch: append a user task to the gateway from its context pad, then connect it to the end
        js(driver, "document.getElementById('bpmn-canvas').select(arguments[0]);", gateway);
        settle(driver);
        WebElement append = wait.until(d -> d.findElements(By.cssSelector(".djs-context-pad [data-action="
                + "'append.user-task']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        append.click();
        settle(driver);
        String followUp = (String) js(driver, "const r = document.getElementById('bpmn-canvas').modeler"
                + ".get('elementRegistry'); return r.get(arguments[0]).outgoing.map(f => f.target.id)"
                + ".find(id => id !== arguments[1]);", gateway, repair);
        js(driver, "document.getElementById('bpmn-canvas').select(arguments[0]);", followUp);
        settle(driver);
        WebElement connect = wait.until(d -> d.findElements(By.cssSelector(".djs-context-pad [data-action="
                + "'connect']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        WebElement end = driver.findElement(By.cssSelector("[data-element-id='end']"));
        new Actions(driver).click(connect).pause(Duration.ofMillis(200)).moveToElement(end).pause(
                Duration.ofMillis(200)).click().perform();
        settle(driver);
        setTask(driver, followUp, "客服回访", "Follow-up call", "incident-acceptance", "customer-service");
        // the gateway: needsOnsite == true to the repair, default to the follow-up — without typing expressions
        js(driver, "document.getElementById('bpmn-canvas').select(arguments[0]);", gateway);
        settle(driver);
        wait.until(d -> !d.findElements(By.id("prop-default")).isEmpty());
        String toFollowUp = (String) js(driver, "const r = document.getElementById('bpmn-canvas').modeler"
                + ".get('elementRegistry'); return r.get(arguments[0]).outgoing.find(f => f.target.id === arguments[1])"
                + ".id;", gateway, followUp);
        String toRepair = (String) js(driver, "const r = document.getElementById('bpmn-canvas').modeler"
                + ".get('elementRegistry'); return r.get(arguments[0]).outgoing.find(f => f.target.id === arguments[1])"
                + ".id;", gateway, repair);
        Browser.radio(driver, "prop-default", "→ 客服回访");
        // the panel is rebuilt once the canvas reports the new default: the default flow loses its condition row
        wait.until(d -> d.findElements(By.id("cond-" + toFollowUp + "-0-field")).isEmpty()
                && !d.findElements(By.id("cond-" + toRepair + "-0-field")).isEmpty());
        settle(driver);
        pickCombo(driver, "cond-" + toRepair + "-0-field", "needsOnsite");
        Browser.choose(driver, "cond-" + toRepair + "-0-choice", "是（true）");
        click(driver, "cond-" + toRepair + "-apply");
        wait.until(d -> "0".equals(d.findElement(By.id("lint-title")).getAttribute("data-count")));
        screenshot(driver, "designer-three-departments-zh");
        assertTrue(driver.findElement(By.id("designer-publish")).getDomAttribute("disabled") != null,
                "a designer cannot publish");
        // try it as the analyst
        click(driver, "designer-try");
        type(driver, "ticket-title", "试运行");
        type(driver, "field-summary", "打印机卡纸");
        Browser.choose(driver, "field-category", "硬件");
        click(driver, "try-start");
        wait.until(d -> !d.findElements(By.id("ticket-test")).isEmpty());
        // walk it: the analyst works the IT-support step and the flow takes the on-site branch
        click(driver, "claim-task");
        wait.until(d -> !d.findElements(By.id("complete-task")).isEmpty());
        type(driver, "field-diagnosis", "打印机定影器损坏");
        js(driver, "document.querySelector('#field-needsOnsite input').click();");
        settle(driver);
        click(driver, "complete-task");
        wait.until(d -> d.findElement(By.id("ticket-step")).getText().contains("上门维修"));
        screenshot(driver, "designer-three-departments-try-zh");
        // hand over: the admin publishes the draft
        JsonNode published = Json.parse(send(app, "admin", "POST", "/api/design/templates/it-onsite/publish", ""));
        assertEquals("PUBLISHED", published.path("outcome").asText(), published.toString());
        String bpmn = Json.parse(get(app, "admin", "/api/templates/it-onsite")).toString();
        assertTrue(bpmn.contains("\"version\":1"), bpmn);
        JsonNode draft = Json.parse(get(app, "designer", "/api/design/templates/it-onsite/draft"));
        String xml = draft.path("bpmn").asText();
        assertTrue(xml.contains("${needsOnsite == true}"), xml);
        assertTrue(xml.contains("default=\"" + toFollowUp + "\""), xml);
        assertTrue(xml.contains("flowable:candidateGroups=\"it-oncall\""), xml);
    }

    /** Signs in and creates a template (start form incident-report) from the library's dialog. */
    private static void newTemplate(AppProcess app, WebDriver driver, String user, String key, String zh, String en)
            throws Exception {
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, user);
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        screenshot(driver, "designer-library-zh");
        click(driver, "new-template");
        type(driver, "new-template-key", key);
        type(driver, "new-template-zh", zh);
        type(driver, "new-template-en", en);
        pickCombo(driver, "new-template-start", "incident-report");
        click(driver, "new-template-create");
    }

    /** Drops a palette entry onto a sequence flow (bpmn-js splits the flow); returns the new element's id. */
    private static String dropOnFlow(WebDriver driver, String action, String flowId, String idPrefix) {
        Object before = js(driver, "return Array.from(document.querySelectorAll('.djs-shape'))"
                + ".map(e => e.getAttribute('data-element-id')).join(',');");
        WebElement entry = driver.findElement(By.cssSelector(".djs-palette [data-action='" + action + "']"));
        WebElement flow = driver.findElement(By.cssSelector("[data-element-id='" + flowId + "']"));
        new Actions(driver).moveToElement(entry).clickAndHold().moveByOffset(40, 40).moveToElement(flow)
                .pause(Duration.ofMillis(300)).release().perform();
        settle(driver);
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (String) js(d,
                "const before = arguments[0].split(','); return Array.from(document.querySelectorAll('.djs-shape'))"
                        + ".map(e => e.getAttribute('data-element-id')).find(id => id && id.startsWith(arguments[1])"
                        + " && !before.includes(id)) || null;", before, idPrefix));
    }

    private static void setTask(WebDriver driver, String id, String zh, String en, String form, String department) {
        js(driver, "document.getElementById('bpmn-canvas').select(arguments[0]);", id);
        settle(driver);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("prop-form")).isEmpty());
        pickCombo(driver, "prop-form", form);
        pickCombo(driver, "prop-department", department);
        type(driver, "prop-name-zh", zh);
        type(driver, "prop-name-en", en);
    }

    private void formDesigner(AppProcess app, WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        click(driver, "new-form");
        type(driver, "new-form-key", "hw-check");
        type(driver, "new-form-zh", "硬件检查");
        type(driver, "new-form-en", "Hardware check");
        click(driver, "new-form-create");
        wait.until(d -> d.getCurrentUrl().contains("design/form/hw-check"));
        settle(driver);
        WebElement canvas = driver.findElement(By.id("form-canvas"));
        for (String widget : List.of("text", "number", "select")) {
            js(driver, DRAG, driver.findElement(By.id("palette-" + widget)), canvas);
            settle(driver);
        }
        wait.until(d -> d.findElements(By.cssSelector("#form-canvas .fd-fcard")).size() == 3);
        // reorder: drag the select onto the first card
        js(driver, DRAG, driver.findElement(By.id("card-select1")), driver.findElement(By.id("card-text1")));
        settle(driver);
        wait.until(d -> "select1".equals(d.findElements(By.cssSelector("#form-canvas .fd-fcard")).get(0)
                .getAttribute("data-key")));
        click(driver, "card-number1");
        click(driver, "prop-required");
        settle(driver);
        click(driver, "tab-json");
        JsonNode schema = Json.parse((String) js(driver, "return document.getElementById('form-json').textContent;"));
        assertEquals("[\"select1\",\"text1\",\"number1\"]", schema.path("x-ui").path("order").toString());
        assertEquals("[\"number1\"]", schema.path("required").toString());
        assertEquals("number", schema.path("properties").path("number1").path("type").asText());
        assertEquals("[\"option1\",\"option2\"]", schema.path("properties").path("select1").path("enum").toString());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        screenshot(driver, "designer-form-zh");
        // the preview (the runtime renderer) rejects the missing required field like the server
        click(driver, "tab-preview");
        click(driver, "preview-check");
        wait.until(d -> Boolean.TRUE.equals(js(d, "const f = document.querySelector('#form-preview #field-number1');"
                + " return !!f && f.hasAttribute('invalid');")));
        screenshot(driver, "designer-form-preview-zh");
        // saved as the form's draft on the server
        JsonNode draft = Json.parse(get(app, "designer", "/api/design/forms/hw-check/draft"));
        assertEquals("[\"number1\"]", draft.path("schema").path("required").toString());
    }

    private void screenshots(AppProcess app, WebDriver driver, String tag) throws Exception {
        // "Try it" on the hardware template's draft: the dialog, then the test ticket in the workspace
        driver.get(app.baseUrl() + "/design/process/it-hardware");
        settle(driver);
        click(driver, "designer-try");
        type(driver, "ticket-title", "Try: keyboard");
        type(driver, "field-summary", "Keyboard dead");
        Browser.choose(driver, "field-category", tag.equals("zh") ? "硬件" : "Hardware");
        screenshot(driver, "designer-try-" + tag);
        click(driver, "try-start");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/tickets/FD-"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("ticket-test")).isEmpty());
        screenshot(driver, "designer-test-ticket-" + tag);
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        screenshot(driver, "designer-library-" + tag);
        driver.get(app.baseUrl() + "/design/process/ecommerce-refund");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("[data-element-id='gwApproval']")).isEmpty());
        settle(driver);
        // Ctrl+Z works right after load, before the canvas was clicked
        String nameOf = "return document.getElementById('bpmn-canvas')._element('gwApproval').businessObject.name;";
        String original = (String) js(driver, nameOf);
        js(driver, "document.getElementById('bpmn-canvas').setProps('gwApproval', {name: 'Undo me'});");
        assertEquals("Undo me", js(driver, nameOf));
        new Actions(driver).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("z")
                .keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> java.util.Objects.equals(original, js(d, nameOf)));
        // the publish confirmation: changes against the newest version and the tickets that stay on it
        click(driver, "designer-publish");
        WebElement running = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.id("publish-running")).stream().findFirst().orElse(null));
        assertTrue(running.getText().contains(tag.equals("zh") ? "进行中的工单" : "running ticket"), running.getText());
        screenshot(driver, "designer-publish-confirm-" + tag);
        click(driver, "publish-cancel");
        settle(driver);
        js(driver, "document.getElementById('bpmn-canvas').select('gwApproval');");
        js(driver, "document.getElementById('bpmn-canvas')._fire('fd-select', {id: 'gwApproval'});");
        settle(driver);
        screenshot(driver, "designer-process-gateway-" + tag);
        driver.get(app.baseUrl() + "/design/form/refund-request");
        settle(driver);
        click(driver, "card-refundAmount");
        screenshot(driver, "designer-form-" + tag);
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        driver.findElements(By.cssSelector("#templates-grid vaadin-button")).stream()
                .filter(b -> b.getText().contains("Versions") || b.getText().contains("版本")).skip(1).findFirst()
                .orElseThrow().click();
        settle(driver);
        click(driver, "diff-compare");
        screenshot(driver, "designer-versions-" + tag);
    }

    /** A second version of ecommerce-refund (a renamed step) so that the versions dialog has a diff to show. */
    private static void secondRefundVersion(AppProcess app) throws Exception {
        JsonNode draft = Json.parse(get(app, "designer", "/api/design/templates/ecommerce-refund/draft"));
        String bpmn = draft.path("bpmn").asText().replace("name=\"财务退款\"", "name=\"财务打款\"");
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("metadata", draft.path("metadata"));
        body.put("bpmn", bpmn);
        send(app, "designer", "PUT", "/api/design/templates/ecommerce-refund/draft", body.toString());
        send(app, "admin", "POST", "/api/design/templates/ecommerce-refund/publish", "");
    }

    private static String send(AppProcess app, String user, String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", auth(user)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + " -> " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private static void pickCombo(WebDriver driver, String id, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(text);
        settle(driver);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js(d,
                "const item = Array.from(document.querySelectorAll('vaadin-combo-box-item'))"
                        + ".find(i => i.textContent.includes(arguments[0]));"
                        + " if (!item) return false; item.click(); return true;", text)));
        settle(driver);
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String post(AppProcess app, String user, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", auth(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + " -> " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private static String get(AppProcess app, String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", auth(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return response.body();
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    }
}
