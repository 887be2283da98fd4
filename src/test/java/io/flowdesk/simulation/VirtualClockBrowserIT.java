package io.flowdesk.simulation;

import static io.flowdesk.testing.Browser.screenshot;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The virtual clock on a test ticket's page, in headless Chromium, zh-CN and en: the designer sees the ticket's time
 * and what falls due next, presses "to the next deadline" (the SLA warning lands on the timeline at its simulated
 * time), "+4 working hours" (breach, escalation and the flow's timer) and "+3 days"; a real ticket shows no clock.
 */
class VirtualClockBrowserIT {

    @Test
    void theButtonsMoveTheTestTicketsClockAndTheTimelineShowsSimulatedTimes() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_vclock", 18320)) {
            app.start(true);
            String key = SimApp.setUp(app);
            String real = io.flowdesk.testing.AppHttp.send(app, "agent1", "POST", "/api/tickets",
                    "{\"type\":\"" + key + "\",\"title\":\"real\",\"priority\":\"P3\",\"customer\":{\"name\":\"R\","
                            + "\"email\":\"r@example.com\"},\"data\":{\"amount\":10,\"ok\":true}}").path("number")
                    .asText();
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                String number = SimApp.tryIt(app, key, "vclock browser " + tag);
                long id = SimApp.longOf(app, "select id from ticket where number = '" + number + "'");
                SimApp.awaitLadder(app, id);
                WebDriver driver = Browser.start(1366, 900, language);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "designer");
                    driver.get(app.baseUrl() + "/tickets/" + number);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test-clock")));
                    String next = driver.findElement(By.id("test-clock-next")).getText();
                    assertTrue(next.contains(zh ? "SLA 预警" : "SLA warning"), next);
                    Browser.settle(driver);
                    shot(driver, "vclock-before-desktop-" + tag);

                    Browser.click(driver, "test-clock-next-deadline");
                    wait.until(d -> d.findElements(By.cssSelector(".fd-kind-sla_warning")).size() == 1);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test-clock-ahead")));
                    String ahead = driver.findElement(By.id("test-clock-ahead")).getText();
                    assertTrue(ahead.contains(zh ? "0 天 0 小时 45 分" : "0 d 0 h 45 min")
                            || ahead.contains(zh ? "0 天 0 小时 44 分" : "0 d 0 h 44 min"), ahead);
                    String warningMeta = driver.findElement(By.cssSelector(".fd-kind-sla_warning .fd-timeline-meta"))
                            .getText();
                    String created = driver.findElement(By.cssSelector(".fd-kind-created .fd-timeline-meta"))
                            .getText();
                    assertTrue(minutesBetween(created, warningMeta) >= 44, created + " / " + warningMeta);

                    Browser.click(driver, "test-clock-hours");
                    wait.until(d -> d.findElements(By.cssSelector(".fd-kind-sla_escalated")).size() == 1);
                    assertEquals(1, driver.findElements(By.cssSelector(".fd-kind-sla_breached")).size());
                    String escalated = driver.findElement(By.cssSelector(".fd-kind-sla_escalated .fd-timeline-meta"))
                            .getText();
                    assertTrue(minutesBetween(created, escalated) >= 89, created + " / " + escalated);
                    Browser.settle(driver);
                    shot(driver, "vclock-after-hours-desktop-" + tag);
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "document.getElementById('timeline').scrollIntoView({block: 'start'})");
                    Browser.settle(driver);
                    shot(driver, "vclock-timeline-desktop-" + tag);

                    Browser.click(driver, "test-clock-days");
                    wait.until(d -> d.findElements(By.cssSelector(".fd-kind-test_clock_advanced")).size() == 3);
                    assertEquals(1, driver.findElements(By.cssSelector(".fd-kind-sla_warning")).size(), "once");
                    assertEquals(1, driver.findElements(By.cssSelector(".fd-kind-sla_escalated")).size(), "once");
                    Browser.settle(driver);
                    shot(driver, "vclock-after-days-desktop-" + tag);
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    driver.navigate().refresh();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test-clock")));
                    Browser.settle(driver);
                    shot(driver, "vclock-phone-" + tag);
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

                } catch (Throwable e) {
                    shot(driver, "vclock-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            // an admin sees the clock on a test ticket; a real ticket keeps real time: no clock on its page
            WebDriver driver = Browser.start(1366, 900, "en");
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.get(app.baseUrl() + "/login");
                Browser.login(driver, "admin");
                driver.get(app.baseUrl() + "/tickets/" + real);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
                assertTrue(driver.findElements(By.id("test-clock")).isEmpty(), "no clock on a real ticket");
                shot(driver, "vclock-real-ticket-admin-en");
            } finally {
                driver.quit();
            }
        }
    }

    /** Minutes between the "yyyy-MM-dd HH:mm · …" stamps of two timeline entries. */
    private static long minutesBetween(String earlier, String later) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return Duration.between(java.time.LocalDateTime.parse(earlier.substring(0, 16), f),
                java.time.LocalDateTime.parse(later.substring(0, 16), f)).toMinutes();
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Path file = screenshot(driver, name);
        Path dir = Files.createDirectories(Path.of("/work/shots/vclock"));
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
