package io.flowdesk.automation.ui;

import io.flowdesk.forms.FormModel;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.templates.DiagramOutline;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What the rule editor's pickers offer, read once per visit from real data, labels in the reader's language:
 * templates (ticket types), their BPMN user-task steps and form fields, departments, users and calendars.
 */
record RuleChoices(Map<String, String> types, Map<String, String> steps, List<DataField> dataFields,
        Map<String, String> departments, Map<String, String> users, Map<String, String> calendars) {

    private static final Logger LOG = Logger.getLogger(RuleChoices.class);

    /** A top-level field of a published form: {@code data.<key>} in conditions, its options for value pickers. */
    record DataField(String key, String label, String widget, Map<String, String> options) {
    }

    static RuleChoices load(TemplateService templates, FormService forms, IdentityService identity,
            Calendars calendars, boolean zh) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> steps = new LinkedHashMap<>();
        Map<String, DataField> fields = new LinkedHashMap<>();
        for (PublishedTemplate t : Ui.await(templates::listLatest)) {
            String name = zh ? t.nameZh() : t.nameEn();
            types.put(t.key(), name == null || name.isBlank() ? t.key() : name);
            try {
                DiagramOutline outline = DiagramOutline.read(Ui.await(() -> templates.bpmn(t.key(), t.version())));
                outline.nodes().values().stream().filter(n -> "userTask".equals(n.type())).forEach(n -> {
                    String label = zh ? n.name() : n.nameEn() != null && !n.nameEn().isBlank() ? n.nameEn() : n.name();
                    steps.putIfAbsent(n.id(), (label == null || label.isBlank() ? n.id() : label) + " · "
                            + types.get(t.key()));
                });
            } catch (RuntimeException e) {
                LOG.debugf(e, "no steps for %s", t.key());
            }
            for (Map.Entry<String, Integer> pin : t.forms().entrySet()) {
                try {
                    var form = Ui.await(() -> forms.get(pin.getKey(), pin.getValue()));
                    for (FormModel.Item item : FormModel.fromSchema(form.schema()).model().items) {
                        if (item.isSection() || fields.containsKey(item.key)) {
                            continue;
                        }
                        String label = zh ? item.labelZh : item.labelEn;
                        Map<String, String> options = new LinkedHashMap<>();
                        item.options.forEach(o -> options.put(o.value(), zh ? o.zh() : o.en()));
                        fields.put(item.key, new DataField(item.key, label == null || label.isBlank() ? item.key
                                : label, item.widget, options));
                    }
                } catch (RuntimeException e) {
                    LOG.debugf(e, "no fields for %s", pin.getKey());
                }
            }
        }
        Map<String, String> departments = new LinkedHashMap<>();
        for (Department d : Ui.await(identity::departments)) {
            departments.put(d.key(), zh ? d.nameZh() : d.nameEn());
        }
        Map<String, String> users = new LinkedHashMap<>();
        for (CurrentUser u : Ui.await(identity::workers)) {
            users.put(u.username(), u.displayName() == null || u.displayName().isBlank() ? u.username()
                    : u.displayName() + " (" + u.username() + ")");
        }
        Map<String, String> calendarNames = new LinkedHashMap<>();
        for (BusinessCalendar c : Ui.await(calendars::list)) {
            calendarNames.put(c.key(), zh ? c.nameZh() : c.nameEn());
        }
        return new RuleChoices(types, steps, new ArrayList<>(fields.values()), departments, users, calendarNames);
    }

    DataField dataField(String key) {
        return dataFields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    static String label(Map<String, String> names, String key) {
        return key == null ? "" : names.getOrDefault(key, key);
    }
}
