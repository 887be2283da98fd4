package io.flowdesk.portal.embed;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import io.flowdesk.testing.TestSlot;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embedded web form inside an iframe of another origin (a company page served by a tiny local HTTP server): in
 * zh-CN and English, on a desktop and on a phone, empty input shows field errors by label, a filled form gives the
 * ticket number and the status-lookup link, and the ticket is on the web-form channel.
 */
class EmbedFormBrowserIT {

    record Lang(String tag, String nameError, String hardware, String numberIs, String thanks, String unavailable) {
    }

    static final List<Lang> LANGS = List.of(new Lang("zh-CN", "您的姓名：请填写姓名（最多 200 个字符）。", "硬件", "您的工单号：",
            "感谢您的提交，已创建工单", "该表单不可用。"),
            new Lang("en", "Your name: enter your name (at most 200 characters).", "Hardware", "Your ticket number:",
                    "Thank you, we received your request as ticket", "This form is not available."));

    record Size(String name, int width, int height) {
    }

    static final List<Size> SIZES = List.of(new Size("desktop", 1280, 1000), new Size("phone", 390, 844));

    @Test
    void aVisitorSubmitsTheFormFramedOnAnotherSite() throws Exception {
        HttpServer site = null;
        try (AppProcess app = new AppProcess("flowdesk_it_embed", 18180)) {
            app.env("FLOWDESK_EMBED_MAX_PER_WINDOW", "50");
            app.start(true);
            RestAssured.baseURI = "http://localhost";
            RestAssured.port = URI.create(app.baseUrl()).getPort();
            as("admin").contentType(ContentType.JSON).body(Map.of("embeddable", true))
                    .put("/api/admin/embed/it-incident").then().statusCode(200);
            site = companySite(18181 + TestSlot.offset(), app.baseUrl());
            String page = "http://localhost:" + site.getAddress().getPort();
            for (Lang lang : LANGS) {
                for (Size size : SIZES) {
                    String number = submit(app.baseUrl(), page, lang, size);
                    as("admin").get("/api/tickets/" + number).then().statusCode(200)
                            .body("channel", org.hamcrest.Matchers.equalTo("web-form"));
                }
            }
        } finally {
            if (site != null) {
                site.stop(0);
            }
            RestAssured.reset();
        }
    }

    /** The company's page: a heading and the iframe, as an admin would paste it (lang chosen by the site). */
    private static HttpServer companySite(int port, String app) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            String lang = exchange.getRequestURI().getQuery() == null ? "en"
                    : exchange.getRequestURI().getQuery().replace("lang=", "");
            String html = "<!doctype html><html><head><meta name=viewport content='width=device-width'>"
                    + "<title>ACME</title></head><body style='margin:0;font-family:sans-serif;background:#eef'>"
                    + "<h1 style='padding:8px'>ACME Support</h1><iframe id='fd' src='" + app
                    + "/portal/embed/it-incident?lang=" + lang
                    + "' style='width:100%;height:1400px;border:0;background:#fff'></iframe></body></html>";
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String submit(String app, String page, Lang lang, Size size) throws Exception {
        String shot = "embed-" + size.name() + "-" + (lang.tag().equals("en") ? "en" : "zh");
        WebDriver driver = Browser.start(size.width(), size.height(), lang.tag());
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            // a template not marked embeddable: no form, the same words as the API's 404
            driver.get(app + "/portal/embed/general-inquiry?lang=" + lang.tag());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("embed-unavailable")));
            assertEquals(lang.unavailable(), driver.findElement(By.id("embed-unavailable")).getText());
            assertTrue(driver.findElements(By.id("embed-submit")).isEmpty());

            driver.get(page + "/?lang=" + lang.tag());
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("fd"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#embed-name input")));
            Browser.settle(driver);
            // the honeypot is there for bots but off screen for people
            Number left = (Number) js.executeScript(
                    "return document.getElementById('embed-website').getBoundingClientRect().left");
            assertTrue(left.doubleValue() < -1000, "honeypot off screen");

            Browser.click(driver, "embed-submit");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('embed-name').hasAttribute('invalid')")));
            assertEquals(lang.nameError(), js.executeScript("return document.getElementById('embed-name').errorMessage"));
            driver.switchTo().defaultContent();
            js.executeScript("window.scrollTo(0, 0)");
            save(Browser.screenshot(driver, shot + "-errors"));
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("fd"));

            Browser.type(driver, "embed-name", "访客 Visitor");
            Browser.type(driver, "embed-email", "visitor-" + System.nanoTime() + "@example.com");
            Browser.type(driver, "ticket-title", "Printer jam / 打印机卡纸");
            Browser.type(driver, "field-summary", "三楼打印机卡纸 / third floor printer jams");
            Browser.choose(driver, "field-category", lang.hardware());
            Browser.click(driver, "embed-submit");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("embed-number")));
            String number = driver.findElement(By.id("embed-number")).getText();
            assertTrue(number.matches("FD-\\d{4}-\\d+"), number);
            String done = driver.findElement(By.id("embed-done")).getText();
            assertTrue(done.startsWith(lang.numberIs()), done);
            assertTrue(done.contains(lang.thanks() + " " + number) || done.contains(lang.thanks() + number), done);
            assertTrue(driver.findElement(By.id("embed-lookup")).getAttribute("href").endsWith("/portal/lookup"));
            driver.switchTo().defaultContent();
            js.executeScript("window.scrollTo(0, 0)");
            save(Browser.screenshot(driver, shot + "-done"));
            return number;
        } finally {
            driver.quit();
        }
    }

    private static void save(Path file) throws Exception {
        Path dir = Files.createDirectories(Path.of("/work/shots/embed"));
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
