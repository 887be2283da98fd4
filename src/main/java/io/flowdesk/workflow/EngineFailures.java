package io.flowdesk.workflow;

import io.flowdesk.shared.Text;
import io.flowdesk.workflow.internal.SandboxRefusal;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;

/**
 * Sorts what went wrong inside the engine into permanent (the flow itself cannot run: trying again changes nothing)
 * and passing (a lock, a lost connection), and says it in catalogue words: never the engine's English, class names
 * or SQL (ADR 0041).
 */
final class EngineFailures {

    private static final Pattern EXPRESSION = Pattern.compile("(\\$\\{.*?})");

    private EngineFailures() {
    }

    /** {@code model}: the BPMN of the flow that failed, to find the expression the engine does not name. */
    static ProcessFailed classify(RuntimeException e, Supplier<BpmnModel> model) {
        if (passing(e)) {
            return new ProcessFailed(Text.of("workflow.failed.passing"), false, e);
        }
        String expression = expression(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SandboxRefusal refusal) {
                if (expression == null) {
                    expression = condition(model, refusal.subject());
                }
                return new ProcessFailed(Text.of("workflow.failed." + refusal.kind(), shown(expression),
                        refusal.subject()), true, e);
            }
        }
        if (!permanent(e)) {
            return new ProcessFailed(Text.of("workflow.failed.passing"), false, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("non-Boolean") || message.contains("returns null")) {
            return new ProcessFailed(Text.of("workflow.failed.notYesNo", shown(expression)), true, e);
        }
        return new ProcessFailed(expression == null ? Text.of("workflow.failed.other")
                : Text.of("workflow.failed.expression", expression), true, e);
    }

    private static boolean passing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlowableOptimisticLockingException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().matches("(08|40|53|57).*")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlowableException || t.getClass().getName().endsWith(".ELException")
                    || t instanceof IllegalArgumentException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The designer's own expression the engine names in its message, if any. */
    private static String expression(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = EXPRESSION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The first condition of the flow that reads or calls {@code subject}: what the sandbox refused. */
    private static String condition(Supplier<BpmnModel> model, String subject) {
        try {
            Pattern use = Pattern.compile("[.\\[]\\s*'?" + Pattern.quote(subject) + "\\b|\\b" + Pattern.quote(subject)
                    + "\\s*\\(");
            for (SequenceFlow flow : model.get().getMainProcess().findFlowElementsOfType(SequenceFlow.class)) {
                String condition = flow.getConditionExpression();
                if (condition != null && use.matcher(condition).find()) {
                    return condition.trim();
                }
            }
        } catch (RuntimeException notFound) {
            // the reason is still told, without the expression
        }
        return null;
    }

    private static String shown(String expression) {
        return expression == null ? "" : expression;
    }
}
