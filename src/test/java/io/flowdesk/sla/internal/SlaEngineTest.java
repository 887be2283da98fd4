package io.flowdesk.sla.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.tickets.TicketEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaEngineTest {

    static final BusinessCalendar CN = CalendarChinaSchedule.mergeInto(
            BusinessCalendar.builder("cn-standard", ZoneId.of("Asia/Shanghai")).weekdays("09:00-18:00").build());
    static final SlaEngine ENGINE = new SlaEngine(Set.of("WAITING_CUSTOMER"));

    /** Small builder of a ticket's history. */
    static final class History {
        final List<TicketEvent> events = new ArrayList<>();

        History add(String at, String kind, String details) {
            return add(at, kind, details, null, false);
        }

        History add(String at, String kind, String details, String taskId, boolean internal) {
            events.add(new TicketEvent(events.size() + 1, 1, Instant.parse(at), kind, "x", taskId, details, internal));
            return this;
        }

        History created(String at) {
            return add(at, "CREATED", "{}");
        }

        History reply(String at, String author) {
            return add(at, "REPLY", "{\"authorKind\":\"" + author + "\"}");
        }

        History note(String at) {
            return add(at, "NOTE", "{}", null, true);
        }

        History status(String at, String from, String to) {
            return add(at, "STATUS_CHANGED", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        }
    }

    static SlaPolicy policy(long first, long next, long resolution) {
        return new SlaPolicy("p", "p", "p", 1, true, null, "cn-standard", Map.of(
                SlaPolicy.FIRST_RESPONSE, spec(first), SlaPolicy.NEXT_RESPONSE, spec(next),
                SlaPolicy.RESOLUTION, new SlaPolicy.TargetSpec(null, Map.of("P1", 240L, "P3", resolution), null,
                        List.of(new SlaPolicy.Level("warning", 50, null, null, false, List.of()),
                                new SlaPolicy.Level("breach", null, null, null, false, List.of()),
                                new SlaPolicy.Level("after", null, null, 30, true, List.of())))));
    }

    static SlaPolicy.TargetSpec spec(long minutes) {
        return new SlaPolicy.TargetSpec(minutes, null, null, null);
    }

    static Evaluated find(List<Evaluated> all, String target, int cycle) {
        return all.stream().filter(e -> e.clock().target().equals(target) && e.clock().cycle() == cycle).findFirst()
                .orElseThrow(() -> new AssertionError("no " + target + " cycle " + cycle));
    }

    static List<Evaluated> run(History h, String priority, String now) {
        return SlaEvaluator.evaluate(ENGINE.replay(h.events).clocks(), policy(30, 60, 960), priority, CN,
                Instant.parse(now));
    }

    @Test
    void firstResponseStopsAtAPublicStaffReplyNotAtANoteOrACustomerMessage() {
        // Monday 2026-03-02 10:00 Shanghai = 02:00Z
        History h = new History().created("2026-03-02T02:00:00Z").note("2026-03-02T02:05:00Z")
                .reply("2026-03-02T02:10:00Z", "customer").reply("2026-03-02T02:20:00Z", "staff");
        Evaluated first = find(run(h, "P3", "2026-03-02T03:00:00Z"), SlaPolicy.FIRST_RESPONSE, 1);
        assertEquals(Instant.parse("2026-03-02T02:20:00Z"), first.clock().stoppedAt());
        assertEquals(20, first.used());
        assertEquals(SlaTarget.MET, first.state());
        assertEquals(Instant.parse("2026-03-02T02:30:00Z"), first.dueAt());
    }

    @Test
    void nextResponseStartsAtACustomerMessageAfterTheFirstResponseAndStopsAtTheNextStaffReply() {
        History h = new History().created("2026-03-02T02:00:00Z").reply("2026-03-02T02:10:00Z", "staff")
                .reply("2026-03-02T03:00:00Z", "customer").reply("2026-03-02T03:05:00Z", "customer")
                .reply("2026-03-02T04:30:00Z", "staff").reply("2026-03-02T05:00:00Z", "customer");
        List<Evaluated> all = run(h, "P3", "2026-03-02T06:30:00Z");
        Evaluated one = find(all, SlaPolicy.NEXT_RESPONSE, 1);
        assertEquals(Instant.parse("2026-03-02T03:00:00Z"), one.clock().startedAt(), "the first unanswered message");
        assertEquals(SlaTarget.BREACHED, one.state(), "90 minutes against 60");
        Evaluated two = find(all, SlaPolicy.NEXT_RESPONSE, 2);
        assertTrue(two.open());
        assertEquals(Instant.parse("2026-03-02T06:00:00Z"), two.dueAt());
        assertEquals(SlaTarget.BREACHED, two.state());
    }

    @Test
    void pausedTimeInAWaitingStatusDoesNotCountAndACustomerReplyResumes() {
        // P3 resolution 960 working minutes = 16 h = Mon 10:00 → Wed 08:00? no: Mon 10-18 (8h) + Tue 9-17 (8h)
        History h = new History().created("2026-03-02T02:00:00Z")
                .status("2026-03-02T03:00:00Z", "OPEN", "WAITING_CUSTOMER");
        List<Evaluated> paused = run(h, "P3", "2026-03-02T05:00:00Z");
        Evaluated resolution = find(paused, SlaPolicy.RESOLUTION, 1);
        assertEquals(SlaTarget.PAUSED, resolution.state());
        assertNull(resolution.dueAt());
        assertEquals(60, resolution.used());
        assertEquals(900L, resolution.remaining());

        h.reply("2026-03-02T06:00:00Z", "customer"); // 14:00 Shanghai: paused 3 working hours
        Evaluated resumed = find(run(h, "P3", "2026-03-02T06:00:00Z"), SlaPolicy.RESOLUTION, 1);
        // without the pause: Tue 17:00; with 180 paused minutes: Wed 11:00 Shanghai = 03:00Z
        assertEquals(Instant.parse("2026-03-04T03:00:00Z"), resumed.dueAt());
        assertEquals(SlaTarget.ON_TRACK, resumed.state());
    }

    @Test
    void aPriorityChangeWhilePausedKeepsThePausedTime() {
        History h = new History().created("2026-03-02T02:00:00Z")
                .status("2026-03-02T03:00:00Z", "OPEN", "WAITING_CUSTOMER")
                .status("2026-03-02T06:00:00Z", "WAITING_CUSTOMER", "IN_PROGRESS");
        // the same history under P1 (240 working minutes): 60 used before the pause, 180 after 14:00 → 17:00
        Evaluated p1 = find(run(h, "P1", "2026-03-02T06:00:00Z"), SlaPolicy.RESOLUTION, 1);
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), p1.dueAt());
        // the ladder: warning at 50 % (120 used: 15:00), breach at the due, 30 working minutes after it
        assertEquals(List.of(Instant.parse("2026-03-02T07:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:30:00Z")), p1.ladder().stream().map(Evaluated.Rung::at).toList());
        assertEquals(List.of("sla:7:RESOLUTION:1:warning:120", "sla:7:RESOLUTION:1:breach",
                "sla:7:RESOLUTION:1:after:30"), p1.ladder().stream()
                        .map(r -> r.key(p1.clock().keyPrefix(7))).toList());
    }

    @Test
    void reopeningStartsANewResolutionCycleAndANextResponse() {
        History h = new History().created("2026-03-02T02:00:00Z").reply("2026-03-02T02:10:00Z", "staff")
                .add("2026-03-02T04:00:00Z", "ENDED", "{}").add("2026-03-03T02:00:00Z", "REOPENED", "{}");
        List<Evaluated> all = run(h, "P3", "2026-03-03T02:30:00Z");
        Evaluated first = find(all, SlaPolicy.RESOLUTION, 1);
        assertEquals(SlaTarget.MET, first.state());
        assertEquals(120, first.used());
        Evaluated second = find(all, SlaPolicy.RESOLUTION, 2);
        assertTrue(second.open());
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), second.clock().startedAt());
        assertEquals(30, second.used());
        assertEquals(Instant.parse("2026-03-03T03:00:00Z"), find(all, SlaPolicy.NEXT_RESPONSE, 1).dueAt());
        assertEquals(1, all.stream().filter(e -> e.clock().target().equals(SlaPolicy.FIRST_RESPONSE)).count());
    }

    @Test
    void aStepTargetRunsFromTaskStartToCompletion() {
        History h = new History().created("2026-03-02T02:00:00Z")
                .add("2026-03-02T02:00:00Z", "TASK_STARTED", "{\"task\":\"诊断\",\"taskEn\":\"Diagnosis\","
                        + "\"targetMinutes\":\"90\"}", "t1", true)
                .add("2026-03-02T04:00:00Z", "TASK_COMPLETED", "{}", "t1", true);
        Evaluated step = find(run(h, "P3", "2026-03-02T05:00:00Z"), SlaPolicy.STEP, 1);
        assertEquals("t1", step.clock().taskId());
        assertEquals(Instant.parse("2026-03-02T03:30:00Z"), step.dueAt());
        assertEquals(SlaTarget.BREACHED, step.state());
        assertEquals(120, step.used());
    }

    @Test
    void calendarTimeTargetsCountNightsAndWeekends() {
        SlaPolicy around = new SlaPolicy("a", "a", "a", 1, true, null, "cn-standard", Map.of(SlaPolicy.RESOLUTION,
                new SlaPolicy.TargetSpec(120L, null, "calendar", null)));
        History h = new History().created("2026-03-06T09:30:00Z"); // Friday 17:30 Shanghai
        Evaluated e = SlaEvaluator.evaluate(ENGINE.replay(h.events).clocks(), around, "P3", CN,
                Instant.parse("2026-03-06T10:00:00Z")).get(0);
        assertEquals(Instant.parse("2026-03-06T11:30:00Z"), e.dueAt());
        assertEquals("24x7", e.calendarKey());
    }
}
