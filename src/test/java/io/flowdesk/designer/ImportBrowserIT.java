package io.flowdesk.designer;

import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A designer imports a real Camunda 7 file (lanes, isImmediate, a service task that ran code) in the library, in
 * zh-CN and in English: it becomes a draft and the import notes are shown in the UI language.
 */
class ImportBrowserIT {

    private static final Path SAMPLE = Path.of("src/test/resources/import-samples/c7-job-announcement-lanes.bpmn")
            .toAbsolutePath();

    @Test
    void importNotesAreShownInTheDesignersLanguage() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_import", 18098)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                WebDriver driver = Browser.start(1400, 1000, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "designer");
                    driver.get(app.baseUrl() + "/design");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> !d.findElements(By.id("import-upload")).isEmpty());
                    settle(driver);
                    WebElement input = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                            "const up = document.getElementById('import-upload');"
                                    + " return up.querySelector('input[type=file]')"
                                    + " || (up.shadowRoot && up.shadowRoot.querySelector('input[type=file]'));"));
                    input.sendKeys(SAMPLE.toString());
                    List<WebElement> notes = wait.until(d -> {
                        List<WebElement> found = d.findElements(By.cssSelector("#import-report .fd-import-note"));
                        return found.isEmpty() ? null : found;
                    });
                    settle(driver);
                    String report = driver.findElement(By.id("import-report")).getText();
                    boolean zh = language.startsWith("zh");
                    assertTrue(zh ? report.contains("泳道") && report.contains("已导入为草稿")
                            : report.contains("Lane") && report.contains("Imported as a draft"), report);
                    assertTrue(report.contains("isImmediate"), report);
                    assertTrue(notes.size() >= 3, report);
                    assertTrue(zh ? !report.contains("was dropped") : !report.contains("已删除"), report);
                    screenshot(driver, "import-notes-" + (zh ? "zh" : "en"));

                    // the draft opens in the process designer with its diagram, and the lint names what to fix
                    String key = "camunda-testing-job-announcement" + (zh ? "" : "-2");
                    driver.get(app.baseUrl() + "/design/process/" + key);
                    wait.until(d -> d.findElements(By.cssSelector(".djs-element.djs-shape")).size() >= 12);
                    List<WebElement> lint = wait.until(d -> {
                        List<WebElement> found = d.findElements(By.cssSelector("#lint .fd-lint-item"));
                        return found.isEmpty() ? null : found;
                    });
                    List<String> named = lint.stream().map(l -> l.getAttribute("data-element")).toList();
                    assertTrue(named.contains("mail") && named.contains("publication"), named.toString());
                    settle(driver);
                    screenshot(driver, "import-draft-" + (zh ? "zh" : "en"));
                } catch (RuntimeException | AssertionError e) {
                    screenshot(driver, "import-failure-" + language);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }
}
