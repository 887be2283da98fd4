package io.flowdesk.simulation;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.TicketClock;
import io.flowdesk.simulation.internal.ClockRows;
import io.flowdesk.simulation.internal.TestTimers;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEventStream;
import io.flowdesk.tickets.TicketRelay;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.workflow.EngineBridge;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Try it" with a virtual clock (ADR 0048): a designer moves one test ticket's clock forward, and its SLA levels,
 * time-based rules and flow timers fall due as they would in real time, in that ticket only. The clock walks from
 * deadline to deadline up to the target, so each firing is stamped with its own simulated instant; the deadline
 * scanner fires the rows (exactly once, ADR 0018) and Flowable runs the timers (once: a job is deleted by the
 * transaction that runs it). Nothing here touches a real ticket: their rows are judged by the shared clock alone.
 */
@ApplicationScoped
public class TestClocks {

    static final int MAX_WORKING_HOURS = 2_000;
    static final int MAX_DAYS = 365;
    /** Bounds one advance: a flow whose timers re-arm forever stops here and says so on the timeline. */
    static final int MAX_STEPS = 200;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    TicketService tickets;

    @Inject
    TicketCommands commands;

    @Inject
    TicketRelay relay;

    @Inject
    TicketEventStream stream;

    @Inject
    Deadlines deadlines;

    @Inject
    Calendars calendars;

    @Inject
    TestTimers timers;

    @Inject
    EngineBridge bridge;

    @Inject
    AuditLog audit;

    /** The test ticket's clock and what falls due next, labelled in {@code locale}. */
    public Uni<TestClock> view(CurrentUser user, String number, Locale locale) {
        requireRole(user);
        return testTicket(user, number).chain(ticket -> view(ticket, locale));
    }

    /** Moves the test ticket's clock forward as asked, fires what falls due on the way, answers the clock after. */
    public Uni<TestClock> advance(CurrentUser user, String number, TestClockAdvance request, Locale locale) {
        requireRole(user);
        String kind = validate(request);
        return testTicket(user, number).chain(ticket -> Panache.withSession(() -> calendar(ticket.id()))
                .chain(calendar -> Panache.withSession(() -> TicketClock.now(ticket.id()))
                        .chain(from -> target(ticket, request, calendar, from)
                                .chain(to -> walk(ticket, to, kind, user, 0)
                                        .chain(steps -> recordAdvance(ticket, user, kind, request, from, calendar))))
                        .chain(() -> view(ticket, locale))));
    }

    private static void requireRole(CurrentUser user) {
        if (!user.has(Role.DESIGNER) && !user.has(Role.ADMIN)) {
            throw new Forbidden(Text.of("simulation.error.role"));
        }
    }

    private static String validate(TestClockAdvance r) {
        if (r == null) {
            throw InvalidInput.of("", Text.of("simulation.error.oneOf"), "required");
        }
        int given = (r.workingHours() != null ? 1 : 0) + (r.days() != null ? 1 : 0) + (r.to() != null ? 1 : 0);
        if (given != 1) {
            throw InvalidInput.of("", Text.of("simulation.error.oneOf"), "oneOf");
        }
        if (r.workingHours() != null) {
            if (r.workingHours() < 1 || r.workingHours() > MAX_WORKING_HOURS) {
                throw InvalidInput.of("/workingHours", Text.of("simulation.error.workingHours", MAX_WORKING_HOURS),
                        "range");
            }
            return "WORKING_HOURS";
        }
        if (r.days() != null) {
            if (r.days() < 1 || r.days() > MAX_DAYS) {
                throw InvalidInput.of("/days", Text.of("simulation.error.days", MAX_DAYS), "range");
            }
            return "DAYS";
        }
        if (!TestClockAdvance.NEXT_DEADLINE.equals(r.to())) {
            throw InvalidInput.of("/to", Text.of("simulation.error.to"), "enum");
        }
        return "NEXT_DEADLINE";
    }

    /** The ticket the user may see (else 404), which must be a test ticket (else 409: real tickets keep real time). */
    private Uni<ClockRows.TicketRow> testTicket(CurrentUser user, String number) {
        return tickets.get(user, number).chain(visible -> Panache.withSession(() -> ClockRows.ticket(number)))
                .map(row -> {
                    if (row == null) {
                        throw new NotFound(Text.of("ticket.notFound", number));
                    }
                    if (!row.test()) {
                        throw new Conflict(Text.of("simulation.error.notTest", number));
                    }
                    return row;
                });
    }

