package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.TaskView;
import java.util.List;

/** Transfers an open step to a department or a person, with a reason. */
class TransferDialog extends Dialog {

    TransferDialog(CurrentUser user, String locale, TaskView task, IdentityService identity,
            CollaborationService collaboration, Runnable done) {
        setHeaderTitle(getTranslation("ticket.transfer"));
        List<Department> departments = Ui.await(identity::departments);
        List<CurrentUser> workers = Ui.await(identity::workers);
        Select<String> department = new Select<>();
        department.setLabel(getTranslation("ticket.department"));
        department.setItems(departments.stream().map(Department::key).toList());
        // the empty item is labelled through the generator too (with null): a null label made Vaadin throw, so
        // clicking Transfer opened nothing
        department.setItemLabelGenerator(k -> k == null ? "" : departments.stream().filter(d -> d.key().equals(k))
                .findFirst().map(d -> d.name(locale)).orElse(k));
        department.setEmptySelectionAllowed(true);
        department.setId("transfer-department");
        Select<String> person = new Select<>();
        person.setLabel(getTranslation("ticket.person"));
        person.setItems(workers.stream().map(CurrentUser::username).toList());
        person.setItemLabelGenerator(u -> u == null ? "" : workers.stream().filter(w -> w.username().equals(u))
                .findFirst().map(w -> w.displayName() + " (" + u + ")").orElse(u));
        person.setEmptySelectionAllowed(true);
        person.setId("transfer-user");
        TextArea reason = new TextArea(getTranslation("ticket.reason"));
        reason.setId("transfer-reason");
        reason.setWidthFull();
        add(new VerticalLayout(department, person, reason));
        Button ok = new Button(getTranslation("ticket.transfer"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> collaboration.transfer(user, task.id(), department.getValue(),
                    person.getValue(), reason.getValue())))) {
                close();
                done.run();
            }
        });
        ok.setId("transfer-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), ok);
    }
}
