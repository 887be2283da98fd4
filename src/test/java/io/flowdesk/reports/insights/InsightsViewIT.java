package io.flowdesk.reports.insights;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The insights and the report-mail views in headless Chromium, zh-CN and en, desktop and phone. A history written
 * into the ticket tables (refunds rising from 5 of 40 to 18 of 50 tickets a week) reaches the rollups through the
 * app's own reports consumer and shows as a sentence.
 */
class InsightsViewIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theInsightsViewWritesTheShareChangeAndTheScheduleViewShows() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_board_insights", 18223)) {
            app.start(true);
            LocalDate today = LocalDate.now(SHANGHAI);
            seed(app, today.minusDays(13), 5, 35); // the week before: 5 refunds of 40
            seed(app, today.minusDays(6), 18, 32); // this week: 18 of 50
            for (String language : List.of("zh-CN", "en")) {
                boolean zh = language.equals("zh-CN");
                String tag = zh ? "zh" : "en";
                WebDriver driver = Browser.start(1280, 800, language);
                try {
                    driver.get(app.baseUrl() + "/login");
                    Browser.login(driver, "supervisor");
                    driver.get(app.baseUrl() + "/reports/insights");
                    // the consumer needs a moment for the new history: reload until the sentence is there
                    new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
                        if (!d.findElements(By.cssSelector("[data-rule=share]")).isEmpty()) {
                            return true;
                        }
                        d.navigate().refresh();
                        return false;
                    });
                    Browser.settle(driver);
                    String text = driver.findElement(By.id("insights-list")).getText();
                    // the demo tickets of today join the counts, so the exact percentages are not fixed
                    // here (InsightServiceTest checks them by hand); the direction and the words are
                    assertTrue(text.contains(zh ? "电商售后退款 工单占比从" : "share of tickets rose from"), text);
                    assertTrue(text.contains(zh ? "升至" : "against the 7 days before"), text);
                    assertTrue(text.contains(zh ? "相关工单（XLSX）" : "Tickets behind it (XLSX)"), text);
                    screenshot(driver, "insights-desktop-" + tag);
                    driver.get(app.baseUrl() + "/reports/schedules");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.id("schedule-save")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "schedules-desktop-" + tag);
                    driver.manage().window().setSize(new Dimension(390, 844));
                    driver.get(app.baseUrl() + "/reports/insights");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.cssSelector("[data-rule=share]")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "insights-phone-" + tag);
                    driver.get(app.baseUrl() + "/reports/schedules");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.id("schedule-save")).isEmpty());
                    Browser.settle(driver);
                    screenshot(driver, "schedules-phone-" + tag);
                } catch (Throwable e) {
                    screenshot(driver, "insights-failure-" + tag);
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /** Ended tickets created over the seven days from {@code from}: refunds and IT incidents, with their event. */
    private static void seed(AppProcess app, LocalDate from, int refunds, int incidents) throws Exception {
        try (Connection c = app.jdbc(); PreparedStatement ticket = c.prepareStatement("insert into ticket (number, "
                + "template_version_id, template_key, ticket_type, title, priority, status, channel, created_by, "
                + "data_json, engine_state, created_at, updated_at) values (?, (select min(id) from template_version "
                + "where template_key = ?), ?, ?, 'seed', 'P3', 'RESOLVED', 'web', 'agent1', '{}', 'ENDED', ?, ?)");
                PreparedStatement event = c.prepareStatement("insert into ticket_event (ticket_id, at, kind, actor, "
                        + "summary, details_json) values ((select id from ticket where number = ?), ?, 'CREATED', "
                        + "'agent1', 'CREATED', '{\"channel\":\"web\"}')")) {
            int n = 0;
            for (String[] kind : new String[][] {{"ecommerce-refund", String.valueOf(refunds)},
                {"it-incident", String.valueOf(incidents)}}) {
                for (int i = 0; i < Integer.parseInt(kind[1]); i++) {
                    String number = "SEED-" + from + "-" + kind[0].charAt(0) + "-" + (++n);
                    Timestamp at = Timestamp.from(from.plusDays(i % 6).atTime(10, i % 50).atZone(SHANGHAI)
                            .toInstant());
                    ticket.setString(1, number);
                    ticket.setString(2, kind[0]);
                    ticket.setString(3, kind[0]);
                    ticket.setString(4, kind[0]);
                    ticket.setTimestamp(5, at);
                    ticket.setTimestamp(6, at);
                    ticket.executeUpdate();
                    event.setString(1, number);
                    event.setTimestamp(2, at);
                    event.executeUpdate();
                }
            }
        }
    }
}
