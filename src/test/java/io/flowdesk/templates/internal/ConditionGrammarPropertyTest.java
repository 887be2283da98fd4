package io.flowdesk.templates.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.internal.ConditionGrammar.Name;
import io.flowdesk.templates.internal.ConditionGrammar.Type;
import io.flowdesk.workflow.internal.SandboxExpressionManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flowable.common.engine.impl.el.VariableContainerWrapper;
import org.junit.jupiter.api.Test;

/**
 * The publish gate and the run-time sandbox agree (issue 15): conditions are generated from a grammar wider than the
 * gate's (any operand with any operator, so many are ill-typed), with a seeded {@link Random}; every one the gate
 * accepts must evaluate in the real sandbox to a yes/no — as Flowable's gateway requires — against generated
 * values (unset, null, or of the field's type). Generated forbidden shapes (property access, calls, indexing,
 * arithmetic, unknown or engine names, …) must be rejected. Figures are printed.
 */
class ConditionGrammarPropertyTest {

    private static final long SEED = 20261204L;
    private static final int CASES = 12_000;
    private static final String[] STRINGS = {"", "a", "P1", "P2", "it's", "say \"hi\"", "back\\slash", "}", "${x}",
            "退款", "2026-12-04", " ", "null", "true"};
    private static final String[] OPS = {"==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge"};
    private static final Text FLOW = Text.of("lint.element", Text.of("lint.kind.lower.sequenceFlow"),
            Text.literal("f1"));

    private final Random random = new Random(SEED);
    private final SandboxExpressionManager sandbox = new SandboxExpressionManager(new HashMap<>());
    private Map<String, Name> names;

    @Test
    void everyConditionTheGateAcceptsEvaluatesInTheSandbox() {
        int accepted = 0;
        int evaluations = 0;
        for (int i = 0; i < CASES; i++) {
            names = randomNames();
            String condition = "${" + expression(0) + "}";
            Text problem = ConditionGrammar.problem(condition, names, FLOW);
            if (problem != null) {
                assertReadable(problem, condition);
                continue;
            }
            accepted++;
            for (int v = 0; v < 3; v++) {
                Map<String, Object> values = randomValues();
                Object result;
                try {
                    result = sandbox.createExpression(condition).getValue(new VariableContainerWrapper(values));
                } catch (RuntimeException e) {
                    throw new AssertionError("accepted by the gate but failed in the sandbox: " + condition + " with "
                            + values + " (" + names + "): " + e, e);
                }
                if (!(result instanceof Boolean)) {
                    fail("accepted by the gate but not yes/no in the sandbox: " + condition + " with " + values
                            + " gave " + result);
                }
                evaluations++;
            }
        }
        System.out.printf("condition grammar: %d generated, %d accepted, %d sandbox evaluations, seed %d%n", CASES,
                accepted, evaluations, SEED);
        assertTrue(accepted >= CASES / 5, "the generator must reach the accepted side often: " + accepted);
        assertTrue(accepted <= CASES * 9 / 10, "and the rejected side too: " + accepted);
    }

