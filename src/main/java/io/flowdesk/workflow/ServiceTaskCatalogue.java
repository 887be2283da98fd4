package io.flowdesk.workflow;

import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.DelegateHelper;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The only service tasks a published BPMN may use. Each entry has an id; in BPMN it is referenced as
 * {@code flowable:delegateExpression="${fd<Id>}"} with literal {@code flowable:field} parameters.
 */
public final class ServiceTaskCatalogue {

    /** Sets process variable {@code field} to the literal {@code value} (text, number or boolean). */
    public static final String SET_FIELD = "fdSetField";

    public static final Set<String> IDS = Set.of(SET_FIELD);

    private ServiceTaskCatalogue() {
    }

    public static Map<Object, Object> delegates() {
        return Map.of(SET_FIELD, new SetField());
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
}
