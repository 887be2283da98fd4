package io.flowdesk.reports.forecast.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.forecast.ForecastService;
import io.flowdesk.reports.forecast.VolumeForecast;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * The ticket volume forecast (ADR 0037) for supervisors and admins: {@code template} (empty: all templates),
 * {@code days} ahead from today (1..28, default 14).
 */
@Path("/api/reports/forecast")
@Authenticated
@Blocking
public class ForecastResource {

    @Inject
    ForecastService forecasts;

    @Inject
    SecurityIdentity identity;

    public record DayJson(LocalDate date, double expected, double low80, double high80, double low95, double high95,
            String dayType) {
    }

    public record ActualJson(LocalDate date, long actual, String dayType) {
    }

    public record HoldoutJson(Double mape, double mae, int days) {
    }

    public record ParamsJson(double alpha, double beta, double gamma, double sigma, double holidayRatio) {
    }

    /** {@code message} is set (in the reader's language) instead of a forecast when the history is too short. */
    public record ForecastJson(String template, String method, String calendar, LocalDate today, int days,
            List<ActualJson> history, List<DayJson> forecast, ParamsJson params, HoldoutJson holdout,
            String message) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ForecastJson forecast(@QueryParam("template") String template, @QueryParam("days") String days,
            @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        VolumeForecast f = forecasts.forecast(user, template, ForecastService.days(days));
        var p = f.params();
        var h = f.holdout();
        return new ForecastJson(f.template(), f.method(), f.calendar(), f.today(), f.days(),
                f.history().stream().map(a -> new ActualJson(a.date(), a.actual(), a.dayType().json())).toList(),
                f.forecast().stream().map(d -> new DayJson(d.date(), d.expected(), d.low80(), d.high80(), d.low95(),
                        d.high95(), d.dayType().json())).toList(),
                p == null ? null : new ParamsJson(p.alpha(), p.beta(), p.gamma(), Math.round(p.sigma() * 100) / 100.0,
                        Math.round(p.holidayRatio() * 1000) / 1000.0),
                h == null ? null : new HoldoutJson(h.mape(), h.mae(), h.days()),
                f.message() == null ? null : f.message().in(RequestLocale.of(context)));
    }
}
