package io.flowdesk.sla.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.sla.SlaPolicies;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Admins edit the ordered SLA policies: the list (first enabled match wins, the fallback last), reorder, create,
 * edit, delete. Changes stay on the page until saved; saving replaces the whole list through {@link SlaPolicies}
 * (validated, audited, one transaction), and open tickets are then recomputed in the background.
 */
@Route(value = "admin/sla", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class SlaPoliciesView extends VerticalLayout implements BeforeEnterObserver {

    private final SlaPolicies policies;
    private final Calendars calendars;
    private final TemplateService templates;
    private final Grid<Integer> grid = new Grid<>();
    private final Span unsaved = new Span();
    private final Span recompute = new Span();
    private final List<SlaPolicy> working = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private final java.util.Set<String> storedKeys = new java.util.HashSet<>();
    private Map<String, String> calendarNames = Map.of();
    private PolicyForm form;
    private CurrentUser user;
    private int selected = -1;

    public SlaPoliciesView(SlaPolicies policies, Calendars calendars, TemplateService templates) {
        this.policies = policies;
        this.calendars = calendars;
        this.templates = templates;
        addClassName("fd-sla-policies");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            Span refused = new Span(getTranslation("slaview.notAllowed"));
            refused.setId("sla-refused");
            add(refused);
            return;
        }
        boolean zh = UiSession.localeTag().startsWith("zh");
        Map<String, String> templateNames = new LinkedHashMap<>();
        for (PublishedTemplate t : Ui.await(templates::listLatest)) {
            templateNames.put(t.key(), zh ? t.nameZh() : t.nameEn());
        }
        calendarNames = new LinkedHashMap<>();
        for (BusinessCalendar c : Ui.await(calendars::list)) {
            calendarNames.put(c.key(), zh ? c.nameZh() : c.nameEn());
        }
        form = new PolicyForm(templateNames, calendarNames);
        Span intro = new Span(getTranslation("slaview.intro"));
        intro.addClassName("fd-hint");
        unsaved.setId("sla-unsaved");
        unsaved.addClassName("fd-sla-unsaved");
        unsaved.setText(getTranslation("slaview.unsaved"));
        recompute.setId("sla-recompute");
        recompute.addClassName("fd-hint");
        configureGrid();
        add(new H2(getTranslation("slaview.title")), intro, grid, toolbar(), unsaved, recompute, form, saveBar());
        reload();
    }

    private void configureGrid() {
        grid.setId("sla-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> i + 1).setHeader("#").setWidth("3em").setFlexGrow(0);
        grid.addColumn(i -> name(working.get(i))).setHeader(getTranslation("slaview.col.name")).setFlexGrow(2);
        grid.addColumn(i -> PolicySummary.conditions(working, i, this::getTranslation))
                .setHeader(getTranslation("slaview.col.conditions")).setFlexGrow(3);
        grid.addColumn(i -> calendarNames.getOrDefault(working.get(i).calendar(), working.get(i).calendar()))
                .setHeader(getTranslation("sla.field.calendar")).setFlexGrow(1);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(i -> {
            if (i != selected) {
                keepForm();
                select(i);
            }
        }));
    }

    private com.vaadin.flow.component.orderedlayout.FlexLayout toolbar() {
        Button create = button("sla-new", "slaview.new", VaadinIcon.PLUS, this::create);
        Button up = button("sla-up", "slaview.up", VaadinIcon.ARROW_UP, () -> move(-1));
        Button down = button("sla-down", "slaview.down", VaadinIcon.ARROW_DOWN, () -> move(1));
        Button delete = button("sla-delete", "slaview.delete", VaadinIcon.TRASH, this::delete);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return PolicyForm.row(create, up, down, delete);
    }

    private com.vaadin.flow.component.orderedlayout.FlexLayout saveBar() {
        Button save = button("sla-save", "slaview.save", VaadinIcon.CHECK, this::save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = button("sla-discard", "slaview.discard", VaadinIcon.ROTATE_LEFT, this::reload);
        return PolicyForm.row(save, discard);
    }

    private Button button(String id, String key, VaadinIcon icon, Runnable action) {
        Button b = new Button(getTranslation(key), icon.create(), e -> action.run());
        b.setId(id);
        return b;
    }

    private void reload() {
        working.clear();
        working.addAll(Ui.await(policies::list));
        stored.clear();
        working.forEach(p -> stored.add(io.flowdesk.shared.Json.write(p)));
        storedKeys.clear();
        working.forEach(p -> storedKeys.add(p.key()));
        refresh(working.isEmpty() ? -1 : 0);
        showRecompute(Ui.await(policies::recomputing));
    }

    private void refresh(int select) {
        grid.setItems(IntStream.range(0, working.size()).boxed().toList());
        select(select);
        List<String> now = working.stream().map(io.flowdesk.shared.Json::write).toList();
        unsaved.setVisible(!now.equals(stored));
    }

    private void select(int index) {
        selected = index;
        form.setVisible(index >= 0);
        if (index >= 0) {
            grid.select(index);
            form.show(working.get(index), !storedKeys.contains(working.get(index).key()));
        }
    }

    /** Takes what the form shows back into the working list. */
    private void keepForm() {
        if (selected >= 0 && selected < working.size()) {
            working.set(selected, form.value());
        }
    }

    private void create() {
        keepForm();
        String fallbackCalendar = calendarNames.containsKey(Calendars.DEFAULT_KEY) ? Calendars.DEFAULT_KEY
                : calendarNames.keySet().stream().findFirst().orElse(null);
        working.add(new SlaPolicy("", "", "", working.size() + 1, true, SlaPolicy.Conditions.ANY, fallbackCalendar,
                Map.of()));
        refresh(working.size() - 1);
    }

    private void move(int by) {
        int to = selected + by;
        if (selected < 0 || to < 0 || to >= working.size()) {
            return;
        }
        keepForm();
        working.add(to, working.remove(selected));
        refresh(to);
    }

    private void delete() {
        if (selected < 0) {
            return;
        }
        working.remove(selected);
        refresh(Math.min(selected, working.size() - 1));
    }

    private void save() {
        keepForm();
        try {
            Ui.await(() -> policies.replace(user, List.copyOf(working)));
        } catch (InvalidInput e) {
            showProblems(e);
            return;
        } catch (FlowDeskException e) {
            Ui.error(Ui.text(e.text()));
            return;
        }
        Ui.success(getTranslation("slaview.saved"));
        int keep = selected;
        reload();
        select(Math.min(Math.max(keep, 0), working.size() - 1));
        showRecompute(true); // just scheduled; the page says so even if a fast scanner is already done
        recompute.scrollIntoView();
    }

    /** Opens the first policy with a problem and marks its fields; what no field shows is named in a toast. */
    private void showProblems(InvalidInput e) {
        List<FieldError> errors = e.errors();
        int first = errors.stream().mapToInt(err -> PolicyForm.index(err.pointer().substring(1))).filter(i -> i >= 0)
                .findFirst().orElse(selected);
        if (first >= 0 && first < working.size() && first != selected) {
            select(first);
        }
        String prefix = "/" + first;
        List<FieldError> mine = errors.stream().filter(err -> err.pointer().equals(prefix)
                || err.pointer().startsWith(prefix + "/")).map(err -> FieldError.of(err.pointer().substring(
                        prefix.length()), err.text(), err.rule())).toList();
        List<FieldError> rest = form.showErrors(mine);
        String policyName = first >= 0 && first < working.size() ? name(working.get(first)) : "";
        Ui.error(rest.isEmpty() ? getTranslation("slaview.fix")
                : getTranslation("slaview.problemIn", policyName, Ui.text(rest.get(0).text())));
    }

    private void showRecompute(boolean running) {
        recompute.setText(getTranslation(running ? "slaview.recomputing" : "slaview.upToDate"));
    }

    private String name(SlaPolicy p) {
        String name = UiSession.localeTag().startsWith("zh") ? p.nameZh() : p.nameEn();
        return (name == null || name.isBlank() ? p.key() : name) + (p.enabled() ? ""
                : " (" + getTranslation("slaview.disabled") + ")");
    }
}
