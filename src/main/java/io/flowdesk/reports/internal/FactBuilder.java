package io.flowdesk.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.tickets.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a ticket's {@link Fact} from its whole event history, exactly as docs/metrics.md defines each metric.
 * Pure: no database, no clock; the same history always gives the same fact (the recomputation test relies on it).
 */
public final class FactBuilder {

    /** The first-contact-resolution definitions (setting {@code flowdesk.reports.fcr}). */
    public static final String FCR_DEFAULT = "one-reply-no-followup";
    public static final String FCR_ONE_REPLY = "one-reply";
    public static final String FCR_NO_REOPEN = "no-reopen";
    public static final List<String> FCR_DEFINITIONS = List.of(FCR_DEFAULT, FCR_ONE_REPLY, FCR_NO_REOPEN);

    private FactBuilder() {
    }

    /** The ticket row's facts a fact needs besides its events. */
    public record Ticket(long id, String number, String templateKey, String channel, String priority,
            Instant createdAt) {
    }

    public static Fact build(Ticket ticket, List<TicketEvent> events, BusinessCalendar calendar, ZoneId zone,
            String fcrDefinition) {
        Instant created = ticket.createdAt();
        String department = "";
        Instant firstReply = null;
        String lastStaffAuthor = null;
        String lastClaimer = null;
        Instant firstResolved = null;
        Instant resolved = null;
        int reopened = 0;
        int staffReplies = 0;
        int staffRepliesBeforeResolution = 0;
        int customerReplies = 0;
        boolean customerFollowUp = false;
        Integer csat = null;
        long lastEvent = 0;
        Instant awaiting = null;
        List<Fact.ReplyGap> gaps = new ArrayList<>();
        for (TicketEvent e : events) {
            lastEvent = Math.max(lastEvent, e.id());
            JsonNode d = details(e);
            switch (e.kind()) {
                case "CREATED" -> created = e.at();
                case "REPLY" -> {
                    if (e.internal()) {
                        break;
                    }
                    String author = d.path("authorKind").asText("");
                    if ("staff".equals(author)) {
                        staffReplies++;
                        if (firstResolved == null) {
                            staffRepliesBeforeResolution++;
                            lastStaffAuthor = e.actor();
                        }
                        if (firstReply == null) {
                            firstReply = e.at();
                        }
                        if (awaiting != null) {
                            gaps.add(new Fact.ReplyGap(awaiting, e.at(), day(e.at(), zone), minutes(awaiting, e.at()),
                                    working(calendar, awaiting, e.at())));
                            awaiting = null;
                        }
                    } else if ("customer".equals(author)) {
                        customerReplies++;
                        if (firstReply != null && awaiting == null) {
                            awaiting = e.at();
                        }
                        if (firstReply != null && firstResolved == null) {
                            customerFollowUp = true;
                        }
                    }
                }
                case "TASK_STARTED" -> {
                    if (department.isEmpty()) {
                        department = d.path("department").asText("");
                    }
                }
                case "TASK_CLAIMED" -> {
                    if (firstResolved == null && e.actor() != null) {
                        lastClaimer = e.actor();
                    }
                }
                case "ENDED" -> {
                    if (firstResolved == null) {
                        firstResolved = e.at();
                    }
                    resolved = e.at();
                }
                case "REOPENED" -> {
                    reopened++;
                    resolved = null;
                }
                case "CSAT" -> {
                    try {
                        csat = Integer.parseInt(d.path("rating").asText("").strip());
                    } catch (NumberFormatException ignored) {
                        // a rating that is not a number is no rating
                    }
                }
                default -> {
                    // other kinds do not move a metric
                }
            }
        }
        boolean fcr = switch (fcrDefinition == null ? FCR_DEFAULT : fcrDefinition) {
            case FCR_ONE_REPLY -> resolved != null && reopened == 0 && staffRepliesBeforeResolution == 1;
            case FCR_NO_REOPEN -> resolved != null && reopened == 0;
            default -> resolved != null && reopened == 0 && staffRepliesBeforeResolution == 1 && !customerFollowUp;
        };
        String agent = lastStaffAuthor != null ? lastStaffAuthor : lastClaimer != null ? lastClaimer : "";
        return new Fact(ticket.id(), ticket.number(), ticket.templateKey(), department, ticket.channel(),
                ticket.priority(), agent, calendar.key(), created, day(created, zone), firstReply,
                minutes(created, firstReply), working(calendar, created, firstReply), firstResolved,
                minutes(created, firstResolved), working(calendar, created, firstResolved), resolved,
                resolved == null ? null : day(resolved, zone), minutes(created, resolved),
                working(calendar, created, resolved), reopened, staffReplies, customerReplies, fcr, csat, lastEvent,
                List.copyOf(gaps));
    }

    /** Details that do not parse are no details: one malformed entry must not stop the reports stream. */
    private static JsonNode details(TicketEvent e) {
        try {
            return e.details();
        } catch (RuntimeException malformed) {
            return io.flowdesk.shared.Json.MAPPER.createObjectNode();
        }
    }

    static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    private static Long minutes(Instant from, Instant to) {
        return to == null ? null : Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static Long working(BusinessCalendar calendar, Instant from, Instant to) {
        if (to == null) {
            return null;
        }
        return to.isBefore(from) ? 0L : calendar.workingMinutesBetween(from, to);
    }
}
