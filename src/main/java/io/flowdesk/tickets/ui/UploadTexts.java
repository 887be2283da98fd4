package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** Upload buttons and drop hints in the UI language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static Upload localize(Upload upload, Component context) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(context.getTranslation("attachments.add"))
                .setMany(context.getTranslation("attachments.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(context.getTranslation("attachments.dropShort"))
                .setMany(context.getTranslation("attachments.dropShort")));
        upload.setI18n(i18n);
        return upload;
    }
}
