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
        String binary = System.getProperty("flowdesk.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("flowdesk.chromedriver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
            throw new IllegalStateException("Debian chromium and chromium-driver are required (.ci/run installs them): "
                    + binary + ", " + driver);
        }
        ChromeOptions options = new ChromeOptions();
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

    public static Path screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
