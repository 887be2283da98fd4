package io.flowdesk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' system view (ADR 0052) on the packaged app, in zh-CN and en, desktop and phone: the verdict (ready),
 * the engine, outbox and consumer sections with the packaged app's own figures; an agent is refused.
 */
class SystemViewIT {

    @Test
    void adminsSeeTheInstallationAtAGlanceAndAgentsAreRefused() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_system", 18400)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                for (int width : List.of(1366, 390)) {
                    WebDriver driver = Browser.start(width, width > 500 ? 900 : 844, language);
                    try {
                        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                        driver.get(app.baseUrl() + "/login");
                        Browser.login(driver, "admin");
                        driver.get(app.baseUrl() + "/admin/system");
                        wait.until(d -> !d.findElements(By.id("system-verdict")).isEmpty());
                        Browser.settle(driver);
                        assertEquals("true", driver.findElement(By.id("system-verdict")).getDomAttribute("data-ready"),
                                driver.findElement(By.id("system-verdict")).getText());
                        String verdict = driver.findElement(By.id("system-verdict")).getText();
                        assertTrue(verdict.contains(zh ? "就绪" : "Ready"), verdict);
                        String engine = driver.findElement(By.id("system-engine")).getText();
                        assertTrue(engine.contains(zh ? "作业执行器运行中" : "Job executor running")
                                && engine.contains(zh ? "是" : "yes"), engine);
                        String consumers = driver.findElement(By.id("system-consumers")).getText();
                        assertTrue(consumers.contains("metrics"), consumers);
                        assertTrue(driver.findElement(By.id("system-outbox")).getText().contains(
                                zh ? "等待中的引擎事件" : "Engine events waiting"));
                        Number scroll = (Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                        assertTrue(scroll.intValue() <= 0, "no sideways scroll at " + width + " px: " + scroll);
                        shot(driver, "system-" + tag + (width > 500 ? "-desktop" : "-phone"));
                    } finally {
                        driver.quit();
                    }
                }
            }
            WebDriver driver = Browser.start(1366, 900, "en");
            try {
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "agent1");
                driver.get(app.baseUrl() + "/admin/system");
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.tagName("body"))
                        .getText().contains("Only admins can see the system status."));
                assertTrue(driver.findElements(By.id("system-verdict")).isEmpty());
            } finally {
                driver.quit();
            }
        }
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Path file = Browser.screenshot(driver, name);
        Path shots = Path.of("/work/shots/ops");
        if (Files.isDirectory(shots.getParent()) && Files.isWritable(shots.getParent())) {
            Files.createDirectories(shots);
            Files.copy(file, shots.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
