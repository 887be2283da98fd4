package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.identity.CurrentUser;
import java.util.List;
import java.util.Locale;

/**
 * What other features add to a ticket's header (e.g. the SLA chips of {@code io.flowdesk.sla.ui}), without
 * {@code tickets} knowing them: CDI beans, asked in {@link #order()} order each time the ticket view renders. The
 * ticket is one the user may see; an extension decides itself what the user's role may read.
 */
public interface TicketHeaderExtension {

    /** Components for the header row; empty when there is nothing to show. Runs on a Vaadin (worker) thread. */
    List<Component> components(Header ticket);

    /** Lower first. */
    default int order() {
        return 100;
    }

    /** The ticket as the header sees it. */
    record Header(long ticketId, String number, String status, CurrentUser user, Locale locale) {
    }
}
