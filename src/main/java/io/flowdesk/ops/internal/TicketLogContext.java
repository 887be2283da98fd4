package io.flowdesk.ops.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.MDC;

/**
 * Puts the ticket number of a request ({@code /api/tickets/{number}/...}) into the log context as {@code ticket},
 * so every log line written for that request names it (the console format prints {@code %X{ticket}}; the JSON
 * format carries it as an MDC field). Quarkus keeps the MDC with the request's Vert.x context across threads.
 */
@Provider
public class TicketLogContext implements ContainerRequestFilter, ContainerResponseFilter {

    static final String KEY = "ticket";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> number = request.getUriInfo().getPathParameters().get("number");
        if (number != null && !number.isEmpty()) {
            MDC.put(KEY, number.get(0));
        } else {
            MDC.remove(KEY);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.remove(KEY);
    }
}
