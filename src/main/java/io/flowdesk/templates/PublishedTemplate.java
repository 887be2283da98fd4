package io.flowdesk.templates;

import io.flowdesk.forms.FormRef;
import java.util.Map;

/** An immutable, published template version: what a ticket runs on. */
public record PublishedTemplate(long id, String key, int version, String nameZh, String nameEn, String descriptionZh,
        String descriptionEn, String ticketType, boolean isPublic, FormRef startForm, Map<String, Integer> forms,
        String processDefinitionId, boolean partnersMayReplyToCustomer) {

    public PublishedTemplate(long id, String key, int version, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, String ticketType, boolean isPublic, FormRef startForm, Map<String, Integer> forms,
            String processDefinitionId) {
        this(id, key, version, nameZh, nameEn, descriptionZh, descriptionEn, ticketType, isPublic, startForm, forms,
                processDefinitionId, false);
    }

    /** The pinned version of a form used by this template, or null when the template does not use it. */
    public FormRef form(String formKey) {
        Integer version = forms.get(formKey);
        return version == null ? null : new FormRef(formKey, version);
    }

    public String name(String locale) {
        return locale != null && locale.startsWith("zh") ? nameZh : nameEn;
    }
}