    @Test
    void generatedForbiddenShapesAreRejected() {
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            names = randomNames();
            String good = acceptedCondition();
            String field = fieldName(random.nextInt(names.size()));
            String evil = forbidden(field);
            String body = good.substring(2, good.length() - 1);
            String condition = switch (random.nextInt(4)) {
                case 0 -> "${(" + body + ") && " + evil + "}";
                case 1 -> "${" + evil + " || (" + body + ")}";
                case 2 -> "${" + evil + "}";
                default -> "${!(" + evil + " == 'x') && (" + body + ")}";
            };
            Text problem = ConditionGrammar.problem(condition, names, FLOW);
            assertNotNull(problem, "a forbidden shape passed the gate: " + condition);
            assertReadable(problem, condition);
            rejected++;
        }
        System.out.printf("condition grammar: %d forbidden shapes generated, %d rejected%n", CASES, rejected);
    }

    /** The problem reads as a sentence naming the flow in both languages. */
    private static void assertReadable(Text problem, String condition) {
        for (Locale locale : List.of(Messages.EN, Messages.ZH)) {
            String words = problem.in(locale);
            assertTrue(words.contains("f1") && !words.contains("lint.grammar"), condition + " → " + words);
        }
    }

    private String acceptedCondition() {
        while (true) {
            String condition = "${" + expression(0) + "}";
            if (ConditionGrammar.problem(condition, names, FLOW) == null) {
                return condition;
            }
        }
    }

    private String forbidden(String field) {
        return switch (random.nextInt(16)) {
            case 0 -> field + ".bytes != null";
            case 1 -> field + ".empty";
            case 2 -> field + ".getClass().getName() == 'java.lang.String'";
            case 3 -> field + ".length() > 2";
            case 4 -> field + "[0] == 'a'";
            case 5 -> field + " + 1 > 2";
            case 6 -> "unknownField == 'a'";
            case 7 -> "execution.processInstanceId != null";
            case 8 -> field + " ? true : false";
            case 9 -> "fn:contains(" + field + ", 'a')";
            case 10 -> "'a'.concat('b') == 'ab'";
            case 11 -> field + "() == 1";
            case 12 -> "T(java.lang.Runtime).getRuntime() != null";
            case 13 -> field + " * 2 == 4";
            case 14 -> field + " instanceof java.lang.String";
            default -> field + " mod 2 == 0";
        };
    }

    private Map<String, Name> randomNames() {
        Map<String, Name> result = new LinkedHashMap<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            Type type = List.of(Type.BOOLEAN, Type.BOOLEAN, Type.NUMBER, Type.NUMBER, Type.STRING, Type.STRING,
                    Type.LIST, Type.ANY).get(random.nextInt(8));
            result.put("f" + i + type.name().toLowerCase(Locale.ROOT), new Name(type, true, Text.of("lint.field.key",
                    "f" + i)));
        }
        result.put("ticketPriority", new Name(Type.STRING, false, Text.of("lint.field.key", "ticketPriority")));
        result.put("ticketId", new Name(Type.NUMBER, false, Text.of("lint.field.key", "ticketId")));
        return result;
    }

    private String fieldName(int index) {
        return new ArrayList<>(names.keySet()).get(index);
    }

    private Map<String, Object> randomValues() {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Name> name : names.entrySet()) {
            if (name.getValue().nullable()) {
                int roll = random.nextInt(10);
                if (roll == 0) {
                    continue; // not filled in: no variable at all
                }
                if (roll == 1) {
                    values.put(name.getKey(), null);
                    continue;
                }
            }
            values.put(name.getKey(), value(name.getValue().type()));
        }
        return values;
    }

    private Object value(Type type) {
        return switch (type) {
            case BOOLEAN -> random.nextBoolean();
            case NUMBER -> random.nextBoolean() ? (Object) (long) (random.nextInt(2001) - 1000)
                    : (Object) (random.nextInt(200_001) / 100.0 - 1000);
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
            case LIST -> {
                if (random.nextBoolean()) {
                    ArrayNode list = Json.MAPPER.createArrayNode();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        list.add(STRINGS[random.nextInt(STRINGS.length)]);
                    }
                    yield list;
                }
                ObjectNode group = Json.MAPPER.createObjectNode();
                group.put("name", "x");
                yield group;
            }
            default -> value(List.of(Type.BOOLEAN, Type.NUMBER, Type.STRING, Type.LIST).get(random.nextInt(4)));
        };
    }

    /** Any expression of the wider grammar: the gate decides which of them are well-typed. */
    private String expression(int depth) {
        int roll = random.nextInt(depth > 3 ? 3 : 8);
        return switch (roll) {
            case 0, 1 -> comparison();
            case 2 -> operand();
            case 3 -> expression(depth + 1) + (random.nextBoolean() ? " && " : " and ") + expression(depth + 1);
            case 4 -> expression(depth + 1) + (random.nextBoolean() ? " || " : " or ") + expression(depth + 1);
            case 5 -> (random.nextBoolean() ? "!" : "not ") + unaryTarget(depth + 1);
            case 6 -> "empty " + operand();
            default -> "(" + expression(depth + 1) + ")";
        };
    }

    private String unaryTarget(int depth) {
        return random.nextBoolean() ? operand() : "(" + expression(depth) + ")";
    }

    /** Mostly a field with a literal of its own type, sometimes anything with anything. */
    private String comparison() {
        String field = fieldName(random.nextInt(names.size()));
        String op = OPS[random.nextInt(OPS.length)];
        if (random.nextInt(4) > 0) {
            String literal = random.nextInt(10) == 0 ? "null" : literal(names.get(field).type());
            return random.nextBoolean() ? field + " " + op + " " + literal : literal + " " + op + " " + field;
        }
        return side() + " " + op + " " + side();
    }

    /** An operand, sometimes under a prefix that EL binds tighter than the comparison ({@code !a == b}). */
    private String side() {
        return switch (random.nextInt(8)) {
            case 0 -> "!" + operand();
            case 1 -> "empty " + operand();
            default -> operand();
        };
    }

    private String operand() {
        if (random.nextInt(3) > 0) {
            return fieldName(random.nextInt(names.size()));
        }
        return literal(List.of(Type.BOOLEAN, Type.NUMBER, Type.STRING, Type.NULL).get(random.nextInt(4)));
    }

    private String literal(Type type) {
        return switch (type) {
            case BOOLEAN -> Boolean.toString(random.nextBoolean());
            case NUMBER -> switch (random.nextInt(3)) {
                case 0 -> Integer.toString(random.nextInt(1000));
                case 1 -> "-" + random.nextInt(1000);
                default -> random.nextInt(1000) + "." + random.nextInt(100);
            };
            case STRING -> quote(STRINGS[random.nextInt(STRINGS.length)]);
            case NULL -> "null";
            default -> random.nextBoolean() ? quote("a") : Integer.toString(random.nextInt(10));
        };
    }

    private String quote(String text) {
        if (random.nextBoolean()) {
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
