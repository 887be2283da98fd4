package io.flowdesk.reports.fields;

import io.flowdesk.forms.FormModel;
import io.flowdesk.forms.FormService;
import io.flowdesk.shared.Messages;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields a template's forms offer to the field report, over all its published (and since deprecated) versions:
 * choice, yes/no and short text fields can be grouped, number and money fields summed (ADR 0035). Fields marked as
 * personal data, long texts, dates, files and repeatable groups are listed but can be neither. The first form that names a key
 * gives its label and options.
 */
@ApplicationScoped
public class FieldCatalogue {

    static final Set<String> GROUPABLE = Set.of("select", "radio", "checkbox", "text", "department", "user");
    static final Set<String> SUMMABLE = Set.of("number", "money");

    /** A field of the report. {@code options}: value → [zh, en] labels. */
    public record Field(String key, String widget, String labelZh, String labelEn, Map<String, String[]> options,
            boolean sensitive) {

        public boolean groupable() {
            return !sensitive && GROUPABLE.contains(widget);
        }

        public boolean summable() {
            return !sensitive && SUMMABLE.contains(widget);
        }

        public String label(Locale locale) {
            return Messages.isChinese(locale) ? labelZh : labelEn;
        }

        /** The label of a stored group value: the option's label, yes/no, or the value itself. */
        public String valueLabel(String value, Locale locale) {
            String[] option = options.get(value);
            if (option != null) {
                return Messages.isChinese(locale) ? option[0] : option[1];
            }
            if (value.isEmpty()) {
                return Messages.get(locale, "reports.fields.value.empty");
            }
            if (widget.equals("checkbox") && (value.equals("true") || value.equals("false"))) {
                return Messages.get(locale, "reports.fields.value." + value);
            }
            return value;
        }
    }

    /** A template's report fields, or {@code null} when the template has no published version. */
    public record Catalogue(String template, String nameZh, String nameEn, Map<String, Field> fields) {

        public List<Field> groupable() {
            return fields.values().stream().filter(Field::groupable).toList();
        }

        public List<Field> summable() {
            return fields.values().stream().filter(Field::summable).toList();
        }
    }

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    /** Keys and names of the templates with a published version, ordered by key. */
    public Uni<List<PublishedTemplate>> templates() {
        return templates.listLatest();
    }

    public Uni<Catalogue> of(String templateKey) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select version from "
                + "template_version where template_key = ?1 and published_at is not null order by version desc",
                Integer.class).setParameter(1, templateKey).getResultList()))
                .chain(versions -> versions.isEmpty() ? Uni.createFrom().nullItem()
                        : Multi.createFrom().iterable(versions).onItem()
                                .transformToUniAndConcatenate(v -> templates.version(templateKey, v))
                                .collect().asList().chain(this::catalogue));
    }

    private Uni<Catalogue> catalogue(List<PublishedTemplate> versions) {
        Map<String, Field> out = new LinkedHashMap<>();
        return Multi.createFrom().iterable(versions).onItem().transformToUniAndConcatenate(t -> Multi.createFrom()
                .iterable(orderedForms(t).entrySet()).onItem()
                .transformToUniAndConcatenate(pin -> forms.get(pin.getKey(), pin.getValue())
                        .map(form -> FormModel.fromSchema(form.schema()).model().items)
                        .onFailure().recoverWithItem(List.of()))
                .collect().asList())
                .collect().asList().map(all -> {
                    all.forEach(perVersion -> perVersion.forEach(items -> items.forEach(item -> {
                        if (!item.isSection() && item.widget != null) {
                            out.putIfAbsent(item.key, field(item));
                        }
                    })));
                    PublishedTemplate newest = versions.get(0);
                    return new Catalogue(newest.key(), newest.nameZh(), newest.nameEn(), out);
                });
    }

    /** The start form first, so its labels win over a later step's field of the same key. */
    private static Map<String, Integer> orderedForms(PublishedTemplate t) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        if (t.startForm() != null && t.forms().containsKey(t.startForm().key())) {
            ordered.put(t.startForm().key(), t.forms().get(t.startForm().key()));
        }
        ordered.putAll(t.forms());
        return ordered;
    }

    private static Field field(FormModel.Item item) {
        Map<String, String[]> options = new LinkedHashMap<>();
        item.options.forEach(o -> options.put(o.value(), new String[] {o.zh(), o.en()}));
        return new Field(item.key, item.widget, item.labelZh, item.labelEn, options, item.sensitive);
    }
}
