package io.flowdesk.workflow;

import io.flowdesk.workflow.internal.OutboxListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.DelegateHelper;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The only service tasks a published BPMN may use. Each entry has an id; in BPMN it is referenced as
 * {@code flowable:delegateExpression="${fd<Id>}"} with literal {@code flowable:field} parameters.
 * {@link #ENTRIES} describes them for the designer (labels in zh-CN and en) and for the publish gate.
 */
public final class ServiceTaskCatalogue {

    /** Sets process variable {@code field} to the literal {@code value} (text, number or boolean). */
    public static final String SET_FIELD = "fdSetField";
    /** Records a notification for {@code to} with the text {@code message} (outbox kind NOTIFY). */
    public static final String NOTIFY = "fdNotify";
    /** Routes the following steps to {@code department} (and optionally {@code user}). */
    public static final String ASSIGN = "fdAssign";

    /** Process variable fdAssign sets to the department key; read by FlowDesk's routing. */
    public static final String ROUTE_DEPARTMENT = "fdRouteDepartment";
    /** Process variable fdAssign sets to the username when given; read by FlowDesk's routing. */
    public static final String ROUTE_USER = "fdRouteUser";

    /** Fixed recipients of fdNotify; besides these, {@code department:<key>} names a department. */
    public static final List<String> NOTIFY_RECIPIENTS = List.of("customer", "assignee", "watchers");
    public static final String DEPARTMENT_RECIPIENT = "department:";

    /**
     * One parameter of a catalogue entry ({@code <flowable:field name=".." stringValue=".."/>}).
     *
     * @param name the field name in BPMN
     * @param required whether the service task must set it
     * @param labelZh label in the designer, zh-CN
     * @param labelEn label in the designer, en
     */
    public record Param(String name, boolean required, String labelZh, String labelEn) {
    }

    /**
     * One service the designer may offer.
     *
     * @param id the bean name used in {@code ${...}}
     * @param labelZh label in the designer, zh-CN
     * @param labelEn label in the designer, en
     * @param params its parameters, in display order
     */
    public record Entry(String id, String labelZh, String labelEn, List<Param> params) {

        public Entry {
            params = List.copyOf(params);
        }

        /** The parameter of that name, if the entry has one. */
        public Optional<Param> param(String name) {
            return params.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(SET_FIELD, "设置字段", "Set field", List.of(
                    new Param("field", true, "字段", "Field"),
                    new Param("value", true, "值", "Value"))),
            new Entry(NOTIFY, "发送通知", "Send notification", List.of(
                    new Param("to", true, "通知对象", "Recipient"),
                    new Param("message", true, "消息", "Message"))),
            new Entry(ASSIGN, "指派", "Assign", List.of(
                    new Param("department", true, "部门", "Department"),
                    new Param("user", false, "用户", "User"))));

    public static final Set<String> IDS = ENTRIES.stream().map(Entry::id).collect(Collectors.toUnmodifiableSet());

    private ServiceTaskCatalogue() {
    }

    /** The entry with that id, if the catalogue has one. */
    public static Optional<Entry> entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The delegates by bean name; fdNotify writes to the engine outbox in the engine's transaction. */
    public static Map<Object, Object> delegates() {
        return delegates(OutboxListener::recordNotification);
    }

    static Map<Object, Object> delegates(BiConsumer<DelegateExecution, Map<String, Object>> notifications) {
        return Map.of(SET_FIELD, new SetField(), NOTIFY, new Notify(notifications), ASSIGN, new Assign());
    }

    /** The literal value of a parameter of the current service task, or null when it is not set. */
    static String parameter(DelegateExecution execution, String name) {
        FlowElement element = execution.getCurrentFlowElement();
        if (element instanceof ServiceTask task) {
            for (FieldExtension field : task.getFieldExtensions()) {
                if (name.equals(field.getFieldName())) {
                    return field.getStringValue();
                }
            }
        }
        return null;
    }

    static final class SetField implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            Expression field = DelegateHelper.getFieldExpression(execution, "field");
            Expression value = DelegateHelper.getFieldExpression(execution, "value");
            if (field == null || value == null) {
                throw new IllegalStateException("set-field needs the parameters 'field' and 'value'");
            }
            String text = value.getExpressionText();
            Object typed = switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> text.matches("-?\\d{1,15}") ? (Object) Long.valueOf(text) : text;
            };
            execution.setVariable(field.getExpressionText(), typed);
        }
    }

    /** Records {@code {"to":..,"message":..}}; sets no variables. */
    static final class Notify implements JavaDelegate {
        private final BiConsumer<DelegateExecution, Map<String, Object>> notifications;

        Notify(BiConsumer<DelegateExecution, Map<String, Object>> notifications) {
            this.notifications = notifications;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String to = parameter(execution, "to");
            String message = parameter(execution, "message");
            if (to == null || to.isBlank() || message == null || message.isBlank()) {
                throw new IllegalStateException(NOTIFY + " needs the parameters 'to' and 'message'");
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("to", to);
            payload.put("message", message);
            notifications.accept(execution, payload);
        }
    }

    /** Sets {@value #ROUTE_DEPARTMENT} and {@value #ROUTE_USER} (removed when no user is given). */
    static final class Assign implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            String department = parameter(execution, "department");
            if (department == null || department.isBlank()) {
                throw new IllegalStateException(ASSIGN + " needs the parameter 'department'");
            }
            execution.setVariable(ROUTE_DEPARTMENT, department);
            String user = parameter(execution, "user");
            if (user != null && !user.isBlank()) {
                execution.setVariable(ROUTE_USER, user);
            } else {
                // a user picked by an earlier assignment belongs to that assignment's department
                execution.removeVariable(ROUTE_USER);
            }
        }
    }
}
