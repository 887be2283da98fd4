package io.flowdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionRulesTest {

    @Test
    void plainDataConditionsPass() {
        assertNull(ExpressionRules.checkCondition("${refundAmount > 500}"));
        assertNull(ExpressionRules.checkCondition("${accepted && refundAmount > 500}"));
        assertNull(ExpressionRules.checkCondition("${!passed}"));
        assertNull(ExpressionRules.checkCondition("${ticketPriority == 'P1' || (a >= 2 and not b)}"));
        assertNull(ExpressionRules.checkCondition("${address.city == \"上海\"}"));
    }

    @Test
    void methodCallsAndEngineAccessAreRejected() {
        assertNotNull(ExpressionRules.checkCondition("${x.getClass()}"));
        assertNotNull(ExpressionRules.checkCondition("${''.class.forName('java.lang.Runtime')}"));
        assertNotNull(ExpressionRules.checkCondition("${execution.processInstanceId == 'x'}"));
        assertNotNull(ExpressionRules.checkCondition("${variables:get(x)}"));
        assertNotNull(ExpressionRules.checkCondition("${a} ${b}"));
        assertNotNull(ExpressionRules.checkCondition("#{a}"));
        assertNotNull(ExpressionRules.checkCondition("${a ; b}"));
    }

    @Test
    void tokensSplitAConditionBody() {
        assertEquals(List.of("accepted", "&&", "refundAmount", ">=", "500.5"),
                ExpressionRules.tokens("accepted && refundAmount >= 500.5"));
        assertEquals(List.of("reason", "eq", "'it\\'s'"), ExpressionRules.tokens("reason eq 'it\\'s'"));
        assertEquals(List.of("(", "a", "!=", "\"x y\"", ")"), ExpressionRules.tokens("(a != \"x y\")"));
        assertNull(ExpressionRules.tokens("a ; b"));
    }
}
