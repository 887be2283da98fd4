package io.flowdesk.reports.schedules;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.schedules.internal.ScheduleEntity;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.SqlTime;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduled report mails (ADR 0036): supervisors and admins list, create, edit and delete them; every write is
 * validated (422 naming the field by its label) and audited. {@code internal.ScheduleRunner} sends them.
 */
@ApplicationScoped
public class ScheduleService {

    public static final int MAX_RECIPIENTS = 50;

    @Inject
    IdentityService identity;

    @Inject
    AuditLog audit;

    @Inject
    ReportService reports;

    public Uni<List<ReportSchedule>> list(CurrentUser user) {
        ReportService.check(user);
        return Panache.withSession(() -> ScheduleEntity.<ScheduleEntity>list("order by id").chain(rows -> runs()
                .map(last -> rows.stream().map(r -> view(r, last.get(r.id))).toList())));
    }

    public Uni<ReportSchedule> get(CurrentUser user, long id) {
        ReportService.check(user);
        return Panache.withSession(() -> find(id).chain(r -> runs().map(last -> view(r, last.get(r.id)))));
    }

    public Uni<ReportSchedule> create(CurrentUser user, ReportSchedule.Request request) {
        ReportService.check(user);
        return validate(request).chain(clean -> Panache.withTransaction(() -> {
            ScheduleEntity row = new ScheduleEntity();
            row.createdBy = user.username();
            row.createdAt = FlowClock.offsetNow();
            set(row, clean);
            return row.<ScheduleEntity>persist().chain(saved -> audit.record(user.username(),
                    "reports.schedule.create", "report_schedule", String.valueOf(saved.id), summary(saved))
                    .replaceWith(saved));
        })).map(saved -> view(saved, null));
    }

    public Uni<ReportSchedule> update(CurrentUser user, long id, ReportSchedule.Request request) {
        ReportService.check(user);
        return validate(request).chain(clean -> Panache.withTransaction(() -> find(id).chain(row -> {
            set(row, clean);
            return audit.record(user.username(), "reports.schedule.update", "report_schedule", String.valueOf(id),
                    summary(row)).replaceWith(row);
        }))).chain(row -> get(user, row.id));
    }

    public Uni<Void> delete(CurrentUser user, long id) {
        ReportService.check(user);
        return Panache.withTransaction(() -> find(id).chain(row -> row.delete().chain(() -> audit.record(
                user.username(), "reports.schedule.delete", "report_schedule", String.valueOf(id), summary(row)))));
    }

    private static Uni<ScheduleEntity> find(long id) {
        return ScheduleEntity.<ScheduleEntity>findById(id).onItem().ifNull().failWith(() -> new NotFound(Text.of(
                "reports.schedules.error.notFound", id)));
    }

    /** The newest run of every schedule. */
    private static Uni<Map<Long, ReportSchedule.Run>> runs() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select distinct on (schedule_id) schedule_id, "
                + "period_key, period_from, period_to, status, recipients, claimed_at, sent_at, error from "
                + "report_schedule_run order by schedule_id, period_to desc, id desc", Object[].class).getResultList())
                .map(rows -> {
                    Map<Long, ReportSchedule.Run> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        out.put(((Number) r[0]).longValue(), new ReportSchedule.Run((String) r[1], date(r[2]),
                                date(r[3]), (String) r[4], ((Number) r[5]).intValue(), SqlTime.instant(r[6]),
                                SqlTime.instantOrNull(r[7]), (String) r[8]));
                    }
                    return out;
                });
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    /** Checks every field and answers the request cleaned up (trimmed, recipients de-duplicated). */
    Uni<ReportSchedule.Request> validate(ReportSchedule.Request r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            return Uni.createFrom().failure(InvalidInput.of("/name", Text.of("reports.schedules.error.required",
                    Text.of("reports.schedules.field.name")), "required"));
        }
        String name = blank(r.name());
        if (name == null || name.length() > 200) {
            errors.add(error("name", "reports.schedules.error.required", "required"));
        }
        String frequency = blank(r.frequency());
        if (!ReportSchedule.DAILY.equals(frequency) && !ReportSchedule.WEEKLY.equals(frequency)) {
            errors.add(error("frequency", "reports.schedules.error.frequency", "enum"));
        }
        Integer weekday = ReportSchedule.WEEKLY.equals(frequency) ? r.weekday() : null;
        if (ReportSchedule.WEEKLY.equals(frequency) && (weekday == null || weekday < 1 || weekday > 7)) {
            errors.add(error("weekday", "reports.schedules.error.weekday", "range"));
        }
        String time = blank(r.time());
        try {
            if (time == null || !time.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("HH:mm", String.valueOf(time), 0);
            }
            LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            errors.add(error("time", "reports.schedules.error.time", "time"));
        }
        String zone = blank(r.zone()) == null ? reports.zone().getId() : r.zone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(error("zone", "reports.schedules.error.zone", "zone"));
        }
        String template = blank(r.template());
        String department = blank(r.department());
        try {
            ReportFilter.parse(null, null, template, department, null, null, reports.today());
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        Set<String> recipients = new LinkedHashSet<>();
        if (r.recipients() != null) {
            r.recipients().stream().map(ScheduleService::blank).filter(x -> x != null).forEach(recipients::add);
        }
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            errors.add(error("recipients", "reports.schedules.error.recipients", "size"));
        }
        ReportSchedule.Request clean = new ReportSchedule.Request(name, frequency, weekday, time, zone,
                List.copyOf(recipients), template, department, r.enabled() == null || r.enabled());
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(errors.get(0).text(), errors));
        }
        return Panache.withSession(() -> identity.existing(recipients)).map(found -> {
            for (String wanted : recipients) {
                boolean ok = found.stream().anyMatch(u -> u.username().equals(wanted) && u.email() != null
                        && !u.email().isBlank() && (u.has(Role.SUPERVISOR) || u.has(Role.ADMIN)));
                if (!ok) {
                    throw new InvalidInput(Text.of("reports.schedules.error.recipient", Text.of(
                            "reports.schedules.field.recipients"), wanted), List.of(FieldError.of("recipients",
                                    Text.of("reports.schedules.error.recipient", Text.of(
                                            "reports.schedules.field.recipients"), wanted), "exists")));
                }
            }
            return clean;
        });
    }

    private static void set(ScheduleEntity row, ReportSchedule.Request r) {
        row.name = r.name();
        row.frequency = r.frequency();
        row.weekday = r.weekday();
        row.sendTime = r.time();
        row.zone = r.zone();
        row.recipients = String.join(",", r.recipients());
        row.templateKey = r.template();
        row.department = r.department();
        row.enabled = r.enabled() == null || r.enabled();
        row.updatedAt = FlowClock.offsetNow();
    }

    private static Map<String, Object> summary(ScheduleEntity row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", row.name);
        out.put("frequency", row.frequency);
        out.put("time", row.sendTime);
        out.put("zone", row.zone);
        out.put("recipients", row.recipients);
        return out;
    }

    static ReportSchedule view(ScheduleEntity r, ReportSchedule.Run last) {
        return new ReportSchedule(r.id, r.name, r.frequency, r.weekday, r.sendTime, r.zone,
                Arrays.stream(r.recipients.split(",")).filter(s -> !s.isBlank()).toList(), r.templateKey,
                r.department, r.enabled, r.createdBy, r.createdAt.toInstant(), r.updatedAt.toInstant(), last);
    }

    private static FieldError error(String field, String key, String rule) {
        return FieldError.of(field, Text.of(key, Text.of("reports.schedules.field." + field)), rule);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
