package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.ExpressionRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one grammar a gateway condition may use, checked with the types of the forms' fields, so that every condition
 * the publish gate accepts evaluates in the run-time sandbox without an error (issue 15; proven by
 * {@code ConditionGrammarPropertyTest}):
 *
 * <pre>
 * condition  := or
 * or         := and (("||" | "or") and)*
 * and        := unary (("&&" | "and") unary)*
 * unary      := ("!" | "not") unary | "empty" operand | comparison
 * comparison := operand (("==" | "!=" | "<" | ">" | "<=" | ">=" | "eq" | "ne" | "lt" | "gt" | "le" | "ge") operand)?
 * operand    := "(" or ")" | literal | field ("." property)*
 * literal    := 'text' | "text" | number | "-" number | true | false | null
 * </pre>
 *
 * Types: a field's JSON Schema type (a property of a group field has its own); {@code and}, {@code or}, {@code !} and
 * the whole condition need yes/no values; {@code ==}/{@code !=} need two values of one type (or null); {@code <}
 * and friends need two numbers or two texts. No arithmetic, calls, indexing or other names. A field that was not
 * filled in is null at run time (the sandbox resolves known names without a value to null).
 */
final class ConditionGrammar {

    enum Type { BOOLEAN, NUMBER, STRING, NULL, OBJECT, ARRAY, ANY }

    private static final Set<String> EQUALITY = Set.of("==", "!=", "eq", "ne");
    private static final Set<String> ORDER = Set.of("<", ">", "<=", ">=", "lt", "gt", "le", "ge");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "empty", "true", "false", "null", "eq", "ne",
            "lt", "gt", "le", "ge");

    /** A problem found, as the end of the sentence "The condition of {flow} …". */
    static final class Problem extends RuntimeException {
        final transient Text text;

        Problem(Text text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private record Operand(Type type, JsonNode schema, Text label) {
    }

    private final List<String> tokens;
    private final Map<String, JsonNode> fields;
    private final Map<String, List<ConditionRules.FieldDef>> defs;
    private int at;

    private ConditionGrammar(List<String> tokens, Map<String, JsonNode> fields,
            Map<String, List<ConditionRules.FieldDef>> defs) {
        this.tokens = tokens;
        this.fields = fields;
        this.defs = defs;
    }

    /**
     * Null when the condition ({@code ${…}}) fits the grammar and its types; else what is wrong. {@code fields}: the
     * schema of every name the condition may use (form fields and FlowDesk's built-ins); {@code defs} name them.
     */
    static Text problem(String condition, Map<String, JsonNode> fields, Map<String, List<ConditionRules.FieldDef>> defs) {
        String trimmed = condition == null ? "" : condition.trim();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}")) {
            return Text.of("lint.grammar.token", trimmed);
        }
        List<String> tokens = ExpressionRules.tokens(trimmed.substring(2, trimmed.length() - 1));
        if (tokens == null || tokens.isEmpty()) {
            return Text.of("lint.grammar.end");
        }
        ConditionGrammar parser = new ConditionGrammar(tokens, fields, defs);
        try {
            Operand result = parser.or();
            if (parser.at < tokens.size()) {
                throw new Problem(Text.of("lint.grammar.token", tokens.get(parser.at)));
            }
            parser.bool(result);
            return null;
        } catch (Problem p) {
            return p.text;
        }
    }

    private Operand or() {
        Operand left = and();
        while (accept("||") || accept("or")) {
            bool(left);
            left = bool(and());
        }
        return left;
    }

    private Operand and() {
        Operand left = unary();
        while (accept("&&") || accept("and")) {
            bool(left);
            left = bool(unary());
        }
        return left;
    }

    private Operand unary() {
        if (accept("!") || accept("not")) {
            return bool(unary());
        }
        if (accept("empty")) {
            operand();
            return yesNo();
        }
        Operand left = operand();
        String op = peek();
        if (op != null && (EQUALITY.contains(op) || ORDER.contains(op))) {
            at++;
            Operand right = operand();
            compare(left, op, right);
            return yesNo();
        }
        return left;
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
            return literal(Type.STRING, token);
        }
        if (Character.isDigit(first)) {
            return literal(Type.NUMBER, token);
        }
        if (token.equals("true") || token.equals("false")) {
            return literal(Type.BOOLEAN, token);
        }
        if (token.equals("null")) {
            return literal(Type.NULL, token);
        }
        if (!Character.isLetter(first) && first != '_' || WORDS.contains(token)) {
            throw new Problem(Text.of("lint.grammar.token", token));
        }
        JsonNode schema = fields.get(token);
        if (schema == null || ExpressionRules.isForbiddenName(token)) {
            throw new Problem(Text.of("lint.grammar.name", token));
        }
        Operand field = new Operand(type(schema), schema, ConditionRules.fieldLabel(token, defs));
        while (accept(".")) {
            String property = next();
            JsonNode inner = field.type() == Type.OBJECT ? field.schema().path("properties").get(property) : null;
            if (inner == null) {
                throw new Problem(Text.of("lint.grammar.property", field.label(), property));
            }
            field = new Operand(type(inner), inner, Text.of("lint.grammar.part", field.label(), property));
        }
        return field;
    }

    private void compare(Operand left, String op, Operand right) {
        Type a = left.type();
        Type b = right.type();
        if (a == Type.OBJECT || a == Type.ARRAY || b == Type.OBJECT || b == Type.ARRAY) {
            throw new Problem(Text.of("lint.grammar.mismatch", left.label(), right.label()));
        }
        if (EQUALITY.contains(op)) {
            // a field of no declared type may hold anything: it can only be compared with null
            if (a != b && a != Type.NULL && b != Type.NULL || a == Type.ANY && b != Type.NULL
                    || b == Type.ANY && a != Type.NULL) {
                throw new Problem(Text.of("lint.grammar.mismatch", left.label(), right.label()));
            }
            return;
        }
        if (a != b || a != Type.NUMBER && a != Type.STRING) {
            throw new Problem(Text.of("lint.grammar.order", op, left.label(), right.label()));
        }
    }

    private Operand bool(Operand operand) {
        if (operand.type() != Type.BOOLEAN && operand.type() != Type.NULL) {
            throw new Problem(Text.of("lint.grammar.notYesNo", operand.label()));
        }
        return operand;
    }

    private static Operand yesNo() {
        return new Operand(Type.BOOLEAN, null, Text.of("lint.grammar.result"));
    }

    private static Operand literal(Type type, String text) {
        return new Operand(type, null, Text.of("lint.field.key", text));
    }

    static Type type(JsonNode schema) {
        String type = ConditionRules.type(schema);
        if (type == null) {
            return Type.ANY;
        }
        return switch (type) {
            case "boolean" -> Type.BOOLEAN;
            case "number", "integer" -> Type.NUMBER;
            case "string" -> Type.STRING;
            case "object" -> Type.OBJECT;
            case "array" -> Type.ARRAY;
            default -> Type.ANY;
        };
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new Problem(Text.of("lint.grammar.end"));
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
            throw new Problem(peek() == null ? Text.of("lint.grammar.end") : Text.of("lint.grammar.token", peek()));
        }
    }
}
