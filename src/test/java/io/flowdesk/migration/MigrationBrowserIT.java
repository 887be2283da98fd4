package io.flowdesk.migration;

import static io.flowdesk.testing.Browser.click;
import static io.flowdesk.testing.Browser.screenshot;
import static io.flowdesk.testing.Browser.settle;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import io.flowdesk.testing.TestSlot;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;

/**
 * The plan editor from the versions dialog: the proposal (a removed step without counterpart), the preview with the
 * ticket that cannot move and why, the analyst's mapping, and the admin's run with its progress; in en and zh-CN.
 */
class MigrationBrowserIT {

    @Test
    void anAdminMapsTheRemovedStepPreviewsAndRunsTheMigration() throws Exception {
        MigrationScenario scenario = new MigrationScenario(Path.of("target", "migration-ui-templates" + TestSlot
                .suffix()));
        try (AppProcess app = new AppProcess("flowdesk_it_migrate_ui", 18302)) {
            app.env("FLOWDESK_TEMPLATES_DIR", scenario.dir().toAbsolutePath().toString());
            app.start(true);
            MigrationScenario.tickets(app, 5, 2);
            MigrationScenario.post(app, "agent1", "/api/tickets", "{\"type\":\"" + MigrationScenario.KEY
                    + "\",\"title\":\"P1 printer\",\"priority\":\"P1\",\"customer\":{\"name\":\"Mig\",\"email\":"
                    + "\"mig@example.com\"},\"data\":{\"summary\":\"全楼打印机\",\"category\":\"hardware\"}}", 201);
            app.close();
            scenario.upgrade();
            app.start(false);

            WebDriver en = Browser.start(1400, 1000, "en");
            try {
                openPlan(app, en, "designer");
                assertTrue(text(en, "migration-plan").contains("(no counterpart)"), text(en, "migration-plan"));
                screenshot(en, "migration-plan-en");
                click(en, "migration-preview");
                waitFor(en, "migration-summary", "6 running tickets; 5 can move, 1 cannot");
                assertTrue(text(en, "migration-refusals").contains("has no counterpart"), text(en, "migration-refusals"));
                assertTrue(en.findElements(By.id("migration-run")).isEmpty(), "designers do not get the Run button");
                screenshot(en, "migration-preview-en");
            } catch (RuntimeException | AssertionError e) {
                screenshot(en, "migration-failure-en");
                throw e;
            } finally {
                en.quit();
            }

            WebDriver zh = Browser.start(1400, 1000, "zh-CN");
            try {
                openPlan(app, zh, "admin");
                click(zh, "migration-preview");
                waitFor(zh, "migration-summary", "1 张不能迁移");
                assertTrue(text(zh, "migration-refusals").contains("没有对应步骤"), text(zh, "migration-refusals"));
                screenshot(zh, "migration-preview-zh");
                Browser.choose(zh, "target-taskOncallDiagnosis", "故障诊断");
                click(zh, "migration-preview");
                waitFor(zh, "migration-summary", "6 张可迁移");
                screenshot(zh, "migration-plan-mapped-zh");
                click(zh, "migration-run");
                waitFor(zh, "migration-progress", "已迁移 6，失败 0");
                settle(zh);
                screenshot(zh, "migration-run-done-zh");
            } catch (RuntimeException | AssertionError e) {
                screenshot(zh, "migration-failure-zh");
                throw e;
            } finally {
                zh.quit();
            }
        }
    }

    private static void openPlan(AppProcess app, WebDriver driver, String user) {
        driver.get(app.baseUrl() + "/login");
        Browser.login(driver, user);
        driver.get(app.baseUrl() + "/design");
        settle(driver);
        click(driver, "versions-" + MigrationScenario.KEY);
        click(driver, "versions-migrate");
        click(driver, "migration-build");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("migration-steps"))
                .isEmpty());
        settle(driver);
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void waitFor(WebDriver driver, String id, String part) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id(id)).isEmpty() && d
                .findElement(By.id(id)).getText().contains(part));
    }
}
