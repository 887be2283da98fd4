package io.flowdesk.macros.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.macros.MacroService;
import io.flowdesk.tickets.ui.TicketComposerExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Puts the macro picker next to the ticket view's reply box, for everyone on staff (customers never). */
@ApplicationScoped
public class MacroComposer implements TicketComposerExtension {

    @Inject
    MacroService macros;

    @Override
    public List<Component> components(Composer composer) {
        if (composer.user().isCustomer()) {
            return List.of();
        }
        return List.of(MacroPicker.of(macros, composer));
    }
}
