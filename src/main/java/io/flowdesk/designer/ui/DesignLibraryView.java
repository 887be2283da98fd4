package io.flowdesk.designer.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.forms.FormModel;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.BpmnImport;
import io.flowdesk.templates.TemplateDrafts;
import io.flowdesk.templates.TemplateVersions;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The designer's library: templates and forms with their newest version and drafts; new, import, versions. */
@Route(value = "design", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class DesignLibraryView extends VerticalLayout implements BeforeEnterObserver {

    private final TemplateDrafts drafts;
    private final TemplateVersions versions;
    private final FormDrafts formDrafts;
    private final Grid<TemplateDrafts.Summary> templates = new Grid<>();
    private final Grid<FormDrafts.Summary> forms = new Grid<>();
    private final Div importReport = new Div();
    private CurrentUser user;

    public DesignLibraryView(TemplateDrafts drafts, TemplateVersions versions, FormDrafts formDrafts) {
        this.drafts = drafts;
        this.versions = versions;
        this.formDrafts = formDrafts;
        addClassName("fd-library");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!DesignerAccess.check(user, this, getTranslation("designer.notAllowed"))) {
            return;
        }
        boolean zh = UiSession.localeTag().startsWith("zh");
        add(new H2(getTranslation("nav.design")));
        templates.setId("templates-grid");
        templates.addColumn(TemplateDrafts.Summary::key).setHeader(getTranslation("designer.col.key")).setAutoWidth(true);
        templates.addColumn(t -> zh ? t.nameZh() : t.nameEn()).setHeader(getTranslation("designer.col.name"));
        templates.addColumn(t -> t.newestVersion() == null ? "—" : "v" + t.newestVersion() + " · "
                + getTranslation("designer.status." + t.newestStatus())).setHeader(getTranslation("designer.col.version"));
        templates.addColumn(t -> t.hasDraft() ? getTranslation("designer.draft.changed", time(t.draftUpdatedAt()))
                : "").setHeader(getTranslation("designer.col.draft"));
        templates.addComponentColumn(t -> {
            Button open = new Button(getTranslation("designer.open"), e -> navigate("design/process/" + t.key()));
            open.setId("design-" + t.key());
            Button history = new Button(getTranslation("designer.versions"),
                    e -> new VersionsDialog(versions, user, t.key()).open());
            history.setId("versions-" + t.key());
            history.setEnabled(t.newestVersion() != null);
            return new HorizontalLayout(open, history);
        }).setAutoWidth(true);
        templates.setAllRowsVisible(true);
        Button newTemplate = new Button(getTranslation("designer.newTemplate"), VaadinIcon.PLUS.create(),
                e -> newTemplate());
        newTemplate.setId("new-template");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> importFile(meta.fileName(), bytes)));
        upload.setAcceptedFileTypes(".zip", ".bpmn", ".xml");
        upload.setMaxFileSize(4 * 1024 * 1024);
        upload.setUploadButton(new Button(getTranslation("designer.import"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("designer.import.hint")));
        upload.setId("import-upload");
        importReport.setId("import-report");
        forms.setId("forms-grid");
        forms.addColumn(FormDrafts.Summary::key).setHeader(getTranslation("designer.col.key")).setAutoWidth(true);
        forms.addColumn(f -> zh ? f.titleZh() : f.titleEn()).setHeader(getTranslation("designer.col.name"));
        forms.addColumn(f -> f.newestVersion() == null ? "—" : "v" + f.newestVersion() + " · "
                + getTranslation("designer.status." + f.newestStatus())).setHeader(getTranslation("designer.col.version"));
        forms.addColumn(f -> f.hasDraft() ? getTranslation("designer.draft.changed", time(f.draftUpdatedAt())) : "")
                .setHeader(getTranslation("designer.col.draft"));
        forms.addComponentColumn(f -> {
            Button open = new Button(getTranslation("designer.open"), e -> navigate("design/form/" + f.key()));
            open.setId("design-form-" + f.key());
            return open;
        }).setAutoWidth(true);
        forms.setAllRowsVisible(true);
        Button newForm = new Button(getTranslation("designer.newForm"), VaadinIcon.PLUS.create(), e -> newForm());
        newForm.setId("new-form");
        add(new H3(getTranslation("designer.templates")), new HorizontalLayout(newTemplate, upload), importReport,
                templates, new H3(getTranslation("designer.forms")), newForm, forms);
        refresh();
    }

    private void refresh() {
        templates.setItems(Ui.await(drafts::list));
        forms.setItems(Ui.await(formDrafts::list));
    }

    private static String time(java.time.OffsetDateTime at) {
        return at == null ? "" : at.format(DateTimeFormatter.ofPattern("MM-dd HH:mm"));
    }

    private void navigate(String route) {
        getUI().ifPresent(ui -> ui.navigate(route));
    }

    private void importFile(String fileName, byte[] bytes) {
        importReport.removeAll();
        try {
            TemplateDrafts.Imported imported = fileName.toLowerCase().endsWith(".zip")
                    ? Ui.await(() -> drafts.importArchive(user, bytes))
                    : Ui.await(() -> drafts.importBpmn(user, new String(bytes, StandardCharsets.UTF_8)));
            report(imported.errors(), imported.notes());
            if (imported.draft() != null) {
                Ui.success(getTranslation("designer.imported", imported.draft().key()));
                refresh();
            }
        } catch (InvalidInput e) {
            report(e.errors(), List.of());
        } catch (FlowDeskException e) {
            Ui.error(e.getMessage());
        }
    }

    private void report(List<FieldError> errors, List<BpmnImport.Note> notes) {
        if (!errors.isEmpty()) {
            importReport.add(new H3(getTranslation("designer.import.rejected")));
        }
        errors.forEach(e -> {
            Div line = new Div(new Span(e.pointer() + ": "), new Span(Ui.text(e.text())));
            line.addClassName("fd-import-error");
            importReport.add(line);
        });
        if (errors.isEmpty() && !notes.isEmpty()) {
            importReport.add(new H3(getTranslation("import.ui.notes", notes.size())));
            importReport.add(new Span(getTranslation("import.ui.notesHelp")));
        }
        notes.forEach(n -> {
            Div line = new Div(new Span(Ui.text(n.text())));
            line.addClassName("fd-import-note");
            line.getElement().setAttribute("data-element", n.element());
            importReport.add(line);
        });
    }

    private void newTemplate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("designer.newTemplate"));
        TextField key = new TextField(getTranslation("designer.col.key"));
        key.setId("new-template-key");
        key.setHelperText(getTranslation("designer.key.help"));
        TextField zh = new TextField(getTranslation("designer.name.zh"));
        zh.setId("new-template-zh");
        TextField en = new TextField(getTranslation("designer.name.en"));
        en.setId("new-template-en");
        com.vaadin.flow.component.combobox.ComboBox<String> start = new com.vaadin.flow.component.combobox.ComboBox<>(
                getTranslation("designer.template.startForm"));
        start.setId("new-template-start");
        start.setItems(Ui.await(formDrafts::list).stream().map(FormDrafts.Summary::key).toList());
        VerticalLayout body = new VerticalLayout(key, zh, en, start);
        body.setPadding(false);
        dialog.add(body);
        Button create = new Button(getTranslation("designer.create"), e -> {
            try {
                Ui.await(() -> drafts.create(user, key.getValue().trim(), zh.getValue(), en.getValue(), null,
                        start.getValue()));
                dialog.close();
                navigate("design/process/" + key.getValue().trim());
            } catch (InvalidInput invalid) {
                Ui.error(invalid.errors().stream().map(FieldError::message).reduce((a, b) -> a + "; " + b)
                        .orElse(invalid.getMessage()));
            } catch (FlowDeskException ex) {
                Ui.error(ex.getMessage());
            }
        });
        create.setId("new-template-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    private void newForm() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("designer.newForm"));
        TextField key = new TextField(getTranslation("designer.col.key"));
        key.setId("new-form-key");
        key.setHelperText(getTranslation("designer.key.help"));
        TextField zh = new TextField(getTranslation("designer.name.zh"));
        zh.setId("new-form-zh");
        TextField en = new TextField(getTranslation("designer.name.en"));
        en.setId("new-form-en");
        dialog.add(new VerticalLayout(key, zh, en));
        Button create = new Button(getTranslation("designer.create"), e -> {
            ObjectNode schema = FormModel.empty(zh.getValue(), en.getValue());
            if (Ui.attempt(() -> Ui.await(() -> formDrafts.save(user, key.getValue().trim(), schema)))) {
                dialog.close();
                navigate("design/form/" + key.getValue().trim());
            }
        });
        create.setId("new-form-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), e -> dialog.close()), create);
        dialog.open();
    }
}