    private Uni<BusinessCalendar> calendar(long ticketId) {
        return ClockRows.openCalendar(ticketId).chain(key -> key == null ? calendars.defaultCalendar()
                : calendars.get(key).onFailure().recoverWithUni(() -> calendars.defaultCalendar()))
                .onFailure().recoverWithItem(BusinessCalendar.ALWAYS);
    }

    private Uni<Instant> target(ClockRows.TicketRow ticket, TestClockAdvance request, BusinessCalendar calendar,
            Instant from) {
        if (request.workingHours() != null) {
            return Uni.createFrom().item(calendar.plusWorkingMinutes(from, request.workingHours() * 60L));
        }
        if (request.days() != null) {
            return Uni.createFrom().item(from.plus(Duration.ofDays(request.days())));
        }
        return next(ticket, from).map(next -> {
            if (next == null) {
                throw InvalidInput.of("/to", Text.of("simulation.error.noDeadline"), "nothing");
            }
            return next.dueAt();
        });
    }

    /**
     * One step: the clock moves to the next thing due (or the target, if sooner), the scanner fires the rows now due,
     * Flowable runs the timers now due, the engine's events reach the ticket and its SLA and rules consumers; then
     * the next step, until the target.
     */
    private Uni<Integer> walk(ClockRows.TicketRow ticket, Instant target, String kind, CurrentUser user, int step) {
        return Panache.withSession(() -> TicketClock.now(ticket.id())).chain(now -> next(ticket, now)
                .chain(next -> {
                    Instant to = next != null && next.dueAt().isBefore(target) ? next.dueAt() : target;
                    long offset = TicketClock.offsetFor(to);
                    return bridge.call(timers::engineNow)
                            .chain(engineNow -> Panache.withTransaction(() -> ClockRows.moveTo(ticket.id(),
                                    Math.max(0, offset), engineNow, kind, user.username())))
                            .chain(() -> fireDue(ticket))
                            .chain(() -> !to.isBefore(target) || step + 1 >= MAX_STEPS ? Uni.createFrom().item(step + 1)
                                    : walk(ticket, target, kind, user, step + 1));
                }));
    }

    /** Fires what the ticket's clock has made due: deadline rows, then the flow's timers, then what they started. */
    private Uni<Void> fireDue(ClockRows.TicketRow ticket) {
        return deadlines.drainDue()
                .chain(() -> dueTimers(ticket))
                .chain(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                        : bridge.call(() -> due.stream().filter(timers::fire).count())
                                .chain(() -> relay.drain(ticket.id())))
                .chain(() -> stream.drain("sla")).chain(() -> stream.drain("automation"))
                .chain(() -> deadlines.drainDue()).replaceWithVoid();
    }

    /** Ids of the ticket's Flowable timers that its clock has made due. */
    private Uni<List<String>> dueTimers(ClockRows.TicketRow ticket) {
        return virtualTimers(ticket).map(all -> all.stream().filter(t -> !t.virtualDue().isAfter(t.virtualNow()))
                .map(VirtualTimer::jobId).toList());
    }

    private record VirtualTimer(String jobId, String elementId, Instant virtualDue, Instant virtualNow) {
    }

    /**
     * The ticket's timers in ticket time: a timer created when the ticket's clock ran {@code o} ahead is due at its
     * engine due date plus {@code o}, shown on the shared clock's scale.
     */
    private Uni<List<VirtualTimer>> virtualTimers(ClockRows.TicketRow ticket) {
        if (ticket.processInstanceId() == null) {
            return Uni.createFrom().item(List.of());
        }
        return bridge.call(() -> Map.entry(timers.engineNow(), timers.timers(ticket.processInstanceId())))
                .chain(found -> found.getValue().isEmpty() ? Uni.createFrom().item(List.<VirtualTimer>of())
                        : Panache.withSession(() -> ClockRows.steps(ticket.id()).chain(steps -> TicketClock
                                .offsetMillis(ticket.id()).map(offset -> {
                                    Instant engineNow = found.getKey();
                                    // engine instants onto the shared clock's scale (tests move FlowClock apart)
                                    Duration skew = Duration.between(engineNow, FlowClock.instant());
                                    Instant virtualNow = FlowClock.instant().plusMillis(offset);
                                    List<VirtualTimer> out = new ArrayList<>();
                                    for (TestTimers.Timer t : found.getValue()) {
                                        long then = offsetAt(steps, t.created());
                                        out.add(new VirtualTimer(t.jobId(), t.elementId(),
                                                t.engineDue().plus(skew).plusMillis(then), virtualNow));
                                    }
                                    return out;
                                }))));
    }

