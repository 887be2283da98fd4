package io.flowdesk.automation.internal;

import io.flowdesk.forms.FormModel;
import io.flowdesk.forms.FormService;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level fields of the published templates' forms ({@code data.<key>} in rules), with their widget, labels and
 * options: what rule conditions are typed by (the validation) and what the editor offers. First form that names a key
 * wins; sections are left out.
 */
@ApplicationScoped
public class FormFields {

    /** A form field as rules see it. {@code options}: value → [zh, en] labels (select, radio, multi-select). */
    public record Field(String key, String widget, String labelZh, String labelEn, Map<String, String[]> options) {

        public boolean numeric() {
            return widget.equals("number") || widget.equals("money");
        }

        public boolean temporal() {
            return widget.equals("date") || widget.equals("datetime");
        }

        public boolean choice() {
            return !options.isEmpty();
        }
    }

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    public Uni<Map<String, Field>> published() {
        return templates.listLatest().chain(list -> Multi.createFrom().iterable(list).onItem()
                .transformToUniAndConcatenate(this::fieldsOf).collect().asList().map(FormFields::merge));
    }

    private Uni<List<Field>> fieldsOf(PublishedTemplate t) {
        return Multi.createFrom().iterable(t.forms().entrySet()).onItem()
                .transformToUniAndConcatenate(pin -> forms.get(pin.getKey(), pin.getValue())
                        .map(form -> FormModel.fromSchema(form.schema()).model().items.stream()
                                .filter(item -> !item.isSection()).map(FormFields::field).toList())
                        .onFailure().recoverWithItem(List.of()))
                .collect().asList().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static Field field(FormModel.Item item) {
        Map<String, String[]> options = new LinkedHashMap<>();
        item.options.forEach(o -> options.put(o.value(), new String[] {o.zh(), o.en()}));
        return new Field(item.key, item.widget == null ? "text" : item.widget, item.labelZh, item.labelEn, options);
    }

    private static Map<String, Field> merge(List<List<Field>> perTemplate) {
        Map<String, Field> out = new LinkedHashMap<>();
        perTemplate.forEach(fields -> fields.forEach(f -> out.putIfAbsent(f.key(), f)));
        return out;
    }
}
