package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.InboxQuery;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What other features add to the inbox's title row (e.g. the export buttons of {@code io.flowdesk.reports.lists}),
 * without {@code tickets} knowing them: CDI beans, asked once when the inbox is built. {@code query} gives the
 * inbox's current view and filters (a saved view applied included) each time it is called.
 */
public interface InboxExtension {

    /** Components for the title row; empty when there is nothing for this user. Runs on a Vaadin thread. */
    List<Component> components(CurrentUser user, Locale locale, Supplier<InboxQuery> query);
}
