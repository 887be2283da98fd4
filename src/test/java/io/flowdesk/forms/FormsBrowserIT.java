package io.flowdesk.forms;

import static io.flowdesk.testing.Browser.choose;
import static io.flowdesk.testing.Browser.click;
import static io.flowdesk.testing.Browser.login;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static io.flowdesk.testing.Browser.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium, in zh-CN and en: the portal's refund form compiles its pattern attributes with the v flag and
 * checks them on the client, "abc" in the amount says it must be a number, and the server's errors sit on their
 * fields in words; the form designer shows the pattern message fields and previews an attachment as an upload.
 */
class FormsBrowserIT {

    @Test
    void validationSpeaksThePersonsLanguageAndPatternsWorkInTheBrowser() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_forms", 18100)) {
            app.start(true);
            portal(app, "zh-CN", "电商售后退款", "订单号只能包含字母、数字和连字符", "退款金额（元）必须是数字");
            portal(app, "en", "E-commerce refund", "The order number may contain only letters, digits and hyphens.",
                    "Refund amount (CNY) must be a number.");
            designer(app, "zh-CN", "订单号只能包含字母、数字和连字符");
            designer(app, "en", "The order number may contain only letters, digits and hyphens.");
        }
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void portal(AppProcess app, String language, String template, String orderNoMessage,
            String amountMessage) throws Exception {
        WebDriver driver = Browser.start(412, 1100, language);
        String tag = language.startsWith("zh") ? "zh" : "en";
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/portal/login");
            login(driver, "customer1");
            driver.get(app.baseUrl() + "/portal/new");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-type")));
            choose(driver, "ticket-type", template);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-orderNo")));
            // the pattern attributes compile with the v flag, as Chrome compiles them
            for (String field : new String[] {"field-orderNo", "field-contactPhone"}) {
                String pattern = (String) js(driver, "return document.getElementById(arguments[0]).pattern;", field);
                assertTrue(pattern != null && !pattern.isEmpty(), field + " has a pattern attribute");
                assertEquals(Boolean.TRUE, js(driver, "try { new RegExp('^(?:' + arguments[0] + ')$', 'v'); return true; }"
                        + " catch (e) { return e.message; }", pattern), field + ": " + pattern);
            }
            type(driver, "ticket-title", "Refund");
            type(driver, "field-orderNo", "TB 1/2");
            assertEquals(Boolean.TRUE, js(driver, "return document.querySelector('#field-orderNo input')"
                    + ".validity.patternMismatch;"), "the browser checks the pattern");
            type(driver, "field-orderNo", "TB-2");
            assertEquals(Boolean.FALSE, js(driver, "return document.querySelector('#field-orderNo input')"
                    + ".validity.patternMismatch;"));
            type(driver, "field-orderNo", "TB 1/2");
            type(driver, "field-refundAmount", "abc");
            click(driver, "portal-submit");
            wait.until(d -> Boolean.TRUE.equals(js(d, "return document.getElementById('field-refundAmount')"
                    + ".hasAttribute('invalid') && document.getElementById('field-orderNo').hasAttribute('invalid');")));
            settle(driver);
            screenshot(driver, "forms-portal-errors-" + tag);
            assertEquals(orderNoMessage, js(driver, "return document.getElementById('field-orderNo').errorMessage;"));
            assertEquals(amountMessage, js(driver, "return document.getElementById('field-refundAmount').errorMessage;"));
        } catch (Throwable e) {
            screenshot(driver, "forms-portal-failure-" + tag);
            throw e;
        } finally {
            driver.quit();
        }
    }

    private static void designer(AppProcess app, String language, String patternMessage) throws Exception {
        WebDriver driver = Browser.start(1500, 1000, language);
        String tag = language.startsWith("zh") ? "zh" : "en";
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            login(driver, "designer");
            driver.get(app.baseUrl() + "/design/form/refund-request");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-orderNo")));
            settle(driver);
            click(driver, "card-orderNo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("prop-pattern-message-zh")));
            String own = (String) js(driver, "return document.getElementById(arguments[0]).value;",
                    tag.equals("zh") ? "prop-pattern-message-zh" : "prop-pattern-message-en");
            assertEquals(patternMessage, own);
            js(driver, "document.getElementById('prop-pattern-message-en').scrollIntoView({block: 'center'});");
            screenshot(driver, "forms-designer-pattern-message-" + tag);
            click(driver, "palette-attachment");
            click(driver, "tab-preview");
            wait.until(d -> !d.findElements(By.cssSelector("#form-preview vaadin-upload")).isEmpty());
            js(driver, "document.querySelector('#form-preview vaadin-upload').scrollIntoView({block: 'center'});");
            screenshot(driver, "forms-designer-attachment-preview-" + tag);
        } catch (Throwable e) {
            screenshot(driver, "forms-designer-failure-" + tag);
            throw e;
        } finally {
            driver.quit();
        }
    }
}
