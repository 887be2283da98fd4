package io.flowdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless chromium through Debian's chromedriver (nothing is downloaded). */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start(int width, int height) throws Exception {
        return start(width, height, "zh-CN");
    }

    /** A fresh browser (own profile) with the given UI language (Accept-Language). */
    public static WebDriver start(int width, int height, String language) throws Exception {
        String binary = System.getProperty("flowdesk.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("flowdesk.chromedriver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
            throw new IllegalStateException("Debian chromium and chromium-driver are required (.ci/run installs them): "
                    + binary + ", " + driver);
        }
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("flowdesk-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        WebDriver webDriver = new ChromeDriver(service, options);
        webDriver.manage().window().setSize(new Dimension(width, height));
        webDriver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return webDriver;
    }

    /** Waits until Vaadin has no pending server round-trip. */
    public static void settle(WebDriver driver) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients"
                                + " || {}).every(c => !c.isActive || !c.isActive())")));
    }

    public static void type(WebDriver driver, String fieldId, String text) {
        var input = driver.findElement(org.openqa.selenium.By.cssSelector("#" + fieldId + " input, #" + fieldId
                + " textarea"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        settle(driver);
    }

    /** Picks an option of a vaadin-select by its visible label. */
    public static void choose(WebDriver driver, String selectId, String label) {
        driver.findElement(org.openqa.selenium.By.id(selectId)).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const host = document.getElementById(arguments[0]);"
                                + "let items = Array.from(host.querySelectorAll('vaadin-select-item'));"
                                + "if (items.length === 0) items = Array.from(document.querySelectorAll('vaadin-select-item'));"
                                + "const item = items.find(i => i.textContent.trim() === arguments[1]);"
                                + "if (!item) return false; item.click(); return true;", selectId, label)));
        settle(driver);
    }

    /** Clicks the radio button with this label inside a radio group. */
    public static void radio(WebDriver driver, String groupId, String label) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const b = Array.from(document.querySelectorAll('#' + arguments[0] + ' vaadin-radio-button'))"
                                + ".find(r => r.textContent.trim() === arguments[1]);"
                                + "if (!b) return false; b.querySelector('input').click(); return true;", groupId,
                        label)));
        settle(driver);
    }

    /** Clicks an element by id through the DOM (works for tabs scrolled out of a narrow screen). */
    public static void click(WebDriver driver, String id) {
        var element = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id(id)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'}); arguments[0].click();", element);
        settle(driver);
    }

    /** Fills a vaadin-login-form (password demo) and waits until the page has left the login route. */
    public static void login(WebDriver driver, String user) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name=username]"))
                .size() == 1);
        driver.findElement(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(user);
        driver.findElement(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name=password]"))
                .sendKeys("demo");
        driver.findElement(org.openqa.selenium.By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.not(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains("login")));
        settle(driver);
    }

    /**
     * Whether {@code user} finds the element {@code id} on {@code path} of the app, in a fresh English desktop browser
     * (e.g. a view that only supervisors get).
     */
    public static boolean sees(AppProcess app, String user, String path, String id) throws Exception {
        WebDriver driver = start(1280, 800, "en");
        try {
            driver.get(app.baseUrl() + "/login");
            login(driver, user);
            driver.get(app.baseUrl() + path);
            settle(driver);
            return !driver.findElements(org.openqa.selenium.By.id(id)).isEmpty();
        } finally {
            driver.quit();
        }
    }

    public static Path screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
