package io.flowdesk.sla;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.deadlines.Deadline;
import io.flowdesk.deadlines.DeadlineHandler;
import io.flowdesk.deadlines.DeadlineScanner;
import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.TicketClock;
import io.flowdesk.tickets.Priority;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketCommands.OpenTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fires the sla ladder levels (deadline owner {@code sla}): notify, raise the priority, reassign, add a watcher, then
 * one timeline entry ({@code SLA_WARNING}, {@code SLA_BREACHED}, {@code SLA_ESCALATED}) that names the target, its
 * deadline and what was done, and one {@code sla_firing} row for reports. Runs inside the deadline scanner's
 * transaction, so all of it happens exactly once (ADR 0018). A level restricted to working hours that falls due
 * outside them is postponed to the calendar's next working instant instead.
 */
@ApplicationScoped
public class EscalationHandler implements DeadlineHandler {

    public static final String OWNER = "sla";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final long WORKERS_TTL_MS = 5_000;

    @Inject
    TicketCommands commands;

    @Inject
    IdentityService identity;

    @Inject
    Deadlines deadlines;

    @Inject
    DeadlineScanner scanner;

    @Inject
    Calendars calendars;

    @Inject
    FlowClock clock;

    /** Staff with departments and roles, read at most every few seconds (a breach storm must not read it 10,000×). */
    private volatile List<CurrentUser> workers;
    private volatile long workersReadAt;

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        EscalationLevel level = EscalationLevel.parse(deadline.payloadJson());
        // no calendar named: calendar time; an unknown one (deleted since): calendar time too, rather than never firing
        Uni<BusinessCalendar> named = level.calendar() == null ? Uni.createFrom().item(BusinessCalendar.ALWAYS)
                : calendars.get(level.calendar()).onFailure().recoverWithItem(BusinessCalendar.ALWAYS);
        // the ticket's own now: a test ticket on a virtual clock judges working hours by its simulated time
        return named.chain(calendar -> TicketClock.now(deadline.ticketId()).chain(now -> {
            if (level.workingHoursOnly() && !calendar.isWorking(now)) {
                return deadlines.schedule(deadline.key(), deadline.owner(), deadline.ticketId(),
                        calendar.nextWorkingInstant(now), deadline.payloadJson());
            }
            return escalate(deadline, level, calendar.zone());
        }));
    }

    private Uni<Void> escalate(Deadline deadline, EscalationLevel level, ZoneId zone) {
        long ticketId = deadline.ticketId();
        Instant targetDue = level.dueAt() != null ? level.dueAt() : deadline.dueAt();
        Text target = targetName(level);
        String shownDue = SHOWN.format(targetDue.atZone(zone == null ? ZoneOffset.UTC : zone)) + " " + zone;
        return commands.openTasks(ticketId).chain(tasks -> {
            OpenTask task = tasks.stream().filter(t -> t.taskId().equals(level.taskId())).findFirst()
                    .orElse(level.taskId() == null && !tasks.isEmpty() ? tasks.get(0) : null);
            ArrayNode done = Json.MAPPER.createArrayNode();
            List<Text> said = new ArrayList<>();
            Set<String> notified = new LinkedHashSet<>();
            Text notice = Text.of("escalation.notify." + levelKey(level), target, shownDue);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (EscalationLevel.Action action : level.actions()) {
                chain = chain.chain(() -> act(ticketId, level, task, action, notice, done, said, notified));
            }
            return chain.chain(() -> {
                ObjectNode details = Json.MAPPER.createObjectNode().put("target", level.target())
                        .put("level", level.level()).put("cycle", level.cycle()).put("dueAt", targetDue.toString())
                        .put("key", deadline.key());
                if (level.minutes() != null) {
                    details.put("minutes", level.minutes());
                }
                details.set("actions", done);
                Text text = Text.of("escalation.timeline." + levelKey(level), target, shownDue, joined(said, 0),
                        level.minutes() == null ? 0 : level.minutes());
                return commands.record(ticketId, level.timelineKind(), null, task == null ? null : task.taskId(),
                        text, details, true)
                        .chain(() -> recordFiring(deadline, level, task, targetDue, done));
            });
        });
    }

    private Uni<Void> act(long ticketId, EscalationLevel level, OpenTask task, EscalationLevel.Action action,
            Text notice, ArrayNode done, List<Text> said, Set<String> notified) {
        Text why = Text.of("escalation.why", targetName(level), Text.of("escalation.level." + levelKey(level)));
        switch (action.type() == null ? "" : action.type()) {
            case "notify" -> {
                return recipients(ticketId, task, action.to()).chain(all -> {
                    // one notification per person and level, even when two notify actions name them
                    List<String> users = all.stream().filter(notified::add).toList();
                    Uni<Void> each = Uni.createFrom().voidItem();
                    for (String user : users) {
                        each = each.chain(() -> commands.notifyUser(user, ticketId, level.timelineKind(), notice));
                    }
                    ArrayNode to = done.addObject().put("type", "notify").put("to", action.to()).putArray("users");
                    users.forEach(to::add);
                    said.add(users.isEmpty() ? Text.of("escalation.done.notifyNobody", action.to())
                            : Text.of("escalation.done.notify", String.join(", ", users)));
                    return each;
                });
            }
            case "priority" -> {
                return commands.facts(ticketId).chain(facts -> {
                    String to = "raise".equals(action.value()) ? raised(facts.priority()) : action.value();
                    if (to == null || !Priority.ALL.contains(to) || to.equals(facts.priority())) {
                        done.addObject().put("type", "priority").put("from", facts.priority()).put("changed", false);
                        return Uni.createFrom().voidItem();
                    }
                    return commands.setPriority(ticketId, to, null, why).invoke(changed -> {
                        done.addObject().put("type", "priority").put("from", facts.priority()).put("to", to)
                                .put("changed", changed);
                        if (changed) {
                            said.add(Text.of("escalation.done.priority", facts.priority(), to));
                        }
                    }).replaceWithVoid();
                });
            }
            case "reassign" -> {
                if (task == null) {
                    done.addObject().put("type", "reassign").put("changed", false);
                    return Uni.createFrom().voidItem();
                }
                if (action.user() != null) {
                    ObjectNode details = Json.MAPPER.createObjectNode().put("reason", "sla").put("target",
                            level.target()).put("level", level.level());
                    return commands.assignTask(task.taskId(), action.user(), "TASK_ASSIGNED_SLA", null, why, details)
                            .invoke(changed -> {
                                done.addObject().put("type", "reassign").put("user", action.user())
                                        .put("changed", changed);
                                if (changed) {
                                    said.add(Text.of("escalation.done.assigned", action.user()));
                                }
                            }).replaceWithVoid();
                }
                if (action.department() != null) {
                    return commands.moveTask(task.taskId(), action.department(), null, why).invoke(changed -> {
                        done.addObject().put("type", "reassign").put("department", action.department())
                                .put("changed", changed);
                        if (changed) {
                            said.add(Text.of("escalation.done.moved", action.department()));
                        }
                    }).replaceWithVoid();
                }
                return Uni.createFrom().voidItem();
            }
            case "watcher" -> {
                if (action.user() == null) {
                    return Uni.createFrom().voidItem();
                }
                return commands.addWatcher(ticketId, action.user(), null).invoke(changed -> {
                    done.addObject().put("type", "watcher").put("user", action.user()).put("changed", changed);
                    if (changed) {
                        said.add(Text.of("escalation.done.watcher", action.user()));
                    }
                }).replaceWithVoid();
            }
            default -> {
                done.addObject().put("type", String.valueOf(action.type())).put("unknown", true);
                return Uni.createFrom().voidItem();
            }
        }
    }

    /** Who "assignee", "supervisor", "department" or "watchers" means for this ticket now, without duplicates. */
    private Uni<List<String>> recipients(long ticketId, OpenTask task, String to) {
        String department = task == null ? null : task.department();
        Uni<List<String>> named = switch (to == null ? "" : to) {
            case "assignee" -> Uni.createFrom().item(task == null || task.assignee() == null ? List.<String>of()
                    : List.of(task.assignee()));
            case "watchers" -> commands.watchers(ticketId);
            case "department" -> workers().map(all -> department == null ? List.<String>of()
                    : all.stream().filter(u -> u.departments().contains(department)).map(CurrentUser::username)
                            .toList());
            case "supervisor" -> workers().map(all -> {
                List<String> supervisors = all.stream().filter(u -> u.has(Role.SUPERVISOR)).filter(u -> department
                        != null && u.departments().contains(department)).map(CurrentUser::username).toList();
                return !supervisors.isEmpty() ? supervisors
                        : all.stream().filter(u -> u.has(Role.SUPERVISOR)).map(CurrentUser::username).toList();
            });
            default -> Uni.createFrom().item(List.<String>of());
        };
        return named.map(list -> List.copyOf(new LinkedHashSet<>(list)));
    }

    private Uni<List<CurrentUser>> workers() {
        List<CurrentUser> known = workers;
        long nowMs = System.nanoTime() / 1_000_000;
        if (known != null && nowMs - workersReadAt < WORKERS_TTL_MS) {
            return Uni.createFrom().item(known);
        }
        return identity.workers().invoke(list -> {
            workers = list;
            workersReadAt = nowMs;
        });
    }

    private Uni<Void> recordFiring(Deadline deadline, EscalationLevel level, OpenTask task, Instant targetDue,
            ArrayNode done) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into sla_firing (key, "
                + "ticket_id, target, task_id, cycle, level, minutes, target_due_at, fired_at, node, actions_json) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (key) do nothing")
                .setParameter(1, deadline.key()).setParameter(2, deadline.ticketId())
                .setParameter(3, level.target() == null ? "?" : level.target())
                .setParameter(4, task == null ? null : task.taskId()).setParameter(5, level.cycle())
                .setParameter(6, level.level() == null ? "?" : level.level()).setParameter(7, level.minutes())
                .setParameter(8, java.time.OffsetDateTime.ofInstant(targetDue, ZoneOffset.UTC))
                .setParameter(9, clock.nowOffset()).setParameter(10, scanner.node())
                .setParameter(11, done.toString()).executeUpdate()).replaceWithVoid();
    }

    static String raised(String priority) {
        int at = Priority.ALL.indexOf(priority);
        return at <= 0 ? priority : Priority.ALL.get(at - 1);
    }

    private static Text targetName(EscalationLevel level) {
        if ("STEP".equals(level.target())) {
            return Text.of("escalation.target.step", Text.bilingual(level.stepZh(), level.stepEn()));
        }
        String target = level.target() == null ? "RESOLUTION" : level.target();
        return Text.of("escalation.target." + switch (target) {
            case "FIRST_RESPONSE" -> "firstResponse";
            case "NEXT_RESPONSE" -> "nextResponse";
            default -> "resolution";
        });
    }

    private static String levelKey(EscalationLevel level) {
        return switch (level.level() == null ? "" : level.level()) {
            case EscalationLevel.WARNING -> "warning";
            case EscalationLevel.BREACH -> "breach";
            default -> "after";
        };
    }

    /** "a; b; c" in the reader's language, or "nothing else". */
    private static Text joined(List<Text> parts, int from) {
        if (from >= parts.size()) {
            return Text.of("escalation.done.nothing");
        }
        if (from == parts.size() - 1) {
            return parts.get(from);
        }
        return Text.of("escalation.done.join", parts.get(from), joined(parts, from + 1));
    }
}
