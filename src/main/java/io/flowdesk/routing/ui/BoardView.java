package io.flowdesk.routing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.routing.RoutingService;
import io.flowdesk.routing.RoutingService.BoardRow;
import io.flowdesk.routing.RoutingService.SkillLevel;
import io.flowdesk.routing.RoutingService.SkillName;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The availability board for supervisors: each agent's status, load against capacity, shift and skills, per
 * department. Admins edit skills, capacity and shift calendar from the same cards.
 */
@Route(value = "routing/board", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class BoardView extends VerticalLayout implements BeforeEnterObserver {

    private final RoutingService routing;
    private final CurrentUser user;
    private final boolean zh;
    private final Select<String> department = new Select<>();
    private final Div cards = new Div();
    private List<SkillName> catalogue = List.of();

    @Inject
    public BoardView(RoutingService routing, IdentityService identity) {
        this.routing = routing;
        this.user = UiSession.user().orElseThrow();
        this.zh = UiSession.localeTag().equals("zh-CN");
        addClassName("fd-board");
        setId("routing-board");
        if (!RoutingShell.supervises(user)) {
            return;
        }
        catalogue = Ui.await(routing::catalogue);
        H2 title = new H2(t("routing.board.title"));
        title.addClassName("fd-page-title");
        List<Department> all = Ui.await(identity::departments);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("", t("routing.board.allDepartments"));
        all.stream().filter(d -> user.has(Role.ADMIN) || user.inDepartment(d.key()))
                .forEach(d -> names.put(d.key(), zh ? d.nameZh() : d.nameEn()));
        department.setId("board-department");
        department.setLabel(t("routing.board.department"));
        department.setItems(names.keySet());
        department.setItemLabelGenerator(names::get);
        department.setValue(user.inDepartment("customer-service") || user.has(Role.ADMIN) && names.containsKey(
                "customer-service") ? "customer-service" : "");
        department.addValueChangeListener(e -> refresh());
        cards.addClassName("fd-board-cards");
        cards.setId("board-cards");
        add(title, department, cards);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoutingShell.supervises(user)) {
            event.forwardTo("");
        }
    }

    private String t(String key, Object... args) {
        return Ui.text(Text.of(key, args));
    }

    private void refresh() {
        cards.removeAll();
        String key = department.getValue();
        List<BoardRow> rows = Ui.await(() -> routing.board(user, key == null || key.isEmpty() ? null : key));
        if (rows.isEmpty()) {
            cards.add(new Span(t("routing.board.empty")));
        }
        rows.forEach(row -> cards.add(card(row)));
    }

    private Div card(BoardRow row) {
        Div card = new Div();
        card.addClassName("fd-agent-card");
        card.setId("agent-" + row.username());
        Span name = new Span(row.displayName());
        name.addClassName("fd-agent-name");
        Span status = new Span(t("routing.status." + row.status()));
        status.addClassName("fd-status-badge");
        status.addClassName("fd-status-" + row.status());
        Div head = new Div(name, status);
        head.addClassName("fd-agent-head");

        double share = row.capacity() == 0 ? 1 : Math.min(1, (double) row.load() / row.capacity());
        ProgressBar bar = new ProgressBar(0, 1, share);
        bar.addClassName("fd-load-bar");
        if (row.load() >= row.capacity()) {
            bar.addClassName("fd-load-full");
            bar.addThemeVariants(com.vaadin.flow.component.progressbar.ProgressBarVariant.LUMO_ERROR);
        }
        Span load = new Span(t("routing.board.load") + ": " + row.load() + " / " + row.capacity());
        load.addClassName("fd-agent-load");
        Span shift = new Span(t("routing.board.shift") + ": " + (row.onShift() ? t("routing.board.onShift")
                : t("routing.board.offShift")) + (row.calendar() == null ? "" : " (" + row.calendar() + ")"));
        shift.addClassName("fd-agent-shift");
        Div skills = new Div();
        skills.addClassName("fd-agent-skills");
        row.skills().forEach(s -> {
            Span chip = new Span((zh ? s.nameZh() : s.nameEn()) + " " + s.level());
            chip.addClassName("fd-skill-chip");
            skills.add(chip);
        });
        card.add(head, bar, load, shift, skills);
        if (user.has(Role.ADMIN)) {
            Button edit = new Button(t("routing.board.edit"), e -> edit(row));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-" + row.username());
            card.add(edit);
        }
        return card;
    }

    /** Admins: capacity, calendar and one level per catalogue skill (0 = none). */
    private void edit(BoardRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("edit-agent");
        dialog.setHeaderTitle(t("routing.edit.title", row.displayName()));
        IntegerField capacity = new IntegerField(t("routing.edit.capacity"));
        capacity.setId("edit-capacity");
        capacity.setValue(row.capacity());
        capacity.setMin(0);
        capacity.setMax(1000);
        capacity.setStepButtonsVisible(true);
        TextField calendar = new TextField(t("routing.edit.calendar"));
        calendar.setId("edit-calendar");
        calendar.setValue(row.calendar() == null ? "" : row.calendar());
        FormLayout form = new FormLayout(capacity, calendar);
        Map<String, IntegerField> levels = new LinkedHashMap<>();
        for (SkillName skill : catalogue) {
            IntegerField level = new IntegerField((zh ? skill.nameZh() : skill.nameEn()) + " · "
                    + t("routing.edit.level"));
            level.setId("edit-skill-" + skill.key());
            level.setMin(0);
            level.setMax(5);
            level.setStepButtonsVisible(true);
            level.setValue(row.skills().stream().filter(s -> s.key().equals(skill.key())).map(s -> s.level())
                    .findFirst().orElse(0));
            levels.put(skill.key(), level);
            form.add(level);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        dialog.add(form);
        Button save = new Button(t("routing.edit.save"), e -> {
            List<SkillLevel> skills = new ArrayList<>();
            levels.forEach((key, field) -> {
                if (field.getValue() != null && field.getValue() != 0) {
                    skills.add(new SkillLevel(key, field.getValue()));
                }
            });
            try {
                Ui.await(() -> routing.setCapacity(user, row.username(), capacity.getValue(), calendar.getValue()));
                Ui.await(() -> routing.setSkills(user, row.username(), skills));
                dialog.close();
                Ui.success(t("routing.board.saved"));
                refresh();
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(t("routing.edit.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
