package io.flowdesk.templates.internal;

import io.flowdesk.workflow.ExpressionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the comparisons {@code name OP literal} and {@code literal OP name} out of a gateway condition, on the
 * tokens of {@link ExpressionRules#tokens}. Only comparisons whose operands are not part of a tighter-binding
 * expression are read (so {@code a + 1 > 5} or {@code !a == true} are not); anything else is left to the other
 * rules.
 */
final class ConditionSyntax {

    /** The kind of a literal operand. */
    enum Kind { NUMBER, STRING, BOOLEAN, NULL }

    /**
     * A literal: {@code value} is the number's text, the string without quotes, {@code true}/{@code false} or
     * {@code null}.
     */
    record Literal(Kind kind, String value, String text) {
    }

    /**
     * One comparison, normalised to {@code field op literal} with op among {@code == != < > <= >=}.
     */
    record Comparison(String field, String op, Literal literal) {

        boolean equality() {
            return op.equals("==") || op.equals("!=");
        }
    }

    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("==", "=="), Map.entry("eq", "=="),
            Map.entry("!=", "!="), Map.entry("ne", "!="), Map.entry("<", "<"), Map.entry("lt", "<"),
            Map.entry(">", ">"), Map.entry("gt", ">"), Map.entry("<=", "<="), Map.entry("le", "<="),
            Map.entry(">=", ">="), Map.entry("ge", ">="));
    private static final Map<String, String> FLIPPED = Map.of("==", "==", "!=", "!=", "<", ">", ">", "<", "<=", ">=",
            ">=", "<=");
    /** Tokens that bind looser than any comparison: an operand next to one of these stands alone. */
    private static final Set<String> LOOSE = Set.of("(", ")", "&&", "||", "and", "or", "?", ":");
    private static final Set<String> EQUALITY = Set.of("==", "!=", "eq", "ne");
    /** Around {@code <} and friends, {@code ==} binds looser too: {@code a < 5 == true} is {@code (a < 5) == true}. */
    private static final Set<String> LOOSE_FOR_ORDERING = Set.of("(", ")", "&&", "||", "and", "or", "?", ":", "==",
            "!=", "eq", "ne");
    static final Set<String> KEYWORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt",
            "le", "ge", "empty", "div", "mod", "instanceof");

    private ConditionSyntax() {
    }

    /** The body of {@code ${...}}, or null when the text is not one expression. */
    static List<String> tokens(String condition) {
        String trimmed = condition == null ? "" : condition.trim();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}")) {
            return null;
        }
        return ExpressionRules.tokens(trimmed.substring(2, trimmed.length() - 1));
    }

    /** Every comparison of a field with a literal the condition contains. */
    static List<Comparison> comparisons(String condition) {
        List<String> tokens = tokens(condition);
        List<Comparison> found = new ArrayList<>();
        if (tokens == null) {
            return found;
        }
        for (int i = 0; i < tokens.size(); i++) {
            String op = OPERATORS.get(tokens.get(i));
            if (op == null) {
                continue;
            }
            Set<String> loose = EQUALITY.contains(tokens.get(i)) ? LOOSE : LOOSE_FOR_ORDERING;
            int leftStart = literalStart(tokens, i - 1);
            int rightEnd = i + 1 < tokens.size() && tokens.get(i + 1).equals("-") ? i + 2 : i + 1;
            if (rightEnd >= tokens.size() || !stands(tokens, leftStart - 1, loose)
                    || !stands(tokens, rightEnd + 1, loose)) {
                continue;
            }
            String left = String.join("", tokens.subList(leftStart, i));
            String right = String.join("", tokens.subList(i + 1, rightEnd + 1));
            Literal leftLiteral = literal(left);
            Literal rightLiteral = literal(right);
            if (isName(left) && rightLiteral != null) {
                found.add(new Comparison(left, op, rightLiteral));
            } else if (leftLiteral != null && isName(right)) {
                found.add(new Comparison(right, FLIPPED.get(op), leftLiteral));
            }
        }
        return found;
    }

    /** The condition when it is nothing but one comparison (possibly in parentheses), else null. */
    static Comparison single(String condition) {
        List<String> tokens = tokens(condition);
        if (tokens == null) {
            return null;
        }
        int from = 0;
        int to = tokens.size();
        while (to - from > 2 && tokens.get(from).equals("(") && tokens.get(to - 1).equals(")")) {
            from++;
            to--;
        }
        int length = to - from;
        List<Comparison> found = comparisons("${" + String.join(" ", tokens.subList(from, to)) + "}");
        boolean negative = tokens.subList(from, to).contains("-");
        return found.size() == 1 && (length == 3 || length == 4 && negative) ? found.get(0) : null;
    }

    private static int literalStart(List<String> tokens, int end) {
        if (end >= 1 && tokens.get(end - 1).equals("-") && isNumber(tokens.get(end))) {
            return end - 1;
        }
        return Math.max(end, 0);
    }

    private static boolean stands(List<String> tokens, int neighbour, Set<String> loose) {
        return neighbour < 0 || neighbour >= tokens.size() || loose.contains(tokens.get(neighbour));
    }

    private static Literal literal(String token) {
        if (token.isEmpty()) {
            return null;
        }
        if (isNumber(token.startsWith("-") ? token.substring(1) : token)) {
            return new Literal(Kind.NUMBER, token, token);
        }
        char first = token.charAt(0);
        if ((first == '\'' || first == '"') && token.length() >= 2 && token.charAt(token.length() - 1) == first) {
            return new Literal(Kind.STRING, token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1"), token);
        }
        return switch (token) {
            case "true", "false" -> new Literal(Kind.BOOLEAN, token, token);
            case "null" -> new Literal(Kind.NULL, token, token);
            default -> null;
        };
    }

    static boolean isName(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') && !KEYWORDS.contains(token);
    }

    private static boolean isNumber(String token) {
        return token.matches("\\d+(?:\\.\\d+)?");
    }
}
