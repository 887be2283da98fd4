package io.flowdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
