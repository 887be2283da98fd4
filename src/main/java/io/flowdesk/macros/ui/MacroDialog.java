package io.flowdesk.macros.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.Role;
import io.flowdesk.macros.Macro;
import io.flowdesk.macros.MacroService;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates or edits one macro: names and replies in both languages, who it is shared with (personal; a supervisor's
 * department; everyone for admins), internal or public, and its actions. Errors from the server go to their fields.
 */
class MacroDialog extends Dialog {

    private static final List<String> STATUSES = List.of("OPEN", "IN_PROGRESS", "WAITING_CUSTOMER",
            "WAITING_THIRD_PARTY", "RESOLVED");
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "raise");
    private static final List<String> TYPES = List.of("status", "priority", "addTag", "removeTag", "transfer",
            "transferUser");

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Div actionRows = new Div();
    private final List<ActionRow> rows = new ArrayList<>();
    private final List<Department> departments;
    private final List<CurrentUser> workers;
    private final String tag;

    MacroDialog(MacroService macros, CurrentUser user, Macro existing, List<Department> departments,
            List<CurrentUser> workers, Runnable saved) {
        this.departments = departments;
        this.workers = workers;
        this.tag = Ui.locale().getLanguage().equals("zh") ? "zh-CN" : "en";
        setHeaderTitle(Ui.text(Text.of(existing == null ? "macros.view.new" : "macros.view.edit")));
        setId("macro-dialog");
        setWidth("min(44rem, 96vw)");
        TextField nameZh = field("nameZh", existing == null ? null : existing.nameZh());
        TextField nameEn = field("nameEn", existing == null ? null : existing.nameEn());
        Select<String> scope = new Select<>();
        scope.setLabel(label("scope"));
        scope.setId("macro-scope");
        List<String> scopes = new ArrayList<>(List.of(Macro.PERSONAL));
        if (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) {
            scopes.add(Macro.DEPARTMENT);
        }
        if (user.has(Role.ADMIN)) {
            scopes.add(Macro.GLOBAL);
        }
        scope.setItems(scopes);
        scope.setItemLabelGenerator(s -> s == null ? "" : Ui.text(Text.of("macros.scope." + s)));
        scope.setValue(existing == null ? Macro.PERSONAL : existing.scope());
        fields.put("/scope", scope);
        Select<String> department = new Select<>();
        department.setLabel(label("department"));
        department.setId("macro-department");
        List<String> mine = departments.stream().map(Department::key).filter(k -> user.has(Role.ADMIN)
                || user.inDepartment(k)).toList();
        department.setItems(mine);
        department.setItemLabelGenerator(this::departmentName);
        if (existing != null && existing.department() != null) {
            department.setValue(existing.department());
        }
        department.setVisible(Macro.DEPARTMENT.equals(scope.getValue()));
        scope.addValueChangeListener(e -> department.setVisible(Macro.DEPARTMENT.equals(e.getValue())));
        fields.put("/department", department);
        TextArea replyZh = area("replyZh", existing == null ? null : existing.replyZh());
        TextArea replyEn = area("replyEn", existing == null ? null : existing.replyEn());
        Checkbox internal = new Checkbox(label("internal"), existing != null && existing.internal());
        internal.setId("macro-internal");
        Span placeholders = new Span(Ui.text(Text.of("macros.view.placeholders")) + ": " + MacrosView.PLACEHOLDERS);
        placeholders.addClassName("fd-hint");
        Span actionsTitle = new Span(label("actions"));
        actionsTitle.addClassName("fd-macro-title");
        actionRows.setId("macro-actions");
        if (existing != null) {
            existing.actions().forEach(this::addRow);
        }
        Button addAction = new Button(Ui.text(Text.of("macros.view.addAction")), e -> addRow(null));
        addAction.setId("macro-add-action");
        addAction.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout names = new HorizontalLayout(nameZh, nameEn);
        names.setWidthFull();
        names.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout sharing = new HorizontalLayout(scope, department);
        sharing.getStyle().set("flex-wrap", "wrap");
        VerticalLayout form = new VerticalLayout(names, sharing, replyZh, replyEn, placeholders, internal,
                actionsTitle, actionRows, addAction);
        form.setPadding(false);
        add(form);

        Button save = new Button(Ui.text(Text.of("macros.view.save")), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            rows.forEach(ActionRow::clear);
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("nameZh", nameZh.getValue()).put("nameEn", nameEn.getValue()).put("scope", scope.getValue())
                    .put("replyZh", replyZh.getValue()).put("replyEn", replyEn.getValue())
                    .put("internal", internal.getValue());
            if (Macro.DEPARTMENT.equals(scope.getValue())) {
                body.put("department", department.getValue());
            }
            ArrayNode actions = body.putArray("actions");
            rows.forEach(r -> actions.add(r.json()));
            if (existing != null) {
                body.put("version", existing.version());
            }
            try {
                Ui.await(() -> existing == null ? macros.create(user, body) : macros.update(user, existing.key(),
                        body));
                Ui.success(Ui.text(Text.of("macros.view.saved")));
                close();
                saved.run();
            } catch (InvalidInput invalid) {
                for (FieldError error : invalid.errors()) {
                    show(error);
                }
                Ui.error(Ui.message(invalid));
            } catch (FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        save.setId("macro-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Ui.text(Text.of("macros.view.cancel")), e -> close()), save);
    }

    private void show(FieldError error) {
        String message = error.message(Ui.locale());
        HasValidation field = fields.get(error.pointer());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            return;
        }
        if (error.pointer().startsWith("/actions/")) {
            String[] parts = error.pointer().split("/");
            int i = Integer.parseInt(parts[2]);
            if (i < rows.size()) {
                rows.get(i).error(message);
            }
        }
    }

    private TextField field(String name, String value) {
        TextField f = new TextField(label(name));
        f.setId("macro-" + name);
        f.setValue(value == null ? "" : value);
        f.setMinWidth("12rem");
        f.getStyle().set("flex", "1");
        fields.put("/" + name, f);
        return f;
    }

    private TextArea area(String name, String value) {
        TextArea a = new TextArea(label(name));
        a.setId("macro-" + name);
        a.setValue(value == null ? "" : value);
        a.setWidthFull();
        fields.put("/" + name, a);
        return a;
    }

    private static String label(String name) {
        return Ui.text(Text.of("macros.label." + name));
    }

    private String departmentName(String key) {
        return key == null ? "" : departments.stream().filter(d -> d.key().equals(key)).findFirst()
                .map(d -> d.name(tag)).orElse(key);
    }

    private void addRow(Macro.Action action) {
        ActionRow row = new ActionRow(action);
        rows.add(row);
        actionRows.add(row);
    }

    /** One action: its type and, by type, a status, a priority, a tag, a department or a colleague. */
    private final class ActionRow extends HorizontalLayout {

        private final Select<String> type = new Select<>();
        private final Select<String> choice = new Select<>();
        private final TextField text = new TextField();
        private final Span error = new Span();

        ActionRow(Macro.Action action) {
            addClassName("fd-macro-action");
            setAlignItems(FlexComponent.Alignment.BASELINE);
            getStyle().set("flex-wrap", "wrap");
            type.setItems(TYPES);
            type.setItemLabelGenerator(t -> t == null ? "" : Ui.text(Text.of("macros.action." + t)));
            type.setAriaLabel(label("type"));
            type.addClassName("fd-macro-action-type");
            choice.setAriaLabel(label("value"));
            text.setAriaLabel(label("tag"));
            error.addClassName("fd-error");
            type.addValueChangeListener(e -> fit(e.getValue(), null));
            Button remove = new Button(Ui.text(Text.of("macros.view.remove")), e -> {
                rows.remove(this);
                actionRows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(type, choice, text, remove, error);
            String t = action == null ? "status" : action.type().equals("transfer") && action.user() != null
                    ? "transferUser" : action.type();
            type.setValue(t);
            fit(t, action == null ? null : action.user() != null ? action.user() : action.department() != null
                    ? action.department() : action.value());
        }

        private void fit(String t, String value) {
            boolean tagged = "addTag".equals(t) || "removeTag".equals(t);
            text.setVisible(tagged);
            choice.setVisible(!tagged);
            if (tagged) {
                text.setValue(value == null ? "" : value);
                return;
            }
            switch (t == null ? "" : t) {
                case "status" -> {
                    choice.setItems(STATUSES);
                    choice.setItemLabelGenerator(s -> s == null ? "" : Ui.text(Text.of("status." + s)));
                }
                case "priority" -> {
                    choice.setItems(PRIORITIES);
                    choice.setItemLabelGenerator(p -> p == null ? "" : p.equals("raise")
                            ? Ui.text(Text.of("macros.priority.raise")) : p);
                }
                case "transfer" -> {
                    choice.setItems(departments.stream().map(Department::key).toList());
                    choice.setItemLabelGenerator(MacroDialog.this::departmentName);
                }
                case "transferUser" -> {
                    choice.setItems(workers.stream().map(CurrentUser::username).toList());
                    choice.setItemLabelGenerator(u -> u == null ? "" : workers.stream().filter(w -> w.username()
                            .equals(u)).findFirst().map(w -> w.displayName() + " (" + u + ")").orElse(u));
                }
                default -> choice.setItems(List.of());
            }
            if (value != null) {
                choice.setValue(value);
            }
        }

        ObjectNode json() {
            String t = type.getValue();
            ObjectNode a = Json.MAPPER.createObjectNode();
            if ("transferUser".equals(t)) {
                return a.put("type", "transfer").put("user", choice.getValue());
            }
            a.put("type", t);
            if ("transfer".equals(t)) {
                return a.put("department", choice.getValue());
            }
            return a.put("value", text.isVisible() ? text.getValue() : choice.getValue());
        }

        void error(String message) {
            error.setText(message);
        }

        void clear() {
            error.setText("");
        }
    }
}
