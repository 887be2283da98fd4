package io.flowdesk.shared.rest;

import io.flowdesk.shared.Messages;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * A path under {@code /api/} that no resource serves answers 404 problem JSON, not the UI's HTML page (the Vaadin
 * servlet would otherwise take every path the REST layer passes on).
 */
@Singleton
@RegisterForReflection
public class ApiFallback {

    /** After the REST layer's routes (order 1500 in Quarkus 3.34), before the servlet's (ROUTE_ORDER_DEFAULT). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_DEFAULT / 2;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(context -> {
            Locale locale = RequestLocale.of(context);
            String body = io.flowdesk.shared.Json.write(new Problem("about:blank",
                    Messages.get(locale, "problem.title.notFound"), 404,
                    Messages.get(locale, "problem.http.notFound"), null, null));
            context.response().setStatusCode(404).putHeader("Content-Type", ProblemMapper.PROBLEM_JSON).end(body);
        });
    }
}
