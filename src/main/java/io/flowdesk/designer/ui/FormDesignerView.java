package io.flowdesk.designer.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.forms.FormModel;
import io.flowdesk.forms.FormModel.Item;
import io.flowdesk.forms.FormService;
import io.flowdesk.forms.ui.FormRenderer;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The form designer: drag field types from the palette onto the canvas, drag to reorder, edit each field's
 * properties, and see the live preview (the runtime's own renderer) and the emitted JSON Schema. Saved as the
 * form's draft on every change; only an admin publishes.
 */
@Route(value = "design/form/:key", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class FormDesignerView extends VerticalLayout implements BeforeEnterObserver {

    private final FormDrafts drafts;
    private final FormService forms;
    private final VerticalLayout canvas = new VerticalLayout();
    private final VerticalLayout editor = new VerticalLayout();
    private final Div preview = new Div();
    private final Pre json = new Pre();
    private final Div problems = new Div();
    private final Span saved = new Span();
    private FormRenderer renderer;
    private CurrentUser user;
    private String key;
    private FormModel model;
    private Item selected;
    private transient Object cardDropRequest;

    public FormDesignerView(FormDrafts drafts, FormService forms) {
        this.drafts = drafts;
        this.forms = forms;
        addClassName("fd-form-designer");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!DesignerAccess.check(user, this, getTranslation("designer.notAllowed"))) {
            return;
        }
        key = event.getRouteParameters().get("key").orElse("");
        try {
            FormDrafts.Draft draft = Ui.await(() -> drafts.draft(key));
            FormModel.Read read = FormModel.fromSchema(draft.schema());
            model = read.model();
            build();
            showProblems(read.problems());
        } catch (FlowDeskException e) {
            add(new Span(Ui.message(e)));
        }
    }

    private void build() {
        TextField titleZh = new TextField(getTranslation("formDesigner.title.zh"), model.titleZh, "");
        titleZh.addValueChangeListener(e -> {
            model.titleZh = e.getValue();
            changed();
        });
        TextField titleEn = new TextField(getTranslation("formDesigner.title.en"), model.titleEn, "");
        titleEn.addValueChangeListener(e -> {
            model.titleEn = e.getValue();
            changed();
        });
        saved.setId("form-saved");
        saved.addClassName("fd-muted");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> importSchema(bytes)));
        upload.setAcceptedFileTypes(".json");
        upload.setMaxFileSize(FormServiceLimits.MAX_BYTES);
        upload.setUploadButton(new Button(getTranslation("formDesigner.import"), VaadinIcon.UPLOAD.create()));
        upload.setDropAllowed(false);
        upload.setId("form-import");
        Button publish = new Button(getTranslation("designer.publish"), VaadinIcon.UPLOAD_ALT.create(), e -> publish());
        publish.setId("form-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!user.has(Role.ADMIN)) {
            publish.setEnabled(false);
            publish.setTooltipText(getTranslation("designer.publish.adminOnly"));
        }
        HorizontalLayout bar = new HorizontalLayout(new H3(key), titleZh, titleEn, saved, upload, publish);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(saved);
        bar.setWidthFull();

        VerticalLayout palette = new VerticalLayout();
        palette.setId("form-palette");
        palette.addClassName("fd-palette");
        palette.setWidth("190px");
        palette.setPadding(false);
        palette.setSpacing(false);
        for (String widget : FormModel.WIDGETS) {
            Div entry = new Div(new Span(getTranslation("formDesigner.widget." + widget)));
            entry.setId("palette-" + widget);
            entry.addClassName("fd-palette-item");
            DragSource<Div> source = DragSource.create(entry);
            source.setDragData(widget);
            source.setEffectAllowed(com.vaadin.flow.component.dnd.EffectAllowed.COPY);
            entry.addClickListener(e -> insert(model.newItem(widget), model.items.size()));
            palette.add(entry);
        }
        canvas.setId("form-canvas");
        canvas.addClassName("fd-form-canvas");
        canvas.setSpacing(false);
        DropTarget<VerticalLayout> drop = DropTarget.create(canvas);
        drop.setDropEffect(DropEffect.MOVE);
        drop.addDropListener(e -> {
            // a drop on a card bubbles up to the canvas in the same request: the card has placed it already
            if (com.vaadin.flow.server.VaadinRequest.getCurrent() != cardDropRequest) {
                dropped(e.getDragData().orElse(null), model.items.size());
            }
        });
        editor.setId("form-properties");
        editor.setPadding(false);
        preview.setId("form-preview");
        json.setId("form-json");
        json.addClassName("fd-json");
        problems.setId("form-problems");
        Button check = new Button(getTranslation("formDesigner.check"), e -> checkPreview());
        check.setId("preview-check");
        TabSheet side = new TabSheet();
        side.setId("form-side");
        side.add(getTranslation("formDesigner.tab.properties"), editor).setId("tab-properties");
        side.add(getTranslation("formDesigner.tab.preview"), new VerticalLayout(preview, check)).setId("tab-preview");
        side.add(getTranslation("formDesigner.tab.json"), json).setId("tab-json");
        side.setWidth("44%");
        VerticalLayout center = new VerticalLayout(problems, canvas);
        center.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(palette, center, side);
        body.setSizeFull();
        body.expand(center);
        add(bar, body);
        expand(body);
        renderCanvas();
        renderOutputs(model.toSchema());
        editor.add(new Span(getTranslation("formDesigner.selectHint")));
    }

    private void dropped(Object data, int index) {
        if (data instanceof String widget) {
            insert(model.newItem(widget), index);
        } else if (data instanceof Item item) {
            int from = model.items.indexOf(item);
            if (from < 0) {
                return;
            }
            model.items.remove(from);
            model.items.add(Math.min(from < index ? index - 1 : index, model.items.size()), item);
            changed();
            renderCanvas();
        }
    }

    private void insert(Item item, int index) {
        model.items.add(Math.min(index, model.items.size()), item);
        selected = item;
        changed();
        renderCanvas();
        showEditor();
    }

    private void renderCanvas() {
        canvas.removeAll();
        if (model.items.isEmpty()) {
            Span empty = new Span(getTranslation("formDesigner.empty"));
            empty.addClassName("fd-muted");
            canvas.add(empty);
        }
        for (int i = 0; i < model.items.size(); i++) {
            canvas.add(card(model.items.get(i), i));
        }
    }

    private Component card(Item item, int index) {
        Span label = new Span((item.required ? "* " : "") + (UiSession.localeTag().startsWith("zh") ? item.labelZh
                : item.labelEn));
        label.addClassName("fd-fcard-label");
        Span meta = new Span(getTranslation("formDesigner.widget." + item.widget) + " · " + item.key);
        meta.addClassName("fd-muted");
        Button up = small(VaadinIcon.ARROW_UP, "formDesigner.up", () -> move(index, index - 1));
        up.setEnabled(index > 0);
        Button down = small(VaadinIcon.ARROW_DOWN, "formDesigner.down", () -> move(index, index + 1));
        down.setEnabled(index < model.items.size() - 1);
        Button copy = small(VaadinIcon.COPY_O, "formDesigner.duplicate", () -> {
            String base = item.key + "_copy";
            String newKey = base;
            for (int n = 2; model.keys().contains(newKey); n++) {
                newKey = base + n;
            }
            insert(item.copy(newKey), index + 1);
        });
        Button delete = small(VaadinIcon.TRASH, "formDesigner.delete", () -> {
            model.items.remove(item);
            if (selected == item) {
                selected = null;
                editor.removeAll();
            }
            changed();
            renderCanvas();
        });
        HorizontalLayout tools = new HorizontalLayout(up, down, copy, delete);
        tools.setSpacing(false);
        Div text = new Div(label, new Div(meta));
        HorizontalLayout card = new HorizontalLayout(text, tools);
        card.expand(text);
        card.setWidthFull();
        card.setId("card-" + item.key);
        card.addClassName("fd-fcard");
        card.addClassName(item.isSection() ? "fd-fcard-section" : "fd-fcard-field");
        if (item == selected) {
            card.addClassName("fd-fcard-selected");
        }
        card.getElement().setAttribute("data-key", item.key);
        card.addClickListener(e -> {
            selected = item;
            renderCanvas();
            showEditor();
        });
        DragSource<HorizontalLayout> source = DragSource.create(card);
        source.setDragData(item);
        DropTarget<HorizontalLayout> target = DropTarget.create(card);
        target.addDropListener(e -> {
            cardDropRequest = com.vaadin.flow.server.VaadinRequest.getCurrent();
            dropped(e.getDragData().orElse(null), index);
        });
        return card;
    }

    private Button small(VaadinIcon icon, String tooltip, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation(tooltip));
        button.setTooltipText(getTranslation(tooltip));
        return button;
    }

    private void move(int from, int to) {
        if (to < 0 || to >= model.items.size()) {
            return;
        }
        model.items.add(to, model.items.remove(from));
        changed();
        renderCanvas();
    }

    private void showEditor() {
        editor.removeAll();
        if (selected != null) {
            editor.add(new FieldEditor(model, selected, item -> {
                changed();
                renderCanvas();
            }));
        }
    }

    private void changed() {
        ObjectNode schema = model.toSchema();
        if (Ui.attempt(() -> Ui.await(() -> drafts.save(user, key, schema)))) {
            saved.setText(getTranslation("designer.saved", java.time.LocalTime.now().format(
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"))));
        }
        renderOutputs(schema);
        List<FieldError> list = new java.util.ArrayList<>(model.problems());
        forms.checkProfile(schema).forEach(list::add);
        showProblems(list);
    }

    private void renderOutputs(ObjectNode schema) {
        json.setText(Json.pretty(schema));
        preview.removeAll();
        renderer = new FormRenderer(schema, UiSession.localeTag(), false);
        preview.add(renderer);
    }

    private void checkPreview() {
        ObjectNode schema = model.toSchema();
        List<FieldError> errors = forms.validateDraft(schema, renderer.getValue(), "/data", UiSession.locale());
        renderer.showErrors(errors);
        if (errors.isEmpty()) {
            Ui.success(getTranslation("formDesigner.check.ok"));
        }
    }

    private void showProblems(List<FieldError> list) {
        problems.removeAll();
        problems.getElement().setAttribute("data-count", String.valueOf(list.size()));
        for (FieldError problem : list) {
            Div line = new Div(new Span(problem.pointer() + ": "), new Span(Ui.text(problem.text())));
            line.addClassName("fd-lint-item");
            problems.add(line);
        }
    }

    private void importSchema(byte[] bytes) {
        JsonNode schema;
        try {
            schema = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (InvalidInput e) {
            Ui.error(getTranslation("formDesigner.import.notJson", Ui.message(e)));
            return;
        }
        FormModel.Read read = FormModel.fromSchema(schema);
        boolean outside = read.problems().stream().anyMatch(p -> !"designer".equals(p.rule()));
        if (outside) {
            showProblems(read.problems());
            Ui.error(getTranslation("formDesigner.import.rejected", read.problems().size()));
            return;
        }
        model = read.model();
        removeAll();
        build();
        changed();
        showProblems(read.problems());
    }

    private void publish() {
        try {
            var ref = Ui.await(() -> drafts.publish(user, key));
            Ui.success(getTranslation("designer.published", ref.version()));
            saved.setText(getTranslation("designer.published", ref.version()));
        } catch (InvalidInput e) {
            showProblems(e.errors());
            Ui.error(Ui.message(e));
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
        }
    }

    /** Upload limit for imported schemas: the form profile's size limit. */
    private static final class FormServiceLimits {
        static final int MAX_BYTES = io.flowdesk.forms.FormProfile.MAX_BYTES;
    }
}
