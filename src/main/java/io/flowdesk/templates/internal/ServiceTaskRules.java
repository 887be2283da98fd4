package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import io.flowdesk.workflow.ServiceTaskCatalogue.Entry;
import io.flowdesk.workflow.ServiceTaskCatalogue.Param;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
        String subject = Labels.of(task) + " (" + entry.labelEn() + ")";
        Set<String> given = new HashSet<>();
        for (FieldExtension field : task.getFieldExtensions()) {
            String name = field.getFieldName();
            if (entry.param(name).isEmpty()) {
                errors.add(new FieldError(task.getId(), subject + " has the parameter '" + name + "', which "
                        + entry.id() + " does not know: remove it (known: " + names(entry) + ")", RULE));
            } else if (!given.add(name)) {
                errors.add(new FieldError(task.getId(), subject + " sets the parameter '" + name + "' twice: keep one",
                        RULE));
            } else if (field.getStringValue() == null || field.getStringValue().isBlank()) {
                given.remove(name);
            } else {
                checkValue(task, subject, entry, name, field.getStringValue().trim(), departments, errors);
            }
        }
        for (Param param : entry.params()) {
            if (param.required() && !given.contains(param.name())) {
                errors.add(new FieldError(task.getId(), subject + " is missing the parameter '" + param.name() + "' ("
                        + param.labelEn() + "): fill it in in the properties panel", RULE));
            }
        }
    }

    private static void checkValue(ServiceTask task, String subject, Entry entry, String name, String value,
            Set<String> departments, List<FieldError> errors) {
        if (entry.id().equals(ServiceTaskCatalogue.NOTIFY) && name.equals("to")) {
            if (value.startsWith(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT)) {
                department(task, subject, value.substring(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT.length()),
                        departments, errors);
            } else if (!ServiceTaskCatalogue.NOTIFY_RECIPIENTS.contains(value)) {
                errors.add(new FieldError(task.getId(), subject + " notifies '" + value + "': choose one of "
                        + String.join(", ", ServiceTaskCatalogue.NOTIFY_RECIPIENTS) + " or "
                        + ServiceTaskCatalogue.DEPARTMENT_RECIPIENT + "<department>", RULE));
            }
        } else if (entry.id().equals(ServiceTaskCatalogue.ASSIGN) && name.equals("department")) {
            department(task, subject, value, departments, errors);
        } else if (entry.id().equals(ServiceTaskCatalogue.ASSIGN) && name.equals("user")
                && !USERNAME.matcher(value).matches()) {
            errors.add(new FieldError(task.getId(), subject + " assigns to '" + value + "', which is not a username:"
                    + " pick a user in the properties panel or leave it empty", RULE));
        }
    }

    private static void department(ServiceTask task, String subject, String key, Set<String> departments,
            List<FieldError> errors) {
        if (!departments.contains(key)) {
            errors.add(new FieldError(task.getId(), subject + " names department '" + key + "', which does not exist:"
                    + " pick one of " + new TreeSet<>(departments), "unknown-department"));
        }
    }

    private static String names(Entry entry) {
        return String.join(", ", entry.params().stream().map(Param::name).toList());
    }
}
