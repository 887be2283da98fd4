package io.flowdesk.automation.ui;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin builds both sample rules from scratch in admin/rules (new names, not the shipped seeds), saves, switches
 * them on and moves the second above the first; the order API answers that order. The first then works end to end:
 * a ticket customer1 opens with 退款 in its title lands in finance. The second is stored with its TIME trigger,
 * condition and action. A rule saved incomplete names its fields by their labels in the reader's language. Agents are
 * refused the route. Screenshots: list and editor, zh-CN and en, desktop and phone.
 */
class RulesViewIT {

    private static final Path SHOTS = Path.of("/work/shots/rulesview");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REFUND = "web-refund-to-finance";
    private static final String LATE = "web-no-first-response";
    private static final String SOON = "web-resolution-soon";
    private static String refundTicket;
    private static String printerTicket;

    @Test
    void anAdminBuildsBothSampleRulesInTheViewAndTheFirstRoutesARefundToFinance() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_rulesview", 18080)) {
            app.start(true);
            WebDriver driver = Browser.start(1366, 900, "en");
            try {
                build(app, driver);
            } catch (Throwable e) {
                screenshot(driver, "rulesview-failure-en");
                throw e;
            } finally {
                driver.quit();
            }
            refundLandsInFinance(app);
            secondIsStoredAsBuilt(app);
            for (String language : List.of("zh-CN", "en")) {
                validation(app, language);
                phone(app, language);
                tagsInTheHeader(app, language);
            }
            refused(app);
        }
    }

    private static void build(AppProcess app, WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, "admin");
        // the navigation leads there
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item[path='admin/rules']")));
        driver.get(app.baseUrl() + "/admin/rules");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-list")));
        Browser.settle(driver);

        // 1. title contains 退款 or refund → route to finance
        Browser.click(driver, "rules-new");
        type(driver, "rule-name-zh", "网页：退款转财务");
        type(driver, "rule-name-en", "Web: refund to finance");
        assertEquals(REFUND, value(driver, "rule-key"), "the key follows the English name");
        Browser.choose(driver, "rule-trigger", "A ticket is created");
        Browser.click(driver, "rule-any-add");
        Browser.click(driver, "rule-any-add");
        for (int i = 0; i < 2; i++) {
            Browser.choose(driver, "rule-any-" + i + "-field", "Title");
            Browser.choose(driver, "rule-any-" + i + "-op", "contains");
            type(driver, "rule-any-" + i + "-value", i == 0 ? "退款" : "refund");
        }
        Browser.choose(driver, "rule-action-0-type", "Route the open step");
        Browser.choose(driver, "rule-action-0-route-to", "A department");
        Browser.choose(driver, "rule-action-0-department", "Finance");
        Browser.click(driver, "rule-save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + REFUND)));
        assertEquals("When a ticket is created, only if at least one of: Title contains “退款” or Title contains “refund”",
                text(driver, "rule-" + REFUND + "-trigger"));
        assertEquals("Then: route to Finance", text(driver, "rule-" + REFUND + "-actions"));

        // 2. no first response within 4 working hours (cn-standard) → priority one step up
        Browser.click(driver, "rules-new");
        type(driver, "rule-name-zh", "网页：4 个工作小时未响应升级");
        type(driver, "rule-name-en", "Web: no first response");
        Browser.choose(driver, "rule-trigger", "Some time has passed");
        Browser.choose(driver, "rule-trigger-since", "after the ticket was created");
        type(driver, "rule-trigger-minutes", "240");
        assertEquals("= 4 h", text(driver, "rule-trigger-minutes-words"));
        Browser.click(driver, "rule-trigger-working");
        Browser.choose(driver, "rule-trigger-calendar", "China standard working days");
        Browser.click(driver, "rule-all-add");
        Browser.choose(driver, "rule-all-0-field", "First staff response");
        Browser.choose(driver, "rule-all-0-op", "is empty");
        assertFalse(driver.findElement(By.id("rule-all-0-value")).isDisplayed(), "no value for 'is empty'");
        Browser.choose(driver, "rule-action-0-type", "Set priority");
        Browser.choose(driver, "rule-action-0-priority", "One step up");
        // the dry run, before saving: every recent ticket has no staff response yet in this fresh demo
        Browser.click(driver, "rule-dry-run");
        wait.until(d -> !text(d, "rule-dry-summary").isBlank());
        assertTrue(text(driver, "rule-dry-summary").matches("\\d+ of the latest \\d+ tickets would match\\."),
                text(driver, "rule-dry-summary"));
        js(driver, "document.getElementById('rule-editor-title').scrollIntoView()");
        Browser.settle(driver);
        keep(screenshot(driver, "rulesview-editor-en-desktop"), "editor-en-desktop");
        Browser.click(driver, "rule-save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + LATE)));
        assertEquals("4 h of working time (China standard working days) after the ticket was created, only if "
                + "First staff response is empty", text(driver, "rule-" + LATE + "-trigger"));
        assertEquals("Then: raise priority one step", text(driver, "rule-" + LATE + "-actions"));

        // 3. counted back from a deadline: 30 minutes before the resolution deadline → tag
        Browser.click(driver, "rules-new");
        type(driver, "rule-name-zh", "网页：解决前 30 分钟");
        type(driver, "rule-name-en", "Web: resolution soon");
        Browser.choose(driver, "rule-trigger", "Some time has passed");
        Browser.choose(driver, "rule-trigger-since", "before the resolution deadline");
        type(driver, "rule-trigger-minutes", "30");
        Browser.choose(driver, "rule-action-0-type", "Add tag");
        type(driver, "rule-action-0-tag", "resolution-soon");
        Browser.click(driver, "rule-save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + SOON)));
        assertEquals("30 min before the resolution deadline", text(driver, "rule-" + SOON + "-trigger"));
        assertEquals(Json.MAPPER.readTree("""
                {"type":"TIME","before":"RESOLUTION","minutes":30}"""),
                get(app, "admin", "/api/automation/rules/" + SOON).path("trigger"));

        // both on; the second moved above the first
        for (String key : List.of(REFUND, LATE)) {
            Browser.click(driver, "rule-" + key + "-on");
            wait.until(d -> Boolean.TRUE.equals(js(d, "return document.getElementById(arguments[0]).checked",
                    "rule-" + key + "-on")));
        }
        List<String> before = keys(app);
        assertTrue(before.indexOf(REFUND) < before.indexOf(LATE), before.toString());
        Browser.click(driver, "rule-" + LATE + "-up");
        List<String> after = keys(app);
        assertEquals(before.indexOf(LATE) - 1, after.indexOf(LATE), after.toString());
        assertTrue(after.indexOf(LATE) < after.indexOf(REFUND), after.toString());
        // the page shows the stored order
        List<String> shown = new ArrayList<>();
        driver.findElements(By.cssSelector("#rules-list .fd-rule-card")).forEach(c -> shown.add(c.getDomAttribute(
                "id").substring("rule-".length())));
        assertEquals(after, shown);
        Browser.settle(driver);
        keep(screenshot(driver, "rulesview-list-en-desktop"), "list-en-desktop");

        // duplicate opens an unsaved, switched-off copy; delete asks first
        Browser.click(driver, "rule-" + REFUND + "-duplicate");
        assertEquals(REFUND + "-copy", value(driver, "rule-key"));
        assertEquals("Copy of Web: refund to finance", value(driver, "rule-name-en"));
        assertEquals(after, keys(app), "not stored before it is saved");
        Browser.click(driver, "rule-save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + REFUND + "-copy")));
        assertFalse(get(app, "admin", "/api/automation/rules/" + REFUND + "-copy").path("enabled").asBoolean());
        Browser.click(driver, "rule-" + REFUND + "-copy-delete");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-delete-confirm")));
        assertTrue(keys(app).contains(REFUND + "-copy"), "nothing deleted before the confirmation");
        Browser.click(driver, "rule-delete-confirm");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("rule-" + REFUND + "-copy"), 0));
        assertEquals(after, keys(app));
    }

    private static void refundLandsInFinance(AppProcess app) throws Exception {
        // a refund request starts in customer service; its first step has no automatic assignment, so nothing but
        // the rule moves it (see the report: routing's auto-assignment can overwrite a rule's transfer)
        String number = post(app, "customer1", "/api/tickets", """
                {"type":"ecommerce-refund","title":"订单 JD-42 申请退款","priority":"P3",
                 "data":{"orderNo":"JD-42","refundAmount":199,"reason":"damaged","description":"外包装破损"}}""");
        String other = post(app, "customer1", "/api/tickets", """
                {"type":"it-incident","title":"打印机坏了","priority":"P3",
                 "data":{"summary":"打印机坏了","category":"network"}}""");
        refundTicket = number;
        printerTicket = other;
        // the automation consumer runs in the background: wait (bounded) until the first has been routed
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"finance".equals(department(app, number)) && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertEquals("finance", department(app, number));
        assertEquals("it-support", department(app, other), "a title without 退款 or refund stays where it was");
        boolean fired = false;
        for (JsonNode t : get(app, "admin", "/api/tickets/" + number + "/automation-trace")) {
            fired |= REFUND.equals(t.path("rule").asText()) && "FIRED".equals(t.path("outcome").asText());
        }
        assertTrue(fired, trace(app, number));
    }

    private static void secondIsStoredAsBuilt(AppProcess app) throws Exception {
        JsonNode rule = get(app, "admin", "/api/automation/rules/" + LATE);
        assertEquals("网页：4 个工作小时未响应升级", rule.path("nameZh").asText());
        assertEquals("Web: no first response", rule.path("nameEn").asText());
        assertTrue(rule.path("enabled").asBoolean());
        assertEquals(Json.MAPPER.readTree("""
                {"type":"TIME","since":"CREATED","minutes":240,"working":true,"calendar":"cn-standard"}"""),
                rule.path("trigger"));
        assertEquals(Json.MAPPER.readTree("""
                {"all":[{"field":"firstResponse","op":"empty"}],"any":[]}"""), rule.path("conditions"));
        assertEquals(Json.MAPPER.readTree("""
                [{"type":"priority","value":"raise"}]"""), rule.path("actions"));
        JsonNode refund = get(app, "admin", "/api/automation/rules/" + REFUND);
        assertEquals(Json.MAPPER.readTree("""
                {"type":"TICKET_CREATED"}"""), refund.path("trigger"));
        assertEquals(Json.MAPPER.readTree("""
                {"all":[],"any":[{"field":"title","op":"contains","value":"退款"},
                 {"field":"title","op":"contains","value":"refund"}]}"""), refund.path("conditions"));
        assertEquals(Json.MAPPER.readTree("""
                [{"type":"route","department":"finance"}]"""), refund.path("actions"));
    }

    /** An incomplete rule: every problem is named on its field by its label, in the reader's language. */
    private static void validation(AppProcess app, String language) throws Exception {
        boolean zh = language.equals("zh-CN");
        String tag = zh ? "zh" : "en";
        WebDriver driver = Browser.start(1366, 900, language);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "admin");
            driver.get(app.baseUrl() + "/admin/rules");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + REFUND)));
            Browser.settle(driver);
            if (zh) {
                assertEquals("网页：退款转财务", text(driver, "rule-" + REFUND + "-name"));
                assertEquals("然后：转到财务", text(driver, "rule-" + REFUND + "-actions"));
                keep(screenshot(driver, "rulesview-list-zh-desktop"), "list-zh-desktop");
            }
            List<String> before = keys(app);
            Browser.click(driver, "rules-new");
            Browser.click(driver, "rule-all-add");
            Browser.choose(driver, "rule-all-0-op", zh ? "包含" : "contains");
            Browser.click(driver, "rule-save");
            wait.until(d -> Boolean.TRUE.equals(js(d, "return document.getElementById('rule-name-zh').invalid")));
            assertEquals(zh ? "请填写名称（中文）" : "Name (Chinese) is required",
                    js(driver, "return document.getElementById('rule-name-zh').errorMessage"));
            assertEquals(zh ? "请填写值" : "Value is required",
                    js(driver, "return document.getElementById('rule-all-0-value').errorMessage"));
            assertTrue(text(driver, "rule-errors").contains(zh ? "请填写名称（英文）" : "Name (English) is required"),
                    text(driver, "rule-errors"));
            assertFalse(driver.getPageSource().contains("Exception"), "no stack trace on the page");
            assertEquals(before, keys(app), "nothing stored");
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-error-" + tag + "-desktop"), "error-" + tag + "-desktop");
            Browser.click(driver, "rule-cancel");
            Browser.click(driver, "rule-" + LATE + "-edit");
            wait.until(d -> value(d, "rule-trigger-minutes").equals("240"));
            js(driver, "document.getElementById('rule-editor-title').scrollIntoView()");
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-editor-" + tag + "-desktop-late"), "editor-" + tag + "-desktop-late");
            // the dry run on the tickets opened above: the refund one matches, the printer one does not
            Browser.click(driver, "rule-cancel");
            Browser.click(driver, "rule-" + REFUND + "-edit");
            Browser.click(driver, "rule-dry-run");
            wait.until(d -> !text(d, "rule-dry-summary").isBlank());
            assertTrue(text(driver, "rule-dry-summary").matches(zh ? "最近 \\d+ 张工单中有 1 张会匹配。"
                    : "1 of the latest \\d+ tickets would match\\."), text(driver, "rule-dry-summary"));
            assertEquals(zh ? "会匹配：转到财务" : "Would match: route to Finance", text(driver, "rule-dry-" + refundTicket
                    + "-what"));
            assertEquals(zh ? "不会匹配：标题包含“退款”或标题包含“refund”均不成立"
                    : "Would not match: none of Title contains “退款” or Title contains “refund” holds",
                    text(driver, "rule-dry-" + printerTicket + "-what"));
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-dry-" + tag + "-desktop"), "dry-" + tag + "-desktop");
        } finally {
            driver.quit();
        }
    }

    private static void phone(AppProcess app, String language) throws Exception {
        String tag = language.equals("zh-CN") ? "zh" : "en";
        WebDriver driver = Browser.start(390, 844, language);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "admin");
            driver.get(app.baseUrl() + "/admin/rules");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + REFUND)));
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-list-" + tag + "-phone"), "list-" + tag + "-phone");
            assertNoOverflow(driver);
            Browser.click(driver, "rule-" + REFUND + "-edit");
            wait.until(d -> value(d, "rule-name-en").equals("Web: refund to finance"));
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-editor-" + tag + "-phone"), "editor-" + tag + "-phone");
            assertNoOverflow(driver);
            js(driver, "document.getElementById('rule-action-0').scrollIntoView({block: 'center'})");
            Browser.settle(driver);
            keep(screenshot(driver, "rulesview-editor-actions-" + tag + "-phone"), "editor-actions-" + tag + "-phone");
        } finally {
            driver.quit();
        }
    }

    /** A ticket's tags (what rules and macros set) are chips in its header for staff, desktop and phone. */
    private static void tagsInTheHeader(AppProcess app, String language) throws Exception {
        try (java.sql.Connection db = app.jdbc(); java.sql.PreparedStatement insert = db.prepareStatement(
                "insert into ticket_tag (ticket_id, tag, created_at) select id, ?, now() from ticket where number = ? "
                        + "on conflict do nothing")) {
            for (String t : List.of("refund", "vip-客户")) {
                insert.setString(1, t);
                insert.setString(2, refundTicket);
                insert.executeUpdate();
            }
        }
        String tag = language.equals("zh-CN") ? "zh" : "en";
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            WebDriver driver = Browser.start(size[0], size[1], language);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "admin");
                driver.get(app.baseUrl() + "/tickets/" + refundTicket);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-tags")));
                Browser.settle(driver);
                assertEquals(List.of("#refund", "#vip-客户"), driver.findElements(By.cssSelector("#ticket-tags [data-tag]"))
                        .stream().map(e -> e.getText().strip()).sorted().toList());
                assertEquals(language.equals("zh-CN") ? "标签" : "Tags",
                        driver.findElement(By.id("ticket-tags")).getDomAttribute("aria-label"));
                String name = "ticket-tags-" + tag + (size[0] < 500 ? "-phone" : "-desktop");
                keep(screenshot(driver, "rulesview-" + name), name);
                if (size[0] < 500) {
                    assertNoOverflow(driver);
                } else { // why the rule fired, in words, from the header
                    boolean zh = language.equals("zh-CN");
                    Browser.click(driver, "rule-trace-open");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-trace")));
                    Browser.settle(driver);
                    String fired = (String) js(driver, "return Array.from(document.querySelectorAll("
                            + "'[data-outcome=FIRED]')).filter(e => e.getAttribute('data-rule') === arguments[0])"
                            + ".map(e => e.textContent).join('|')", REFUND);
                    assertTrue(fired.contains(zh ? "网页：退款转财务" : "Web: refund to finance")
                            && fired.contains(zh ? "已执行" : "Fired"), fired);
                    String other = (String) js(driver, "return Array.from(document.querySelectorAll("
                            + "'#rule-trace [data-outcome]')).map(e => e.textContent).join('|')");
                    assertFalse(other.contains("NOT_MATCHED") || other.contains("TASK_STARTED"), other);
                    keep(screenshot(driver, "rulesview-trace-" + tag + "-desktop"), "trace-" + tag + "-desktop");
                }
            } finally {
                driver.quit();
            }
        }
    }

    private static void assertNoOverflow(WebDriver driver) {
        Number scroll = (Number) js(driver, "return document.documentElement.scrollWidth");
        Number width = (Number) js(driver, "return document.documentElement.clientWidth");
        assertTrue(scroll.doubleValue() <= width.doubleValue() + 1, "page is " + scroll + " px wide on " + width);
    }

    private static void refused(AppProcess app) throws Exception {
        WebDriver driver = Browser.start(1366, 900, "en");
        try {
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "agent1");
            driver.get(app.baseUrl() + "/admin/rules");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("rules-refused")));
            assertTrue(driver.findElements(By.id("rules-list")).isEmpty());
            assertTrue(driver.findElements(By.cssSelector("vaadin-side-nav-item[path='admin/rules']")).isEmpty());
        } finally {
            driver.quit();
        }
    }

    private static String department(AppProcess app, String number) throws Exception {
        JsonNode tasks = get(app, "admin", "/api/tickets/" + number).path("openTasks");
        return tasks.isEmpty() ? null : tasks.get(0).path("department").asText(null);
    }

    private static String trace(AppProcess app, String number) throws Exception {
        return get(app, "admin", "/api/tickets/" + number + "/automation-trace").toString();
    }

    private static List<String> keys(AppProcess app) throws Exception {
        List<String> keys = new ArrayList<>();
        get(app, "admin", "/api/automation/rules").forEach(r -> keys.add(r.path("key").asText()));
        return keys;
    }

    private static JsonNode get(AppProcess app, String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static String post(AppProcess app, String user, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + " → " + response.statusCode() + " " + response.body());
        Matcher number = Pattern.compile("\"number\":\"(FD-[0-9-]+)\"").matcher(response.body());
        assertTrue(number.find(), response.body());
        return number.group(1);
    }

    private static void type(WebDriver driver, String id, String text) {
        js(driver, "document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
        Browser.type(driver, id, text);
    }

    private static String value(WebDriver driver, String id) {
        Object v = js(driver, "return document.getElementById(arguments[0]).value", id);
        return v == null ? "" : v.toString();
    }

    private static String text(WebDriver driver, String id) {
        Object v = js(driver, "return document.getElementById(arguments[0]).textContent", id);
        return v == null ? "" : v.toString().strip();
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A copy for people to look at, outside target/ (only when /work/shots exists). */
    private static void keep(Path file, String name) throws Exception {
        if (Files.isDirectory(SHOTS.getParent())) {
            Files.createDirectories(SHOTS);
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
