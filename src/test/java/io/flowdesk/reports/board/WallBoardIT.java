package io.flowdesk.reports.board;

import static io.flowdesk.testing.AppHttp.send;
import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wall board in headless Chromium, zh-CN and en, desktop and phone: it shows the API's numbers, and a ticket
 * created elsewhere appears on it by itself (no reload), within the refresh period.
 */
class WallBoardIT {

    @Test
    void theBoardShowsTheNumbersAndUpdatesItselfWhenATicketIsCreated() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_board", 18220)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/board");
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    wait.until(d -> !d.findElements(By.id("board-open")).isEmpty()
                            && d.findElement(By.id("board-open")).getDomAttribute("data-value") != null);
                    Browser.settle(driver);
                    JsonNode api = send(app, "supervisor", "GET", "/api/reports/board", null, language);
                    assertEquals(api.path("open").asText(), value(driver, "board-open"));
                    assertEquals(api.path("unassigned").asText(), value(driver, "board-unassigned"));
                    assertEquals(api.path("agentsOnline").asText(), value(driver, "board-online"));
                    String page = driver.findElement(By.id("wall-board")).getText();
                    assertTrue(page.contains(zh ? "未结工单" : "Open") && page.contains(zh ? "已超时" : "Breached")
                            && page.contains(zh ? "各坐席未结工单" : "Open tickets per agent"), page);
                    screenshot(driver, "board-desktop-" + tag);

                    long before = Long.parseLong(value(driver, "board-open"));
                    long createdAt = System.nanoTime();
                    send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"it-incident\",\"priority\":\"P2\","
                            + "\"title\":\"投影仪无信号\",\"customer\":{\"name\":\"测试客户\",\"email\":"
                            + "\"c@example.com\"},\"data\":{\"summary\":\"投影仪无信号\",\"category\":\"hardware\","
                            + "\"location\":\"5F-502\"}}", language);
                    // no reload: the board's own refresh brings the new ticket
                    new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
                            .until(d -> Long.parseLong(value(d, "board-open")) == before + 1);
                    // a figure, not an assertion: how long the board took to show the new ticket by itself
                    System.out.printf("[wall-board-it] %s: the new ticket was on the board after %d ms (refresh 5 s)%n",
                            language, (System.nanoTime() - createdAt) / 1_000_000);
                    screenshot(driver, "board-desktop-updated-" + tag);

                    // a read-only link for a TV: the board without signing in, in a browser of its own
                    driver.findElement(By.id("board-tv-link")).click();
                    wait.until(d -> d.findElement(By.id("board-link")).getDomAttribute("data-path") != null);
                    String path = driver.findElement(By.id("board-link")).getDomAttribute("data-path");
                    WebDriver tv = Browser.start(1280, 800, language);
                    try {
                        tv.get(app.baseUrl() + path);
                        wait.until(d -> !tv.findElements(By.id("board-open")).isEmpty()
                                && tv.findElement(By.id("board-open")).getDomAttribute("data-value") != null);
                        assertEquals(String.valueOf(before + 1), value(tv, "board-open"));
                        assertTrue(tv.findElements(By.id("board-tv-link")).isEmpty(), "a TV gets no controls");
                        Browser.settle(tv);
                        screenshot(tv, "board-tv-" + tag);
                    } finally {
                        tv.quit();
                    }

                    driver.manage().window().setSize(new Dimension(390, 844));
                    driver.get(app.baseUrl() + "/reports/board?department=it-support");
                    wait.until(d -> !d.findElements(By.id("board-open")).isEmpty()
                            && d.findElement(By.id("board-open")).getDomAttribute("data-value") != null);
                    Browser.settle(driver);
                    JsonNode it = send(app, "supervisor", "GET", "/api/reports/board?department=it-support", null,
                            language);
                    assertEquals(it.path("open").asText(), value(driver, "board-open"));
                    screenshot(driver, "board-phone-" + tag);
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "document.getElementById('board-agents').scrollIntoView()");
                    screenshot(driver, "board-phone-agents-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "board-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            // an agent does not get the board
            assertFalse(Browser.sees(app, "agent1", "/reports/board", "board-open"), "an agent gets no wall board");
        }
    }

    private static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getDomAttribute("data-value");
    }
}
