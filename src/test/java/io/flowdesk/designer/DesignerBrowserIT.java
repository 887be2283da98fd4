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
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, "admin");
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        screenshot(driver, "designer-library-zh");
        click(driver, "new-template");
        type(driver, "new-template-key", "it-hardware");
        type(driver, "new-template-zh", "硬件报修");
        type(driver, "new-template-en", "Hardware repair");
        pickCombo(driver, "new-template-start", "incident-report");
        click(driver, "new-template-create");
        wait.until(d -> d.getCurrentUrl().contains("design/process/it-hardware"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-element-id='flow_start_end']")).isEmpty());
        settle(driver);
        assertTrue(driver.findElement(By.cssSelector(".bjs-powered-by")).isDisplayed(), "bpmn.io watermark visible");
        // only FlowDesk's palette: no sub-process, no data store, no pools
        assertTrue(driver.findElements(By.cssSelector(".djs-palette [data-action='create.subprocess-expanded']"))
                .isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".djs-palette [data-action='create.participant-expanded']"))
                .isEmpty());

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
        assertEquals("[\"a\",\"b\"]", schema.path("properties").path("select1").path("enum").toString());
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
