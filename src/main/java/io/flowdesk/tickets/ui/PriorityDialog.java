package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.Priority;

/** Changes a ticket's priority, with a reason. */
class PriorityDialog extends Dialog {

    PriorityDialog(CurrentUser user, String number, String current, CollaborationService collaboration,
            Runnable done) {
        setHeaderTitle(getTranslation("ticket.changePriority"));
        Select<String> priority = new Select<>();
        priority.setLabel(getTranslation("home.col.priority"));
        priority.setItems(Priority.ALL);
        priority.setValue(current);
        priority.setId("priority-select");
        TextArea reason = new TextArea(getTranslation("ticket.reason"));
        reason.setId("priority-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        add(new VerticalLayout(priority, reason));
        Button ok = new Button(getTranslation("common.save"), e -> {
            reason.setInvalid(false);
            priority.setInvalid(false);
            try {
                Ui.await(() -> collaboration.changePriority(user, number, priority.getValue(), reason.getValue()));
                close();
                done.run();
            } catch (io.flowdesk.shared.InvalidInput invalid) {
                // field errors next to their fields, gone with the next try (no toast that outlives the fix)
                for (io.flowdesk.shared.FieldError error : invalid.errors()) {
                    String message = error.message(Ui.locale());
                    if ("/reason".equals(error.pointer())) {
                        reason.setErrorMessage(message);
                        reason.setInvalid(true);
                    } else {
                        priority.setErrorMessage(message);
                        priority.setInvalid(true);
                    }
                }
            } catch (io.flowdesk.shared.FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        ok.setId("priority-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), ok);
    }
}
