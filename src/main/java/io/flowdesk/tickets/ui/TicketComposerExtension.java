package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.identity.CurrentUser;
import java.util.List;
import java.util.Locale;

/**
 * What other features add next to the ticket view's reply and note composer (e.g. the macro picker of
 * {@code io.flowdesk.macros.ui}), without {@code tickets} knowing them: CDI beans, asked each time the view renders.
 * The ticket is one the user may see; an extension decides itself what the user may do.
 */
public interface TicketComposerExtension {

    /** Components shown above the composer; empty when there is nothing to offer. Runs on a Vaadin thread. */
    List<Component> components(Composer composer);

    /** The composer as an extension sees it; {@code refresh} re-renders the ticket view after a change. */
    record Composer(String number, CurrentUser user, Locale locale, Runnable refresh) {
    }
}
