package io.flowdesk.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of FEEL (Camunda 8) that FlowDesk can take over: comparisons of variables and literals joined
 * with {@code and} / {@code or}, {@code not(...)} and parentheses, rewritten as one JUEL {@code ${...}}; and
 * literal lists of group names. Anything else (functions, ranges, arithmetic, contexts) is refused.
 */
final class FeelCondition {

    private static final Pattern TOKEN = Pattern.compile("\\s+|\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?"
            + "|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*|<=|>=|!=|[<>=()]");
    private static final Map<String, String> COMPARISONS = Map.of("=", "==", "!=", "!=", "<", "<", ">", ">",
            "<=", "<=", ">=", ">=");
    private static final Set<String> LITERALS = Set.of("true", "false", "null");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "between", "instance", "of", "if",
            "then", "else", "for", "some", "every", "satisfies", "function", "return");
    private static final Pattern STRING_LIST = Pattern.compile(
            "\\[\\s*(\"[^\"\\\\]*\"(?:\\s*,\\s*\"[^\"\\\\]*\")*)?\\s*]|\"[^\"\\\\]*\"");

    private final List<String> tokens;
    private final StringBuilder out = new StringBuilder();
    private int position;

    private FeelCondition(List<String> tokens) {
        this.tokens = tokens;
    }

    /** {@code amount > 500 and approved} → {@code ${amount > 500 && approved}}; null when not in the subset. */
    static String toJuel(String feel) {
        List<String> tokens = tokenize(feel);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        FeelCondition parser = new FeelCondition(tokens);
        if (!parser.expression() || parser.position != tokens.size()) {
            return null;
        }
        return "${" + parser.out + "}";
    }

    /** {@code ["a","b"]} or {@code "a"} → the names; null when the FEEL text is anything else. */
    static List<String> stringList(String feel) {
        String text = feel.trim();
        if (!STRING_LIST.matcher(text).matches()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            names.add(m.group(1).trim());
        }
        return names;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return null;
            }
            if (!matcher.group().isBlank()) {
                tokens.add(matcher.group());
            }
            at = matcher.end();
        }
        return tokens;
    }

    private boolean expression() {
        if (!term()) {
            return false;
        }
        while (peek("and") || peek("or")) {
            out.append(tokens.get(position++).equals("and") ? " && " : " || ");
            if (!term()) {
                return false;
            }
        }
        return true;
    }

    private boolean term() {
        if (peek("not")) {
            position++;
            if (!peek("(")) {
                return false;
            }
            out.append('!');
        }
        if (peek("(")) {
            position++;
            out.append('(');
            if (!expression() || !peek(")")) {
                return false;
            }
            position++;
            out.append(')');
            return true;
        }
        if (!operand()) {
            return false;
        }
        String op = position < tokens.size() ? COMPARISONS.get(tokens.get(position)) : null;
        if (op != null) {
            position++;
            out.append(' ').append(op).append(' ');
            return operand();
        }
        return true;
    }

    private boolean operand() {
        if (position >= tokens.size()) {
            return false;
        }
        String token = tokens.get(position);
        char first = token.charAt(0);
        boolean name = Character.isLetter(first) || first == '_';
        boolean literal = first == '"' || first == '-' || Character.isDigit(first) || LITERALS.contains(token);
        if ((!name && !literal) || RESERVED.contains(token)) {
            return false;
        }
        position++;
        out.append(token);
        return true;
    }

    private boolean peek(String token) {
        return position < tokens.size() && tokens.get(position).equals(token);
    }
}
