package io.flowdesk.designer.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.DiagramOutline;
import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplateDrafts;
import io.flowdesk.templates.TemplateVersions;
import io.flowdesk.tickets.TicketService;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process designer: bpmn-js canvas, property panel and live lint. Every change is saved as the draft and
 * linted by the same publish gate the server runs; clicking a problem selects its element.
 */
@Route(value = "design/process/:key", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class ProcessDesignerView extends VerticalLayout implements BeforeEnterObserver, PropertyPanel.Context {

    private final TemplateDrafts drafts;
    private final TemplateVersions versions;
    private final TicketService tickets;
    private final FormService formService;
    private final FormDrafts formDrafts;
    private final IdentityService identity;
    private final BpmnCanvas canvas = new BpmnCanvas(Ui.locale());
    private final PropertyPanel properties = new PropertyPanel(this);
    private final Div lint = new Div();
    private final Span lintTitle = new Span();
    private final Span saved = new Span();
    private final H3 title = new H3();
    private final Map<String, JsonNode> schemas = new HashMap<>();
    private CurrentUser user;
    private String key;
    private ObjectNode metadata;
    private String xml;
    private DiagramOutline outline = DiagramOutline.read("");
    private List<Department> departments;
    private List<FormDrafts.Summary> forms;
    private String selected;

    @Inject
    public ProcessDesignerView(TemplateDrafts drafts, TemplateVersions versions, TicketService tickets,
            FormService formService, FormDrafts formDrafts, IdentityService identity) {
        this.drafts = drafts;
        this.versions = versions;
        this.tickets = tickets;
        this.formService = formService;
        this.formDrafts = formDrafts;
        this.identity = identity;
        addClassName("fd-designer");
        setSizeFull();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        if (!DesignerAccess.check(user, this, getTranslation("designer.notAllowed"))) {
            return;
        }
        key = event.getRouteParameters().get("key").orElse("");
        try {
            TemplateDrafts.Draft draft = Ui.await(() -> drafts.draft(key));
            metadata = (ObjectNode) draft.metadata();
            xml = draft.bpmnXml();
        } catch (FlowDeskException e) {
            removeAll();
            add(new Span(e.getMessage()));
            return;
        }
        departments = Ui.await(identity::departments);
        forms = Ui.await(formDrafts::list);
        build();
        reload(xml);
        canvas.importXml(xml);
        refreshLint();
    }

    private void build() {
        removeAll();
        title.setText(metadata.path("name").path(zh() ? "zh-CN" : "en").asText(key) + " · " + key);
        Button undo = tool(VaadinIcon.ARROW_BACKWARD, "designer.undo", () -> canvas.command("undo", null));
        Button redo = tool(VaadinIcon.ARROW_FORWARD, "designer.redo", () -> canvas.command("redo", null));
        Button zoomIn = tool(VaadinIcon.PLUS_CIRCLE_O, "designer.zoomIn", () -> canvas.command("zoom", "in"));
        Button zoomOut = tool(VaadinIcon.MINUS_CIRCLE_O, "designer.zoomOut", () -> canvas.command("zoom", "out"));
        Button fit = tool(VaadinIcon.EXPAND_SQUARE, "designer.fit", () -> canvas.command("zoom", "fit"));
        Button minimap = tool(VaadinIcon.MAP_MARKER, "designer.minimap", () -> canvas.command("toggleMinimap", null));
        Button save = new Button(getTranslation("designer.save"), VaadinIcon.CHECK.create(), e -> canvas.flush());
        save.setId("designer-save");
        Button tryIt = new Button(getTranslation("designer.try"), VaadinIcon.PLAY.create(), e -> tryIt());
        tryIt.setId("designer-try");
        Button publish = new Button(getTranslation("designer.publish"), VaadinIcon.UPLOAD.create(), e -> publish());
        publish.setId("designer-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!user.has(Role.ADMIN)) {
            publish.setEnabled(false);
            publish.setTooltipText(getTranslation("designer.publish.adminOnly"));
        }
        Button history = new Button(getTranslation("designer.versions"), VaadinIcon.TIME_BACKWARD.create(),
                e -> new VersionsDialog(versions, user, key).open());
        history.setId("designer-versions");
        saved.setId("designer-saved");
        saved.addClassName("fd-muted");
        HorizontalLayout bar = new HorizontalLayout(title, undo, redo, zoomIn, zoomOut, fit, minimap, saved, save,
                history, tryIt, publish);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(saved);
        bar.setWidthFull();
        bar.addClassName("fd-designer-bar");
        canvas.onChange(this::changed);
        canvas.onSelect(id -> {
            selected = id == null || id.isEmpty() ? null : id;
            properties.show(selected);
        });
        SplitLayout split = new SplitLayout(canvas, properties);
        split.setSplitterPosition(74);
        split.setSizeFull();
        lint.setId("lint");
        lint.addClassName("fd-lint");
        lintTitle.setId("lint-title");
        VerticalLayout lintBox = new VerticalLayout(lintTitle, lint);
        lintBox.addClassName("fd-lint-box");
        lintBox.setPadding(true);
        lintBox.setSpacing(false);
        add(bar, split, lintBox);
        expand(split);
        properties.show(null);
    }

    private Button tool(VaadinIcon icon, String tooltip, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setTooltipText(getTranslation(tooltip));
        button.setAriaLabel(getTranslation(tooltip));
        return button;
    }

    private void changed(String newXml) {
        if (newXml == null || newXml.equals(xml)) {
            return;
        }
        if (Ui.attempt(() -> Ui.await(() -> drafts.save(user, key, metadata, newXml)))) {
            Object before = selected == null ? null : outline.nodes().containsKey(selected)
                    ? outline.nodes().get(selected) : outline.flows().get(selected);
            List<DiagramOutline.Flow> flowsBefore = selected == null ? List.of() : outline.outgoing(selected);
            reload(newXml);
            if (selected != null && (before == null || gatewayChanged(before, flowsBefore))) {
                // a just-created element, or a gateway whose flows, conditions or default changed
                properties.show(selected);
            }
            saved.setText(getTranslation("designer.saved", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
            refreshLint();
        }
    }

    private boolean gatewayChanged(Object before, List<DiagramOutline.Flow> flowsBefore) {
        if (!(before instanceof DiagramOutline.Node node) || !"exclusiveGateway".equals(node.type())) {
            return false;
        }
        DiagramOutline.Node now = outline.nodes().get(node.id());
        return now == null || !java.util.Objects.equals(now.defaultFlow(), node.defaultFlow())
                || !outline.outgoing(node.id()).equals(flowsBefore);
    }

    private void reload(String newXml) {
        xml = newXml;
        outline = DiagramOutline.read(newXml);
    }

    private void refreshLint() {
        TemplateDrafts.Draft current = new TemplateDrafts.Draft(key, metadata, xml, 0, true);
        List<FieldError> problems = Ui.await(() -> drafts.lint(current));
        showProblems(problems);
    }

    private void showProblems(List<FieldError> problems) {
        lint.removeAll();
        lintTitle.setText(problems.isEmpty() ? getTranslation("designer.lint.none")
                : getTranslation("designer.lint.count", problems.size()));
        lintTitle.getElement().setAttribute("data-count", String.valueOf(problems.size()));
        int index = 0;
        for (FieldError problem : problems) {
            DiagramOutline.Node node = outline.nodes().get(problem.pointer());
            DiagramOutline.Flow flow = outline.flows().get(problem.pointer());
            String where = node != null ? node.label() : flow != null ? flow.id() : problem.pointer();
            Div item = new Div(new Span(where), new Span(" · " + ruleName(problem.rule()) + ": "),
                    new Span(Ui.text(problem.text())));
            item.addClassName("fd-lint-item");
            item.setId("lint-" + index++);
            item.getElement().setAttribute("data-element", problem.pointer() == null ? "" : problem.pointer());
            item.getElement().setAttribute("data-rule", problem.rule() == null ? "" : problem.rule());
            if (node != null || flow != null) {
                item.addClickListener(e -> {
                    canvas.select(problem.pointer());
                    selected = problem.pointer();
                    properties.show(selected);
                });
                item.addClassName("fd-clickable");
            }
            lint.add(item);
        }
        canvas.setProblems(problems.stream().map(FieldError::pointer)
                .filter(p -> p != null && (outline.nodes().containsKey(p) || outline.flows().containsKey(p))).toList());
    }

    private String ruleName(String rule) {
        String translation = getTranslation("lint." + rule);
        return translation.startsWith("!") || translation.startsWith("lint.") ? String.valueOf(rule) : translation;
    }

    /** Publishing asks first: what changes against the newest version, and how many tickets stay on it. */
    private void publish() {
        canvas.flush();
        TemplateVersions.PublishPreview preview;
        io.flowdesk.templates.TemplatePackage draft;
        io.flowdesk.templates.TemplatePackage previous = null;
        try {
            draft = Ui.await(() -> drafts.packageOf(key));
            preview = Ui.await(() -> versions.preview(key, draft));
            if (preview.previousVersion() != null) {
                int version = preview.previousVersion();
                previous = Ui.await(() -> versions.export(key, version));
            }
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setId("publish-confirm-dialog");
        confirm.setHeaderTitle(getTranslation("designer.publish.confirm.title"));
        confirm.setWidth(previous == null ? "min(720px, 96vw)" : "min(1100px, 96vw)");
        Div summary = new Div();
        summary.setId("publish-summary");
        summary.addClassName("fd-diff");
        if (preview.previousVersion() == null) {
            summary.add(new Span(getTranslation("designer.publish.confirm.first")));
        } else {
            summary.add(new Div(new Span(getTranslation("designer.publish.confirm.against",
                    preview.previousVersion(), preview.diff().changes().size()))));
            DiffDiagrams diagrams = new DiffDiagrams();
            summary.add(diagrams);
            diagrams.show(getTranslation("designer.diff.diagram.old", preview.previousVersion()), previous.bpmnXml(),
                    getTranslation("designer.diff.diagram.draft"), draft.bpmnXml(),
                    io.flowdesk.templates.DiagramDiff.between(previous, draft));
            preview.diff().changes().forEach(change -> summary.add(VersionsDialog.line(change)));
            Span running = new Span(getTranslation("designer.publish.confirm.running", preview.runningOnPrevious(),
                    preview.previousVersion()));
            running.setId("publish-running");
            running.getElement().setAttribute("data-count", String.valueOf(preview.runningOnPrevious()));
            summary.add(new Div(running));
        }
        confirm.add(summary);
        Button yes = new Button(getTranslation("designer.publish.confirm.yes"), e -> {
            confirm.close();
            doPublish();
        });
        yes.setId("publish-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(getTranslation("designer.cancel"), e -> confirm.close());
        no.setId("publish-cancel");
        confirm.getFooter().add(no, yes);
        confirm.open();
    }

    private void doPublish() {
        try {
            ImportResult result = Ui.await(() -> drafts.publish(user, key));
            if (ImportResult.REJECTED.equals(result.outcome())) {
                showProblems(result.errors());
                Ui.error(getTranslation("designer.publish.rejected"));
                return;
            }
            Ui.success(getTranslation("designer.published", result.version()));
            saved.setText(getTranslation("designer.published", result.version()));
            saved.getElement().setAttribute("data-version", String.valueOf(result.version()));
            forms = Ui.await(formDrafts::list);
            refreshLint();
        } catch (InvalidInput e) {
            showProblems(e.errors());
            Ui.error(Ui.message(e));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }

    private void tryIt() {
        try {
            var pkg = Ui.await(() -> drafts.packageOf(key));
            var test = Ui.await(() -> versions.publishTest(pkg, user.username()));
            new TryItDialog(tickets, formService, user, test).open();
        } catch (InvalidInput e) {
            showProblems(e.errors());
            Ui.error(getTranslation("designer.try.fixFirst"));
        } catch (FlowDeskException e) {
            Ui.error(e.getMessage());
        }
    }

    @Override
    public boolean zh() {
        return UiSession.localeTag().startsWith("zh");
    }

    @Override
    public DiagramOutline outline() {
        return outline;
    }

    @Override
    public JsonNode metadata() {
        return metadata;
    }

    @Override
    public void metadataChanged(ObjectNode changed) {
        metadata = changed;
        if (Ui.attempt(() -> Ui.await(() -> drafts.save(user, key, metadata, xml)))) {
            refreshLint();
        }
    }

    @Override
    public List<Department> departments() {
        return departments;
    }

    @Override
    public List<FormDrafts.Summary> forms() {
        return forms;
    }

    @Override
    public JsonNode schema(String formKey) {
        return schemas.computeIfAbsent(formKey, k -> Ui.await(() -> formDrafts.workingSchema(k)));
    }

    @Override
    public BpmnCanvas canvas() {
        return canvas;
    }
}
