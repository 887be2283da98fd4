package io.flowdesk.workflow;

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

    /** Returns null when the condition is acceptable, else the reason. */
    public static String checkCondition(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}") || trimmed.indexOf("${", 2) >= 0
                || trimmed.contains("#{")) {
            return "a condition must be exactly one ${...} expression";
        }
        String body = trimmed.substring(2, trimmed.length() - 1);
        if (body.isBlank()) {
            return "the condition is empty";
        }
        Matcher matcher = TOKEN.matcher(body);
        int position = 0;
        String previous = null;
        while (position < body.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                return "unexpected character '" + body.charAt(position) + "' in condition";
            }
            String token = matcher.group();
            position = matcher.end();
            if (token.isBlank()) {
                continue;
            }
            if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
                if (FORBIDDEN_NAMES.contains(token)) {
                    return "'" + token + "' may not be used in a condition";
                }
                if (token.contains(":")) {
                    return "functions are not allowed in conditions";
                }
            }
            if (token.equals("(") && previous != null
                    && (Character.isLetterOrDigit(previous.charAt(0)) || previous.equals(")") || previous.equals("]")
                            || previous.charAt(0) == '_')
                    && !Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty").contains(previous)) {
                return "method or function calls are not allowed in conditions ('" + previous + "(')";
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

    /** True when a text contains anything the expression language would evaluate. */
    public static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }
}