    static long offsetAt(List<ClockRows.Step> steps, Instant created) {
        long offset = 0;
        for (ClockRows.Step step : steps) {
            if (step.engineAt().isAfter(created)) {
                break;
            }
            offset = step.offsetMs();
        }
        return offset;
    }

    private record Next(Instant dueAt, String kind, Text label) {
    }

    /** The soonest deadline row or timer of the ticket after {@code now} (ticket time); null when none waits. */
    private Uni<Next> next(ClockRows.TicketRow ticket, Instant now) {
        return Panache.withSession(() -> ClockRows.pendingAfter(ticket.id(), now)).chain(rows -> virtualTimers(ticket)
                .map(all -> {
                    List<Next> candidates = new ArrayList<>();
                    rows.stream().findFirst().ifPresent(d -> candidates.add(new Next(d.dueAt(), d.owner(),
                            label(d))));
                    all.stream().filter(t -> t.virtualDue().isAfter(now)).forEach(t -> candidates.add(new Next(
                            t.virtualDue(), "timer", Text.of("simulation.next.timer", t.elementId()))));
                    return candidates.stream().min(Comparator.comparing(Next::dueAt)).orElse(null);
                }));
    }

    private static Text label(ClockRows.PendingDeadline d) {
        if ("sla".equals(d.owner())) {
            var p = Json.parse(d.payloadJson() == null ? "{}" : d.payloadJson());
            String level = p.path("level").asText("breach");
            String target = p.path("target").asText("RESOLUTION");
            return Text.of("simulation.next.sla." + switch (level) {
                case "warning" -> "warning";
                case "after" -> "after";
                default -> "breach";
            }, Text.of("simulation.target." + target));
        }
        if ("automation".equals(d.owner())) {
            return Text.of("simulation.next.rule");
        }
        return Text.of("simulation.next.other", d.owner());
    }

    private Uni<Void> recordAdvance(ClockRows.TicketRow ticket, CurrentUser user, String kind,
            TestClockAdvance request, Instant from, BusinessCalendar calendar) {
        return Panache.withTransaction(() -> TicketClock.now(ticket.id()).chain(to -> {
            ZoneId zone = calendar.zone();
            String shownFrom = SHOWN.format(from.atZone(zone));
            String shownTo = SHOWN.format(to.atZone(zone));
            Text how = switch (kind) {
                case "WORKING_HOURS" -> Text.of("simulation.how.workingHours", request.workingHours());
                case "DAYS" -> Text.of("simulation.how.days", request.days());
                default -> Text.of("simulation.how.nextDeadline");
            };
            var details = Json.MAPPER.createObjectNode().put("kind", kind).put("from", from.toString())
                    .put("to", to.toString()).put("by", user.username());
            return commands.record(ticket.id(), "TEST_CLOCK_ADVANCED", user.username(), null,
                    Text.of("simulation.timeline.advanced", how, shownFrom, shownTo, zone.getId()), details, true)
                    .chain(() -> audit.record(user.username(), "ticket.testClock.advance", "ticket",
                            ticket.number(), Map.of("kind", kind, "to", to.toString())));
        }));
    }

    private Uni<TestClock> view(ClockRows.TicketRow ticket, Locale locale) {
        return Panache.withSession(() -> calendar(ticket.id()).chain(calendar -> TicketClock.offsetMillis(ticket.id())
                .map(offset -> Map.entry(calendar, offset))))
                .chain(found -> {
                    Instant real = FlowClock.instant();
                    Instant virtual = real.plusMillis(found.getValue());
                    return next(ticket, virtual).map(next -> new TestClock(ticket.number(), virtual, real,
                            found.getValue() / 60_000, next == null ? null : next.dueAt(),
                            next == null ? null : next.kind(), next == null ? null : next.label().in(locale),
                            found.getKey().zone().getId()));
                });
    }
}
