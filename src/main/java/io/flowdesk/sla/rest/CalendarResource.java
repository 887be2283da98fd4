package io.flowdesk.sla.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarAdmin;
import io.flowdesk.sla.CalendarInput;
import io.flowdesk.sla.Calendars;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business calendars: staff (agents and up, department staff, designers) read and compute; admins write. Bad query
 * parameters are 422 naming the parameter.
 */
@Path("/api/calendars")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final long MAX_MINUTES = 10_000_000L;
    private static final Set<String> READERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT, Role.STAFF,
            Role.DESIGNER);

    @Inject
    Calendars calendars;

    @Inject
    CalendarAdmin admin;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<CalendarJson>> list() {
        reader();
        return calendars.list().map(list -> list.stream().map(this::json).toList());
    }

    @GET
    @Path("/{key}")
    public Uni<CalendarJson> get(@PathParam("key") String key) {
        reader();
        return calendars.get(key).map(this::json);
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CalendarJson> put(@PathParam("key") String key, CalendarInput body) {
        CalendarInput input = body == null ? new CalendarInput(null, null, null, null, null, null, null, null) : body;
        return admin.save(CurrentUser.of(identity), key, input).chain(saved -> calendars.get(key)).map(this::json);
    }

    @POST
    @Path("/{key}/china-schedule")
    public Uni<CalendarJson.Merged> chinaSchedule(@PathParam("key") String key) {
        return admin.loadChinaSchedule(CurrentUser.of(identity), key).chain(this::merged);
    }

    @POST
    @Path("/{key}/ics")
    @Consumes({"text/calendar", MediaType.TEXT_PLAIN})
    public Uni<CalendarJson.Merged> ics(@PathParam("key") String key, String body) {
        return admin.importIcs(CurrentUser.of(identity), key, body).chain(this::merged);
    }

    @GET
    @Path("/{key}/due")
    public Uni<Map<String, String>> due(@PathParam("key") String key, @QueryParam("start") String start,
            @QueryParam("minutes") String minutes) {
        reader();
        Instant from = instant("start", start);
        long count = minutes("minutes", minutes);
        return calendars.get(key).map(c -> Map.of("due", compute(c, () -> c.plusWorkingMinutes(from, count))
                .toString()));
    }

    @GET
    @Path("/{key}/elapsed")
    public Uni<Map<String, Long>> elapsed(@PathParam("key") String key, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        reader();
        Instant a = instant("from", from);
        Instant b = instant("to", to);
        return calendars.get(key).map(c -> Map.of("minutes", c.workingMinutesBetween(a, b)));
    }

    private Uni<CalendarJson.Merged> merged(CalendarAdmin.Merge merge) {
        return calendars.get(merge.calendar().key()).map(c -> new CalendarJson.Merged(json(c), merge.holidays(),
                merge.makeUpDays()));
    }

    private CalendarJson json(BusinessCalendar c) {
        return CalendarJson.of(c, calendars.version(c.key()));
    }

    private static <T> T compute(BusinessCalendar c, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalStateException | ArithmeticException e) {
            throw InvalidInput.of("/minutes", Text.of("calendar.error.noWorkingTimeAhead", c.key()), "range");
        }
    }

    private void reader() {
        CurrentUser user = CurrentUser.of(identity);
        if (user.roles().stream().noneMatch(READERS::contains)) {
            throw new Forbidden(Text.of("problem.forbidden"));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of("/" + name, Text.of("calendar.error.param.required", name), "required");
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidInput.of("/" + name, Text.of("calendar.error.param.instant", name, value), "format");
            }
        }
    }

    static long minutes(String name, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of("/" + name, Text.of("calendar.error.param.required", name), "required");
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0 && n <= MAX_MINUTES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.of("/" + name, Text.of("calendar.error.param.minutes", name, MAX_MINUTES, value), "range");
    }
}
