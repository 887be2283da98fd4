package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import io.flowdesk.workflow.ServiceTaskCatalogue.Entry;
import io.flowdesk.workflow.ServiceTaskCatalogue.Param;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.ServiceTask;

/**
 * The parameters of catalogue service tasks ({@code service-task-parameters}): required ones present, no
 * unknown ones, fdNotify recipients and fdAssign departments that exist ({@code unknown-department}).
 */
final class ServiceTaskRules {

    static final String RULE = "service-task-parameters";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    private ServiceTaskRules() {
    }

    static void check(ServiceTask task, Set<String> departments, List<FieldError> errors) {
        String implementation = task.getImplementation();
        if (implementation == null || !implementation.startsWith("${") || !implementation.endsWith("}")) {
            return;
        }
        Optional<Entry> found = ServiceTaskCatalogue.entry(implementation.substring(2, implementation.length() - 1));
        if (found.isEmpty()) {
            return;
        }
        Entry entry = found.get();
        Text subject = Text.of("lint.service.subject", Labels.of(task), Text.bilingual(entry.labelZh(), entry.labelEn()));
        Set<String> given = new HashSet<>();
        for (FieldExtension field : task.getFieldExtensions()) {
            String name = field.getFieldName();
            if (entry.param(name).isEmpty()) {
                errors.add(new FieldError(task.getId(), Text.of("lint.service.unknownParam", subject, name,
                        names(entry)), RULE));
            } else if (!given.add(name)) {
                errors.add(new FieldError(task.getId(), Text.of("lint.service.twice", subject, name), RULE));
            } else if (field.getStringValue() == null || field.getStringValue().isBlank()) {
                given.remove(name);
            } else {
                checkValue(task, subject, entry, name, field.getStringValue().trim(), departments, errors);
            }
        }
        for (Param param : entry.params()) {
            if (param.required() && !given.contains(param.name())) {
                errors.add(new FieldError(task.getId(), Text.of("lint.service.missingParam", subject,
                        Text.bilingual(param.labelZh(), param.labelEn()), param.name()), RULE));
            }
        }
    }

    private static void checkValue(ServiceTask task, Text subject, Entry entry, String name, String value,
            Set<String> departments, List<FieldError> errors) {
        if (entry.id().equals(ServiceTaskCatalogue.NOTIFY) && name.equals("to")) {
            if (value.startsWith(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT)) {
                department(task, subject, value.substring(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT.length()),
                        departments, errors);
            } else if (!ServiceTaskCatalogue.NOTIFY_RECIPIENTS.contains(value)) {
                errors.add(new FieldError(task.getId(), Text.of("lint.service.recipient", subject, value,
                        String.join(", ", ServiceTaskCatalogue.NOTIFY_RECIPIENTS),
                        ServiceTaskCatalogue.DEPARTMENT_RECIPIENT), RULE));
            }
        } else if (entry.id().equals(ServiceTaskCatalogue.ASSIGN) && name.equals("department")) {
            department(task, subject, value, departments, errors);
        } else if (entry.id().equals(ServiceTaskCatalogue.ASSIGN) && name.equals("user")
                && !USERNAME.matcher(value).matches()) {
            errors.add(new FieldError(task.getId(), Text.of("lint.service.user", subject, value), RULE));
        }
    }

    private static void department(ServiceTask task, Text subject, String key, Set<String> departments,
            List<FieldError> errors) {
        if (!departments.contains(key)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.department.unknown", subject, key,
                    PublishGate.list(departments)), "unknown-department"));
        }
    }

    /** The catalogue services by their labels, in both languages. */
    static Text catalogueNames() {
        return Text.bilingual(String.join("、", ServiceTaskCatalogue.ENTRIES.stream().map(Entry::labelZh).toList()),
                String.join(", ", ServiceTaskCatalogue.ENTRIES.stream().map(Entry::labelEn).toList()));
    }

    private static String names(Entry entry) {
        return String.join(", ", entry.params().stream().map(Param::name).toList());
    }
}
