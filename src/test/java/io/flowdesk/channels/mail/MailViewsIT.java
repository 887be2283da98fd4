package io.flowdesk.channels.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' mail views in the browser (ADR 0051): the mailbox list with its watermark and last error, editing a
 * mailbox (the password stays write-only, a missing address is named at its field), and the unreadable-mail list
 * with download, retry and dismiss — at desktop and phone width, in zh-CN and en.
 */
class MailViewsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "imap-s3cret-never-shown";

    @Test
    void adminsSeeAndEditMailboxesAndHandleUnreadableMail() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_mailviews", 18385)) {
            app.env("FLOWDESK_SECRETS_KEY", "Zmxvd2Rlc2stZGV2LW9ubHkta2V5LTMyLWJ5dGVzISE=");
            app.start(true);
            // a mailbox whose IMAP server is not there: the poller records the error
            send(app, "PUT", "/api/admin/mailboxes/support", "application/json", ("{\"address\":\"support@flowdesk.test\","
                    + "\"host\":\"127.0.0.1\",\"port\":18399,\"tls\":false,\"username\":\"help\",\"password\":\""
                    + SECRET + "\",\"pollSeconds\":5}").getBytes(StandardCharsets.UTF_8), 200);
            long until = System.currentTimeMillis() + 60_000;
            while (!send(app, "GET", "/api/admin/mailboxes", null, null, 200).contains("\"lastError\":\"")
                    && System.currentTimeMillis() < until) {
                Thread.sleep(500);
            }
            assertTrue(send(app, "GET", "/api/admin/mailboxes", null, null, 200).contains("\"lastError\":\""));
            send(app, "POST", "/api/intake/mail?mailbox=support", "message/rfc822",
                    "Subject: who sent this\r\n\r\nno From header\r\n".getBytes(StandardCharsets.UTF_8), 200);
            send(app, "POST", "/api/intake/mail?mailbox=support", "message/rfc822",
                    "Subject: second\r\n\r\nstill no From\r\n".getBytes(StandardCharsets.UTF_8), 200);

            for (String language : List.of("zh-CN", "en")) {
                String tag = language.equals("zh-CN") ? "zh" : "en";
                boolean zh = tag.equals("zh");
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "admin");
                    driver.get(app.baseUrl() + "/admin/mailboxes");
                    wait.until(d -> !d.findElements(By.id("mailbox-grid")).isEmpty());
                    Browser.settle(driver);
                    String body = text(driver);
                    assertTrue(body.contains("support@flowdesk.test"), body);
                    assertTrue(body.contains(zh ? "上次错误" : "Last error"), body);
                    assertTrue(body.contains(zh ? "邮箱" : "Mailboxes"), "the navigation entry: " + body);
                    assertFalse(driver.getPageSource().contains(SECRET), "the password is never sent to the page");
                    Browser.screenshot(driver, "mail-mailboxes-" + tag + "-desktop");

                    // a new mailbox without an address: refused, the field named
                    Browser.type(driver, "mailbox-key", "sales-" + tag);
                    Browser.click(driver, "mailbox-save");
                    wait.until(d -> d.findElement(By.id("mailbox-address")).getDomAttribute("invalid") != null);
                    Browser.settle(driver);
                    assertTrue(text(driver).contains(zh ? "邮箱地址：必填" : "Address: required"), text(driver));
                    Browser.screenshot(driver, "mail-mailbox-invalid-" + tag + "-desktop");
                    Browser.type(driver, "mailbox-address", "sales-" + tag + "@flowdesk.test");
                    Browser.click(driver, "mailbox-save");
                    long saved = System.currentTimeMillis() + 30_000;
                    while (!send(app, "GET", "/api/admin/mailboxes", null, null, 200).contains("sales-" + tag
                            + "@flowdesk.test") && System.currentTimeMillis() < saved) {
                        Thread.sleep(300);
                    }
                    assertTrue(send(app, "GET", "/api/admin/mailboxes", null, null, 200).contains("sales-" + tag
                            + "@flowdesk.test"), "the corrected mailbox was saved");

                    driver.get(app.baseUrl() + "/admin/mail/unparsed");
                    wait.until(d -> !d.findElements(By.id("unparsed-grid")).isEmpty());
                    Browser.settle(driver);
                    String list = driver.findElement(By.id("unparsed-grid")).getText();
                    assertTrue(list.contains("From"), list);
                    assertFalse(driver.findElements(By.className("fd-unparsed-download")).isEmpty());
                    Browser.screenshot(driver, "mail-unparsed-" + tag + "-desktop");
                    int rows = unparsed(app);
                    driver.findElements(By.className("fd-unparsed-retry")).get(0).click();
                    Browser.settle(driver);
                    assertTrue(text(driver).contains(zh ? "仍无法解析" : "Still unreadable"), text(driver));
                    driver.findElements(By.className("fd-unparsed-dismiss")).get(0).click();
                    long gone = System.currentTimeMillis() + 30_000;
                    while (unparsed(app) != rows - 1 && System.currentTimeMillis() < gone) {
                        Thread.sleep(300);
                    }
                    assertEquals(rows - 1, unparsed(app), "dismissed: off the list");
                } finally {
                    driver.quit();
                }
                WebDriver phone = Browser.start(390, 844, language);
                try {
                    WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(30));
                    phone.get(app.baseUrl() + "/login");
                    Browser.login(phone, "admin");
                    phone.get(app.baseUrl() + "/admin/mailboxes");
                    wait.until(d -> !d.findElements(By.id("mailbox-grid")).isEmpty());
                    Browser.settle(phone);
                    Browser.screenshot(phone, "mail-mailboxes-" + tag + "-phone");
                } finally {
                    phone.quit();
                }
            }
            // agents get neither view's data
            send(app, "GET", "/api/admin/mail/unparsed", null, null, 403, "agent1");
        }
    }

    private static int unparsed(AppProcess app) throws Exception {
        return send(app, "GET", "/api/admin/mail/unparsed", null, null, 200).split("\"error\"", -1).length - 1;
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static String send(AppProcess app, String method, String path, String type, byte[] body, int status)
            throws Exception {
        return send(app, method, path, type, body, status, "admin");
    }

    private static String send(AppProcess app, String method, String path, String type, byte[] body, int status,
            String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + " → " + r.body());
        return r.body();
    }
}
