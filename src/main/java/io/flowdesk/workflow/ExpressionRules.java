package io.flowdesk.workflow;

import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static check of the expressions a published BPMN may contain (gateway conditions only): variables,
 * literals, comparison and boolean operators, member access on data and parentheses for grouping. No
 * method or function calls, no reaching the engine. The run-time sandbox enforces the same again.
 */
public final class ExpressionRules {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*"
                    + "|==|!=|<=|>=|&&|\\|\\||[<>!().\\[\\]+\\-*/%?:]");
    private static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "execution", "task",
            "variableContainer", "authenticatedUserId", "runtimeService", "taskService", "processEngine",
            "applicationContext", "java", "javax", "jakarta", "forName", "newInstance", "invoke", "getRuntime",
            "exec", "System", "Runtime", "T", "classLoader", "getClassLoader", "declaredMethods", "getDeclaredMethod",
            "getMethod", "constructor");

    private ExpressionRules() {
    }

    /** Returns null when the condition is acceptable, else the reason in English (for logs; see {@link #conditionProblem}). */
    public static String checkCondition(String text) {
        Text problem = conditionProblem(text);
        return problem == null ? null : problem.in(Messages.EN);
    }

    /** Returns null when the condition is acceptable, else the reason, to be put into the reader's language. */
    public static Text conditionProblem(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}") || trimmed.indexOf("${", 2) >= 0
                || trimmed.contains("#{")) {
            return Text.of("workflow.condition.oneExpression");
        }
        String body = trimmed.substring(2, trimmed.length() - 1);
        if (body.isBlank()) {
            return Text.of("workflow.condition.empty");
        }
        Matcher matcher = TOKEN.matcher(body);
        int position = 0;
        String previous = null;
        while (position < body.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                return Text.of("workflow.condition.character", String.valueOf(body.charAt(position)));
            }
            String token = matcher.group();
            position = matcher.end();
            if (token.isBlank()) {
                continue;
            }
            if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
                if (FORBIDDEN_NAMES.contains(token)) {
                    return Text.of("workflow.condition.forbiddenName", token);
                }
                if (token.contains(":")) {
                    return Text.of("workflow.condition.function");
                }
            }
            if (token.equals("(") && previous != null
                    && (Character.isLetterOrDigit(previous.charAt(0)) || previous.equals(")") || previous.equals("]")
                            || previous.charAt(0) == '_')
                    && !Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty").contains(previous)) {
                return Text.of("workflow.condition.call", previous + "(");
            }
            previous = token;
        }
        return null;
    }

    /**
     * The tokens of a condition body (the text inside {@code ${...}}), whitespace dropped: names, numbers, quoted
     * strings and operators, in order. Returns null when the body contains a character no token matches.
     */
    public static List<String> tokens(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(body);
        int position = 0;
        while (position < body.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                return null;
            }
            if (!matcher.group().isBlank()) {
                tokens.add(matcher.group());
            }
            position = matcher.end();
        }
        return tokens;
    }

    /** True for names that reach the engine or Java (execution, getClass, …): never a field, never resolved. */
    public static boolean isForbiddenName(String name) {
        return FORBIDDEN_NAMES.contains(name);
    }

    /** True when a text contains anything the expression language would evaluate. */
    public static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }
}
