package io.flowdesk.forms.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * The attachment widget: an upload button and drop zone (the same control a person uses), whose value is the file's
 * name. Read-only, it shows the name only. The file's bytes are not kept here: a ticket's files are attached
 * through its attachments, and the form records which one.
 */
class AttachmentField extends CustomField<String> {

    private final Upload upload;
    private final Span name = new Span();
    private String value = "";

    AttachmentField(String label) {
        setLabel(label);
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            value = meta.fileName();
            name.setText(value);
            updateValue();
        }))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(10 * 1024 * 1024);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("form.attachment.add"))
                .setMany(getTranslation("form.attachment.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("form.attachment.drop"))
                .setMany(getTranslation("form.attachment.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("form.attachment.tooMany"))
                .setFileIsTooBig(getTranslation("form.attachment.tooBig"))
                .setIncorrectFileType(getTranslation("form.attachment.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("form.attachment.connecting"))
                        .setStalled(getTranslation("form.attachment.stalled"))
                        .setProcessing(getTranslation("form.attachment.processing"))
                        .setHeld(getTranslation("form.attachment.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("form.attachment.remaining"))
                        .setUnknown(getTranslation("form.attachment.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation(
                        "form.attachment.failed")).setUnexpectedServerError(getTranslation("form.attachment.failed"))
                        .setForbidden(getTranslation("form.attachment.failed"))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("form.attachment.retry"))
                .setStart(getTranslation("form.attachment.start")).setRemove(getTranslation("form.attachment.remove")));
        i18n.setUnits(java.util.List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        upload.setI18n(i18n);
        upload.addFileRemovedListener(e -> {
            value = "";
            name.setText("");
            updateValue();
        });
        upload.addClassName("fd-attachment");
        name.addClassName("fd-muted");
        add(upload, name);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        upload.setVisible(!readOnly);
    }

    @Override
    protected String generateModelValue() {
        return value;
    }

    @Override
    protected void setPresentationValue(String newValue) {
        value = newValue == null ? "" : newValue;
        name.setText(value);
    }
}
