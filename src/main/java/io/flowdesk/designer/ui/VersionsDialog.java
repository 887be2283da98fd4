package io.flowdesk.designer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.TemplateArchive;
import io.flowdesk.templates.DiagramDiff;
import io.flowdesk.templates.TemplateDiff;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.TemplateVersions;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Versions of a template: status, who published, export, deprecate (admin) and a diff of any two. */
class VersionsDialog extends Dialog {

    private final TemplateVersions versions;
    private final CurrentUser user;
    private final String key;
    private final Grid<TemplateVersions.VersionInfo> grid = new Grid<>();
    private final Div diff = new Div();
    private final DiffDiagrams diagrams = new DiffDiagrams();

    VersionsDialog(TemplateVersions versions, CurrentUser user, String key) {
        this.versions = versions;
        this.user = user;
        this.key = key;
        setHeaderTitle(getTranslation("designer.versions.title", key));
        setWidth("min(1200px, 96vw)");
        grid.setId("versions-grid");
        grid.addColumn(TemplateVersions.VersionInfo::version).setHeader(getTranslation("designer.versions.version"))
                .setAutoWidth(true);
        grid.addColumn(v -> getTranslation("designer.status." + v.status()))
                .setHeader(getTranslation("designer.versions.status")).setAutoWidth(true);
        grid.addColumn(v -> v.publishedAt() == null ? "" : v.publishedAt().format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm"))).setHeader(getTranslation("designer.versions.published")).setAutoWidth(true);
        grid.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy())
                .setHeader(getTranslation("designer.versions.by")).setAutoWidth(true);
        grid.addColumn(v -> String.join(", ", v.forms().entrySet().stream().map(f -> f.getKey() + " v" + f.getValue())
                .toList())).setHeader(getTranslation("designer.versions.forms")).setFlexGrow(3);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        List<TemplateVersions.VersionInfo> list = Ui.await(() -> versions.list(key));
        grid.setItems(list);
        Select<Integer> from = new Select<>();
        Select<Integer> to = new Select<>();
        List<Integer> numbers = list.stream().map(TemplateVersions.VersionInfo::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        from.setLabel(getTranslation("designer.diff.from"));
        to.setLabel(getTranslation("designer.diff.to"));
        if (numbers.size() >= 2) {
            from.setValue(numbers.get(1));
            to.setValue(numbers.get(0));
        }
        Button compare = new Button(getTranslation("designer.diff.compare"), e -> {
            if (from.getValue() != null && to.getValue() != null) {
                int a = from.getValue();
                int b = to.getValue();
                TemplatePackage before = Ui.await(() -> versions.export(key, a));
                TemplatePackage after = Ui.await(() -> versions.export(key, b));
                diagrams.setVisible(true);
                diagrams.show(getTranslation("designer.diff.diagram.old", a), before.bpmnXml(),
                        getTranslation("designer.diff.diagram.new", b), after.bpmnXml(),
                        DiagramDiff.between(before, after));
                showDiff(TemplateDiff.between(before, after));
            }
        });
        compare.setId("diff-compare");
        Button migrate = new Button(getTranslation("migration.ui.open"), e -> new io.flowdesk.migration.ui.MigrationDialog(
                io.quarkus.arc.Arc.container().instance(io.flowdesk.migration.Migrations.class).get(), user, key,
                numbers.stream().filter(n -> n > 0).toList()).open());
        migrate.setId("versions-migrate");
        migrate.setEnabled(numbers.stream().filter(n -> n > 0).count() >= 2);
        HorizontalLayout diffBar = new HorizontalLayout(from, to, compare, migrate);
        diffBar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        diff.setId("diff");
        diff.addClassName("fd-diff");
        diagrams.setVisible(false);
        add(grid, diffBar, diagrams, diff);
        getFooter().add(new Button(getTranslation("designer.close"), e -> close()));
    }

    private HorizontalLayout actions(TemplateVersions.VersionInfo v) {
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] zip = TemplateArchive.write(Ui.await(() -> versions.export(key, v.version())));
            return new DownloadResponse(new ByteArrayInputStream(zip), key + "-v" + v.version() + ".zip",
                    "application/zip", zip.length);
        }), getTranslation("designer.export"));
        export.getElement().setAttribute("download", true);
        HorizontalLayout row = new HorizontalLayout(export);
        if (user.has(Role.ADMIN) && "published".equals(v.status())) {
            Button deprecate = new Button(getTranslation("designer.deprecate"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> versions.deprecate(user, key, v.version())))) {
                    grid.setItems(Ui.await(() -> versions.list(key)));
                }
            });
            deprecate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(deprecate);
        }
        return row;
    }

    private void showDiff(TemplateDiff result) {
        diff.removeAll();
        if (result.changes().isEmpty()) {
            diff.add(new Span(getTranslation("designer.diff.none")));
            return;
        }
        for (TemplateDiff.Change change : result.changes()) {
            diff.add(line(change));
        }
    }

    /** One change, in the UI's language (also used by the publish confirmation). */
    static Div line(TemplateDiff.Change change) {
        Div line = new Div();
        line.addClassName("fd-diff-" + change.change());
        String scope = change.scope() == null || change.scope().isEmpty() ? "" : change.scope() + " · ";
        line.add(new Span(Ui.text(io.flowdesk.shared.Text.of("designer.diff." + change.change())) + " "),
                new Span(Ui.text(io.flowdesk.shared.Text.of("designer.diff.kind." + change.kind())) + " " + scope
                        + change.id() + (change.label() == null || change.label().equals(change.id()) ? ""
                                : " (" + change.label() + ")")));
        if (!change.details().isEmpty()) {
            line.add(new Span(": " + String.join("; ", change.details())));
        }
        return line;
    }
}
