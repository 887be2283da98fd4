package io.flowdesk.migration.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.migration.MigrationPlan;
import io.flowdesk.migration.MigrationPlan.FieldChoice;
import io.flowdesk.migration.MigrationPlan.StepChoice;
import io.flowdesk.migration.Migrations;
import io.flowdesk.shared.ui.Ui;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan editor (ADR 0047), opened from a template's versions: source and target version, the mapping of every
 * step (and its deadline), the new required fields, the preview (tickets per step, the ones that cannot move and
 * why) and, for admins, the run with its progress and failed tickets.
 */
public class MigrationDialog extends Dialog {

    private static final int ALL = 0;

    private final Migrations migrations;
    private final CurrentUser user;
    private final String key;
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Div planArea = new Div();
    private final Div previewArea = new Div();
    private final Div runArea = new Div();
    private final Map<String, StepChoice> stepChoices = new HashMap<>();
    private final Map<String, FieldChoice> fieldChoices = new HashMap<>();
    private final Button run = new Button();
    private Registration polling;

    public MigrationDialog(Migrations migrations, CurrentUser user, String key, List<Integer> versions) {
        this.migrations = migrations;
        this.user = user;
        this.key = key;
        setHeaderTitle(getTranslation("migration.ui.title", key));
        setWidth("min(1100px, 98vw)");
        List<Integer> sources = new ArrayList<>();
        sources.add(ALL);
        sources.addAll(versions);
        from.setItems(sources);
        from.setItemLabelGenerator(v -> v == ALL ? getTranslation("migration.ui.allOlder") : "v" + v);
        from.setLabel(getTranslation("migration.ui.from"));
        from.setValue(ALL);
        from.setId("migration-from");
        to.setItems(versions);
        to.setItemLabelGenerator(v -> "v" + v);
        to.setLabel(getTranslation("migration.ui.to"));
        to.setId("migration-to");
        if (!versions.isEmpty()) {
            to.setValue(versions.get(0));
        }
        Button build = new Button(getTranslation("migration.ui.build"), e -> {
            stepChoices.clear();
            fieldChoices.clear();
            showPlan();
        });
        build.setId("migration-build");
        Button preview = new Button(getTranslation("migration.ui.preview"), e -> showPreview());
        preview.setId("migration-preview");
        run.setText(getTranslation("migration.ui.run"));
        run.setId("migration-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        run.setEnabled(false);
        run.addClickListener(e -> startRun());
        HorizontalLayout bar = new HorizontalLayout(from, to, build, preview);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        planArea.setId("migration-plan");
        previewArea.setId("migration-preview-area");
        runArea.setId("migration-run-area");
        add(bar, planArea, previewArea, runArea);
        if (user.has(Role.ADMIN)) {
            getFooter().add(run);
        } else {
            getFooter().add(new Span(getTranslation("migration.ui.adminRuns")));
        }
        getFooter().add(new Button(getTranslation("designer.close"), e -> close()));
        addDetachListener(e -> stopPolling());
    }

    MigrationPlan.Request request() {
        List<Integer> sources = from.getValue() == null || from.getValue() == ALL ? List.of() : List.of(from
                .getValue());
        return new MigrationPlan.Request(key, sources, to.getValue(), new ArrayList<>(stepChoices.values()),
                new ArrayList<>(fieldChoices.values()));
    }

    private void showPlan() {
        MigrationPlan.Request request = request();
        java.util.Locale locale = Ui.locale();
        MigrationPlan.Plan plan;
        try {
            plan = Ui.await(() -> migrations.plan(user, request, locale));
        } catch (RuntimeException e) {
            Ui.attempt(() -> {
                throw e;
            });
            return;
        }
        planArea.removeAll();
        previewArea.removeAll();
        Grid<MigrationPlan.StepMapping> grid = new Grid<>();
        grid.setId("migration-steps");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(MigrationPlan.StepMapping::sourceName).setHeader(getTranslation("migration.ui.sourceStep"))
                .setFlexGrow(2);
        grid.addComponentColumn(m -> targetSelect(plan, m)).setHeader(getTranslation("migration.ui.targetStep"))
                .setFlexGrow(3);
        grid.addColumn(m -> getTranslation("migration.ui.match." + m.match()) + ("renamed".equals(m.change())
                || "moved".equals(m.change()) ? " · " + getTranslation("migration.ui.change." + m.change()) : ""))
                .setHeader(getTranslation(
                "migration.ui.match")).setAutoWidth(true);
        grid.addComponentColumn(this::deadlineSelect).setHeader(getTranslation("migration.ui.deadline"))
                .setFlexGrow(2);
        grid.setItems(plan.steps());
        grid.setAllRowsVisible(true);
        planArea.add(grid);
        if (!plan.fields().isEmpty()) {
            planArea.add(new H4(getTranslation("migration.ui.fields")));
            for (MigrationPlan.FieldFill f : plan.fields()) {
                planArea.add(fieldRow(f));
            }
        }
        planArea.add(new Div(new Span(getTranslation("migration.ui.kept", list(plan.keptFields())))),
                new Div(new Span(getTranslation("migration.ui.offForm", list(plan.offFormFields())))));
        run.setEnabled(false);
    }

    private String list(List<String> fields) {
        return fields.isEmpty() ? getTranslation("migration.ui.none") : String.join(", ", fields);
    }

    private Select<String> targetSelect(MigrationPlan.Plan plan, MigrationPlan.StepMapping m) {
        Select<String> select = new Select<>();
        List<String> ids = new ArrayList<>();
        ids.add("");
        Map<String, String> names = new HashMap<>();
        plan.targetSteps().forEach(s -> {
            ids.add(s.id());
            names.put(s.id(), s.name());
        });
        select.setItems(ids);
        select.setItemLabelGenerator(id -> id.isEmpty() ? getTranslation("migration.ui.noTarget") : names.get(id));
        select.setValue(m.target() == null ? "" : m.target());
        select.setWidthFull();
        select.setId("target-" + m.source());
        select.addValueChangeListener(e -> {
            StepChoice old = stepChoices.get(m.source());
            stepChoices.put(m.source(), new StepChoice(m.source(), e.getValue(), old == null ? m.deadline() : old
                    .deadline()));
            run.setEnabled(false);
        });
        return select;
    }

    private Select<String> deadlineSelect(MigrationPlan.StepMapping m) {
        Select<String> select = new Select<>();
        select.setItems(MigrationPlan.KEEP, MigrationPlan.RECOMPUTE);
        select.setItemLabelGenerator(d -> getTranslation("migration.ui.deadline." + d));
        select.setValue(m.deadline());
        select.setWidthFull();
        select.addValueChangeListener(e -> {
            StepChoice old = stepChoices.get(m.source());
            stepChoices.put(m.source(), new StepChoice(m.source(), old == null ? (m.target() == null ? "" : m.target())
                    : old.target(), e.getValue()));
            run.setEnabled(false);
        });
        return select;
    }

    private FlexLayout fieldRow(MigrationPlan.FieldFill f) {
        Select<String> fill = new Select<>();
        fill.setItems(MigrationPlan.DEFAULT, MigrationPlan.ASK);
        fill.setItemLabelGenerator(v -> getTranslation("migration.ui.fill." + v));
        fill.setValue(f.fill());
        fill.setLabel(f.label());
        TextField value = new TextField();
        value.setValue(f.value() == null ? "" : f.value().asText());
        value.setVisible(MigrationPlan.DEFAULT.equals(f.fill()));
        value.setId("fill-" + f.field());
        Runnable changed = () -> {
            JsonNode v = value.getValue().isBlank() ? null : TextNode.valueOf(value.getValue());
            fieldChoices.put(f.field(), new FieldChoice(f.field(), fill.getValue(), v));
            value.setVisible(MigrationPlan.DEFAULT.equals(fill.getValue()));
            run.setEnabled(false);
        };
        fill.addValueChangeListener(e -> changed.run());
        value.addValueChangeListener(e -> changed.run());
        FlexLayout row = new FlexLayout(fill, value);
        row.getStyle().set("gap", "var(--lumo-space-m)").set("align-items", "baseline").set("flex-wrap", "wrap");
        return row;
    }

    private void showPreview() {
        MigrationPlan.Request request = request();
        java.util.Locale locale = Ui.locale();
        MigrationPlan.Preview p;
        try {
            p = Ui.await(() -> migrations.preview(user, request, locale));
        } catch (RuntimeException e) {
            Ui.attempt(() -> {
                throw e;
            });
            return;
        }
        previewArea.removeAll();
        Span summary = new Span(getTranslation("migration.ui.summary", p.total(), p.movable(), p.total() - p
                .movable()));
        summary.setId("migration-summary");
        previewArea.add(new H4(getTranslation("migration.ui.counts")), summary);
        Grid<MigrationPlan.StepCount> counts = new Grid<>();
        counts.setId("migration-counts");
        counts.addThemeVariants(GridVariant.LUMO_COMPACT);
        counts.addColumn(MigrationPlan.StepCount::name).setHeader(getTranslation("migration.ui.sourceStep"));
        counts.addColumn(c -> getTranslation("migration.ui.tickets", c.tickets(), c.movable()));
        counts.setItems(p.counts().stream().filter(c -> c.tickets() > 0).toList());
        counts.setAllRowsVisible(true);
        previewArea.add(counts);
        if (!p.refusals().isEmpty()) {
            previewArea.add(new H4(getTranslation("migration.ui.refused")), refusals(p.refusals(), "migration-refusals"));
        }
        run.setEnabled(p.movable() > 0);
    }

    private Grid<MigrationPlan.Refusal> refusals(List<MigrationPlan.Refusal> list, String id) {
        Grid<MigrationPlan.Refusal> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(MigrationPlan.Refusal::number).setHeader(getTranslation("migration.ui.ticket")).setAutoWidth(
                true).setFlexGrow(0);
        grid.addColumn(MigrationPlan.Refusal::reason).setHeader(getTranslation("migration.ui.reason")).setFlexGrow(1);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void startRun() {
        MigrationPlan.Request request = request();
        java.util.Locale locale = Ui.locale();
        MigrationPlan.Run started;
        try {
            started = Ui.await(() -> migrations.start(user, request, locale));
        } catch (RuntimeException e) {
            Ui.attempt(() -> {
                throw e;
            });
            return;
        }
        run.setEnabled(false);
        showRun(started);
        UI ui = UI.getCurrent();
        ui.setPollInterval(500);
        polling = ui.addPollListener(e -> {
            MigrationPlan.Run now = Ui.await(() -> migrations.run(user, started.id(), locale));
            showRun(now);
            if ("DONE".equals(now.status())) {
                stopPolling();
                Ui.success(getTranslation("migration.ui.runDone", now.id(), now.moved(), now.failed()));
            }
        });
    }

    private void showRun(MigrationPlan.Run r) {
        runArea.removeAll();
        int done = r.moved() + r.failed();
        ProgressBar bar = new ProgressBar(0, Math.max(1, r.total()), done);
        Span text = new Span(getTranslation("migration.ui.progress", r.id(), done, r.total(), r.moved(), r.failed()));
        text.setId("migration-progress");
        runArea.add(text, bar);
        if (!r.failures().isEmpty()) {
            runArea.add(new H4(getTranslation("migration.ui.failed")), refusals(r.failures(), "migration-failed"));
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }
}
