package io.flowdesk.notify;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.notify.internal.DeliverySender;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.Calendars;
import io.flowdesk.testing.GreenMailResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Daily digests, quiet hours, per-recipient caps and admin defaults (ADR 0028), with real SMTP (GreenMail) and the
 * adjustable clock. Each test uses its own demo users and clears their choices first.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DigestQuietHoursTest {

    /** Monday 2026-12-07 10:00 in Shanghai (the default calendar's zone), a working day. */
    private static final Instant MONDAY_10 = Instant.parse("2026-12-07T02:00:00Z");

    @Inject
    DeliverySender sender;

    @Inject
    Notifications notifications;

    @Inject
    FlowClock clock;

    @Inject
    Calendars calendars;

    @AfterEach
    void realTime() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> clock.set(Instant.now()));
    }

    @Test
    void aDigestCollectsTheNoticesIntoOneMailAtTheUsersTimeInTheirLanguageAndASecondRunSendsNothing()
            throws Throwable {
        fresh("engineer1", "tester1");
        for (String user : List.of("engineer1", "tester1")) {
            as(user).body(List.of(Map.of("event", "mentioned", "channel", "email", "enabled", true, "digest", true)))
                    .put("/api/me/notification-preferences").then().statusCode(200);
        }
        as("engineer1").body(Map.of("quiet", "off", "digestAt", "18:30")).put("/api/me/notification-schedule").then()
                .statusCode(200).body("digestAt", org.hamcrest.Matchers.equalTo("18:30"));
        at(MONDAY_10);
        for (int i = 1; i <= 3; i++) {
            notice("engineer1", "DQ-E" + i, "digest note en " + i);
            notice("tester1", "DQ-Z" + i, "摘要通知 " + i);
        }
        var held = Deliveries.where("recipient = 'engineer1' and status = 'held'");
        assertEquals(3, held.size());
        var digest = Deliveries.where("delivery_key = 'd:engineer1:2026-12-07'");
        assertEquals(1, digest.size(), "one digest row per user and day");
        assertTrue(held.stream().allMatch(h -> h.reason().equals("digest:" + digest.get(0).id())));

        sender.drain();
        assertEquals(0, mails("engineer1@").size(), "nothing before the digest time");
        assertEquals(0, mails("tester1@").size());

        at(Instant.parse("2026-12-07T10:30:01Z")); // 18:30 in Shanghai
        sender.drain();
        sender.drain();
        List<MimeMessage> en = mails("engineer1@");
        assertEquals(1, en.size(), "exactly one digest mail");
        assertEquals("FlowDesk daily digest: 3 notices", en.get(0).getSubject());
        String text = EmailDeliveryTest.text(en.get(0), "text/plain");
        String html = EmailDeliveryTest.text(en.get(0), "text/html");
        for (int i = 1; i <= 3; i++) {
            assertTrue(text.contains("digest note en " + i), text);
            assertTrue(html.contains("digest note en " + i), html);
            assertTrue(text.contains("[DQ-E" + i + "] You were mentioned"), text);
        }
        assertTrue(html.contains("lang=\"en\""));
        assertEquals("d:engineer1:2026-12-07", en.get(0).getHeader("X-FlowDesk-Delivery", null));
        assertEquals("sent", Deliveries.where("delivery_key = 'd:engineer1:2026-12-07'").get(0).status());
        assertTrue(Deliveries.where("recipient = 'engineer1' and digest_id = ?1", digest.get(0).id()).stream()
                .allMatch(r -> r.status().equals("sent") && digest.get(0).id() == r.mergedInto()));
        assertEquals(0, mails("tester1@").size(), "tester1's digest is at 09:00 (the default)");

        // after today's digest a new notice waits for tomorrow's
        notice("engineer1", "DQ-E4", "digest note en 4");
        assertEquals(1, Deliveries.where("delivery_key = 'd:engineer1:2026-12-08' and status = 'pending'").size());

        at(Instant.parse("2026-12-08T01:00:01Z")); // Tuesday 09:00 in Shanghai
        sender.drain();
        sender.drain();
        List<MimeMessage> zh = mails("tester1@");
        assertEquals(1, zh.size());
        assertEquals("FlowDesk 每日摘要:3 条通知", zh.get(0).getSubject());
        String zhText = EmailDeliveryTest.text(zh.get(0), "text/plain");
        assertTrue(zhText.contains("以下是您选择每天汇总接收的 3 条通知"), zhText);
        for (int i = 1; i <= 3; i++) {
            assertTrue(zhText.contains("摘要通知 " + i), zhText);
            assertTrue(zhText.contains("[DQ-Z" + i + "] 有人提到了您"), zhText);
        }
        assertTrue(EmailDeliveryTest.text(zh.get(0), "text/html").contains("lang=\"zh-CN\""));
        assertEquals(1, mails("engineer1@").size(), "engineer1's next digest is at 18:30");
        at(Instant.parse("2026-12-08T10:30:01Z"));
        sender.drain();
        assertEquals(2, mails("engineer1@").size());
        assertEquals("FlowDesk daily digest: 1 notices", mails("engineer1@").get(1).getSubject());
        sender.drain();
        assertEquals(2, mails("engineer1@").size(), "a second run sends nothing");
        assertEquals(1, mails("tester1@").size());
    }

    @Test
    void aDigestInterruptedByACrashIsNotSentAgainAndAReplaySendsItOnceWithItsNotices() throws Throwable {
        fresh("designer");
        as("designer").body(List.of(Map.of("event", "mentioned", "channel", "email", "enabled", true, "digest", true)))
                .put("/api/me/notification-preferences").then().statusCode(200);
        at(MONDAY_10);
        notice("designer", "DQ-R1", "crash note 1");
        notice("designer", "DQ-R2", "crash note 2");
        long digest = Deliveries.where("delivery_key = 'd:designer:2026-12-08'").get(0).id();
        // as the sender leaves it when the node dies after the mail left and before it was recorded
        Instant due = Instant.parse("2026-12-08T01:00:00Z");
        Deliveries.execute("update notify_delivery set status = 'sending', attempts = 1, sending_at = ?1, merged_into "
                + "= case when id = ?2 then null else cast(?2 as bigint) end where id = ?2 or digest_id = ?2",
                java.time.OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC), digest);
        at(due.plusSeconds(6 * 60)); // past the lease
        sender.drain();
        assertEquals(0, mails("designer@").size(), "not sent again by itself");
        var failed = Deliveries.where("id = ?1", digest).get(0);
        assertEquals("failed", failed.status());
        assertTrue(DeliveryReasons.text(failed.reason()).in(Messages.EN).startsWith("Interrupted"), failed.reason());

        as("admin").post("/api/admin/deliveries/" + digest + "/replay").then().statusCode(200);
        assertEquals(2, Deliveries.where("digest_id = ?1 and status = 'held'", digest).size(), "back in the digest");
        sender.drain();
        sender.drain();
        List<MimeMessage> got = mails("designer@");
        assertEquals(1, got.size());
        String text = EmailDeliveryTest.text(got.get(0), "text/plain");
        assertTrue(text.contains("crash note 1") && text.contains("crash note 2"), text);
    }

    @Test
    void quietHoursDeferEmailToTheirEndAndThenDeliverWhileInAppIsAtOnce() throws Throwable {
        fresh("oncall1", "warehouse1");
        as("oncall1").body(Map.of("quiet", "window", "from", "22:00", "to", "08:00")).put(
                "/api/me/notification-schedule").then().statusCode(200);
        at(Instant.parse("2026-12-07T15:00:00Z")); // 23:00 in Shanghai
        long unread = VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("oncall1"));
        notice("oncall1", "DQ-Q1", "quiet window note");
        assertEquals(unread + 1, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("oncall1")),
                "in-app at once");
        var row = Deliveries.where("recipient = 'oncall1' and payload_json like '%DQ-Q1%'").get(0);
        assertEquals("pending", row.status());
        assertEquals("quiet:2026-12-08T00:00:00Z", row.reason());
        assertTrue(DeliveryReasons.text(row.reason()).in(Messages.EN).contains("quiet hours until 2026-12-08 00:00"));
        sender.drain();
        assertEquals(0, mails("oncall1@").size(), "deferred, not sent");
        at(Instant.parse("2026-12-08T00:00:01Z")); // 08:00 in Shanghai
        sender.drain();
        assertEquals(1, mails("oncall1@").size(), "delivered when the quiet hours end");
        assertEquals("sent", Deliveries.where("id = ?1", row.id()).get(0).status());

        // outside working hours by the calendar: Saturday noon waits for Monday's first working minute
        as("warehouse1").body(Map.of("quiet", "calendar")).put("/api/me/notification-schedule").then()
                .statusCode(200);
        Instant saturday = Instant.parse("2026-12-12T04:00:00Z");
        at(saturday);
        notice("warehouse1", "DQ-Q2", "weekend note");
        Instant monday = VertxContextSupport.subscribeAndAwait(() -> calendars.get("cn-standard"))
                .nextWorkingInstant(saturday);
        assertEquals(Instant.parse("2026-12-14T01:00:00Z"), monday, "Monday 09:00 in Shanghai");
        var weekend = Deliveries.where("recipient = 'warehouse1' and payload_json like '%DQ-Q2%'").get(0);
        assertEquals("quiet:" + monday, weekend.reason());
        sender.drain();
        assertEquals(0, mails("warehouse1@").size());
        at(monday.plusSeconds(1));
        sender.drain();
        assertEquals(1, mails("warehouse1@").size());
    }

    @Test
    void aboveTheCapDeliveriesAreSuppressedWithAReasonAndTheSummaryListsThem() throws Throwable {
        fresh("finance1");
        as("admin").body(Map.of("max", 3, "minutes", 10)).put("/api/admin/notify/caps/email").then().statusCode(200);
        as("admin").header("Accept-Language", "en").body(Map.of("max", 0, "minutes", 10))
                .put("/api/admin/notify/caps/email").then().statusCode(422)
                .body(org.hamcrest.Matchers.containsString("Maximum e-mails"));
        try {
            at(MONDAY_10);
            for (int i = 1; i <= 5; i++) {
                notice("finance1", "DQ-C" + i, "cap note " + i);
            }
            var rows = Deliveries.where("recipient = 'finance1' and payload_json like '%DQ-C%'");
            assertEquals(List.of("pending", "pending", "pending", "suppressed", "suppressed"),
                    rows.stream().map(Deliveries.Row::status).toList());
            var summary = Deliveries.where("delivery_key like 'c:finance1:%'");
            assertEquals(1, summary.size());
            String reason = rows.get(4).reason();
            assertEquals("cap:3:10:" + summary.get(0).id(), reason);
            assertTrue(DeliveryReasons.text(reason).in(Messages.EN).contains("Above the cap of 3 e-mails in 10 minutes"),
                    DeliveryReasons.text(reason).in(Messages.EN));
            assertTrue(DeliveryReasons.text(reason).in(Messages.ZH).contains("超过上限"));
            List<Map<String, Object>> log = as("admin").get("/api/admin/deliveries?status=suppressed&channel=email")
                    .then().statusCode(200).extract().path("");
            assertTrue(log.stream().anyMatch(d -> reason.equals(d.get("reason"))), "visible in the admin log");

            sender.drain();
            assertEquals(3, mails("finance1@").size(), "three under the cap");
            at(Instant.parse("2026-12-07T02:10:01Z")); // the cap's window has ended
            sender.drain();
            List<MimeMessage> got = mails("finance1@");
            assertEquals(4, got.size());
            MimeMessage more = got.get(3);
            assertEquals("FlowDesk:另有 2 条通知", more.getSubject());
            String text = EmailDeliveryTest.text(more, "text/plain");
            assertTrue(text.contains("cap note 4") && text.contains("cap note 5"), text);
            assertTrue(!text.contains("cap note 1"), text);
            assertEquals(2, Deliveries.where("recipient = 'finance1' and status = 'suppressed' and digest_id = ?1",
                    summary.get(0).id()).size(), "the capped ones stay suppressed in the log");
            sender.drain();
            assertEquals(4, mails("finance1@").size(), "a second run sends nothing");
        } finally {
            as("admin").body(Map.of("max", 30, "minutes", 10)).put("/api/admin/notify/caps/email").then()
                    .statusCode(200);
        }
    }

    @Test
    void usersInheritTheAdminDefaultsUntilTheyChooseThemselves() throws Throwable {
        fresh("agent1", "agent2");
        as("agent1").body(List.of(Map.of("event", "rule", "channel", "email", "enabled", true, "digest", true)))
                .put("/api/me/notification-preferences?user=*").then().statusCode(403);
        as("admin").body(List.of(Map.of("event", "rule", "channel", "email", "enabled", true, "digest", true)))
                .put("/api/me/notification-preferences?user=*").then().statusCode(200);
        try {
            List<Map<String, Object>> mine = as("agent1").get("/api/me/notification-preferences").then()
                    .statusCode(200).extract().path("");
            Map<String, Object> rule = mine.stream().filter(p -> "rule".equals(p.get("event"))).findFirst()
                    .orElseThrow();
            assertEquals(true, rule.get("digest"));
            assertEquals(true, rule.get("inherited"));
            as("agent2").body(List.of(Map.of("event", "rule", "channel", "email", "enabled", true, "digest", false)))
                    .put("/api/me/notification-preferences").then().statusCode(200);
            List<Map<String, Object>> theirs = as("agent2").get("/api/me/notification-preferences").then()
                    .statusCode(200).extract().path("");
            Map<String, Object> own = theirs.stream().filter(p -> "rule".equals(p.get("event"))).findFirst()
                    .orElseThrow();
            assertEquals(false, own.get("digest"));
            assertEquals(false, own.get("inherited"));
            assertTrue(theirs.stream().filter(p -> !"rule".equals(p.get("event")))
                    .allMatch(p -> Boolean.TRUE.equals(p.get("inherited"))), "the other events still follow");

            at(MONDAY_10);
            notice("agent1", "DQ-D1", "rule note", "RULE_NOTIFY");
            notice("agent2", "DQ-D2", "rule note", "RULE_NOTIFY");
            assertEquals("held", Deliveries.where("recipient = 'agent1' and payload_json like '%DQ-D1%'").get(0)
                    .status(), "inherited: daily digest");
            assertEquals("pending", Deliveries.where("recipient = 'agent2' and payload_json like '%DQ-D2%'").get(0)
                    .status(), "own choice: at once");

            as("agent2").delete("/api/me/notification-preferences").then().statusCode(200);
            notice("agent2", "DQ-D3", "rule note", "RULE_NOTIFY");
            assertEquals("held", Deliveries.where("recipient = 'agent2' and payload_json like '%DQ-D3%'").get(0)
                    .status(), "back on the defaults");

            String problem = as("agent2").header("Accept-Language", "en").body(Map.of("quiet", "window", "from",
                    "25:00", "to", "08:00")).put("/api/me/notification-schedule").then().statusCode(422).extract()
                    .asString();
            assertTrue(problem.contains("Quiet from"), problem);
            assertNotNull(problem);
        } finally {
            Deliveries.execute("delete from notify_preference where username = '*' and event = 'rule'");
        }
    }

    private void at(Instant instant) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> clock.set(instant));
    }

    private void notice(String user, String number, String words) throws Throwable {
        notice(user, number, words, "MENTION");
    }

    private void notice(String user, String number, String words, String kind) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications.notifyUser(user, null,
                number, kind, Text.literal(words))));
    }

    /** Clears the users' own choices, schedules and earlier deliveries and mail. */
    private static void fresh(String... users) throws Throwable {
        for (String user : users) {
            Deliveries.execute("delete from notify_preference where username = ?1", user);
            Deliveries.execute("delete from notify_quiet where username = ?1", user);
            Deliveries.execute("delete from notify_delivery where recipient = ?1", user);
        }
        GreenMailResource.mail().purgeEmailFromAllMailboxes();
    }

    private static List<MimeMessage> mails(String address) {
        return GreenMailResource.to(GreenMailResource.mail(), address);
    }
}
