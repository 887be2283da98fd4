package io.flowdesk.templates.internal;

import io.flowdesk.shared.Text;
import io.flowdesk.workflow.ExpressionRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one grammar a gateway condition may use: exactly what the run-time sandbox evaluates without an error
 * (issue 15, ADR 0041; proven by {@code ConditionGrammarPropertyTest}).
 *
 * <pre>
 * condition  := or                      (a definite yes/no: never a bare field, which is null until filled in)
 * or         := and (("||" | "or") and)*
 * and        := comparison (("&&" | "and") comparison)*
 * comparison := unary (op unary)?       op: == != &lt; &gt; &lt;= &gt;= eq ne lt gt le ge
 * unary      := ("!" | "not") unary | "empty" unary | operand
 * operand    := "(" or ")" | literal | name
 * literal    := 'text' | "text" | number | "-" number | true | false | null
 * </pre>
 *
 * Names are the fields of the forms filled before the gateway and FlowDesk's own values, each with the type its
 * values have at run time. {@code && || !} need yes/no operands; {@code == !=} two values of one type, or one of
 * them {@code null}; ordering two numbers or two texts. No property access, calls, indexing, arithmetic or other
 * names. A text literal may only escape {@code \\ \' \"}.
 */
public final class ConditionGrammar {

    /** The type of a value at run time; a field of no declared type is {@code ANY}, a list or group {@code LIST}. */
    public enum Type { BOOLEAN, NUMBER, STRING, NULL, LIST, ANY }

    /**
     * A name a condition may use.
     *
     * @param type its values' type
     * @param nullable whether it may be unset (form fields) or is always set (FlowDesk's own values)
     * @param label how messages name it
     */
    public record Name(Type type, boolean nullable, Text label) {
    }

    private static final Set<String> EQUALITY = Set.of("==", "!=", "eq", "ne");
    private static final Set<String> ORDER = Set.of("<", ">", "<=", ">=", "lt", "gt", "le", "ge");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "empty", "true", "false", "null", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof", "function");

    /** What is wrong, as a whole sentence once the flow is put in (its first argument). */
    private static final class Problem extends RuntimeException {
        private final transient String key;
        private final transient Object[] args;

        Problem(String key, Object... args) {
            super(null, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private record Operand(Type type, boolean nullable, Text label) {
    }

    private final List<String> tokens;
    private final Map<String, Name> names;
    private int at;

    private ConditionGrammar(List<String> tokens, Map<String, Name> names) {
        this.tokens = tokens;
        this.names = names;
    }

    /**
     * Null when the condition ({@code ${…}}) fits the grammar and its types; else the problem, naming the flow by
     * {@code flow}.
     */
    public static Text problem(String condition, Map<String, Name> names, Text flow) {
        String trimmed = condition == null ? "" : condition.trim();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}")) {
            return Text.of("lint.grammar.oneExpression", flow, "${…}");
        }
        List<String> tokens = ExpressionRules.tokens(trimmed.substring(2, trimmed.length() - 1));
        if (tokens == null) {
            return Text.of("lint.grammar.character", flow);
        }
        if (tokens.isEmpty()) {
            return Text.of("lint.grammar.end", flow);
        }
        ConditionGrammar parser = new ConditionGrammar(tokens, names);
        try {
            Operand result = parser.or();
            if (parser.at < tokens.size()) {
                throw new Problem("lint.grammar.token", tokens.get(parser.at));
            }
            if (result.type() == Type.BOOLEAN && result.nullable()) {
                throw new Problem("lint.grammar.bare", result.label(), trimmed.substring(0, trimmed.length() - 1)
                        + " == true}");
            }
            if (result.type() != Type.BOOLEAN) {
                throw new Problem("lint.grammar.result", result.label());
            }
            return null;
        } catch (Problem p) {
            Object[] args = new Object[p.args.length + 1];
            args[0] = flow;
            System.arraycopy(p.args, 0, args, 1, p.args.length);
            return Text.of(p.key, args);
        }
    }

    private Operand or() {
        Operand left = and();
        while (accept("||") || accept("or")) {
            yesNo(left);
            yesNo(and());
            left = result();
        }
        return left;
    }

    private Operand and() {
        Operand left = comparison();
        while (accept("&&") || accept("and")) {
            yesNo(left);
            yesNo(comparison());
            left = result();
        }
        return left;
    }

    /** As in EL, a comparison binds looser than {@code ! not empty}: {@code !a == b} is {@code (!a) == b}. */
    private Operand comparison() {
        Operand left = unary();
        String op = peek();
        if (op != null && (EQUALITY.contains(op) || ORDER.contains(op))) {
            at++;
            compare(left, op, unary());
            return result();
        }
        return left;
    }

    private Operand unary() {
        if (accept("!") || accept("not")) {
            yesNo(unary());
            return result();
        }
        if (accept("empty")) {
            unary();
            return result();
        }
        return operand();
    }

    private Operand operand() {
        String token = next();
        if (token.equals("(")) {
            Operand inner = or();
            expect(")");
            return inner;
        }
        if (token.equals("-") && peek() != null && Character.isDigit(peek().charAt(0))) {
            return literal(Type.NUMBER, "-" + next());
        }
        char first = token.charAt(0);
        if (first == '\'' || first == '"') {
            if (!plainEscapes(token)) {
                throw new Problem("lint.grammar.escape", token);
            }
            return literal(Type.STRING, token);
        }
        if (Character.isDigit(first)) {
            return literal(Type.NUMBER, token);
        }
        switch (token) {
            case "true", "false" -> {
                return literal(Type.BOOLEAN, token);
            }
            case "null" -> {
                return literal(Type.NULL, token);
            }
            default -> {
            }
        }
        if (!Character.isLetter(first) && first != '_' || WORDS.contains(token)) {
            throw new Problem("lint.grammar.token", token);
        }
        if ("(".equals(peek())) {
            throw new Problem("lint.grammar.call", token);
        }
        Name name = names.get(token);
        if (name == null || ExpressionRules.isForbiddenName(token)) {
            throw new Problem("lint.grammar.name", token);
        }
        if (".".equals(peek()) || "[".equals(peek())) {
            at++;
            String property = peek() == null ? "" : peek();
            throw new Problem("lint.grammar.property", name.label(), property, token);
        }
        return new Operand(name.type(), name.nullable(), name.label());
    }

    /** JUEL knows only these escapes in a text literal; anything else after a backslash fails to parse. */
    private static boolean plainEscapes(String literal) {
        for (int i = 1; i < literal.length() - 1; i++) {
            if (literal.charAt(i) == '\\') {
                char escaped = literal.charAt(++i);
                if (i >= literal.length() - 1 || escaped != '\\' && escaped != '\'' && escaped != '"') {
                    return false;
                }
            }
        }
        return true;
    }

    private static void compare(Operand left, String op, Operand right) {
        Type a = left.type();
        Type b = right.type();
        if (EQUALITY.contains(op)) {
            if (a == Type.NULL || b == Type.NULL) {
                return;
            }
            if (a == Type.LIST || b == Type.LIST || a == Type.ANY || b == Type.ANY) {
                Operand odd = a == Type.LIST || a == Type.ANY ? left : right;
                throw new Problem("lint.grammar.onlyEmpty", odd.label());
            }
            if (a != b) {
                throw new Problem("lint.grammar.mismatch", left.label(), right.label());
            }
            return;
        }
        if (a != b || a != Type.NUMBER && a != Type.STRING) {
            throw new Problem("lint.grammar.order", op, left.label(), right.label());
        }
    }

    private static void yesNo(Operand operand) {
        if (operand.type() != Type.BOOLEAN) {
            throw new Problem("lint.grammar.notYesNo", operand.label());
        }
    }

    private Operand result() {
        return new Operand(Type.BOOLEAN, false, Text.of("lint.grammar.part"));
    }

    private static Operand literal(Type type, String text) {
        return new Operand(type, type == Type.NULL, Text.of("lint.field.key", text));
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new Problem("lint.grammar.end");
        }
        return tokens.get(at++);
    }

    private boolean accept(String token) {
        if (token.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw peek() == null ? new Problem("lint.grammar.end") : new Problem("lint.grammar.token", peek());
        }
    }
}
