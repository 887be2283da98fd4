package io.flowdesk.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.automation.Rule.Condition;
import io.flowdesk.automation.internal.Evaluator;
import io.flowdesk.automation.internal.Snapshot;
import io.flowdesk.shared.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    static Snapshot ticket() {
        return new Snapshot(1, "FD-1", "ecommerce-refund", "P3", "OPEN", "portal", List.of("customer-service"),
                List.of("agent1"), List.of("vip", "退款"), "vip", "申请退款 Straße ＲＥＦＵＮＤ", "张三",
                Json.parse("{\"refundAmount\":800,\"reason\":\"damaged\",\"items\":[\"a\",\"b\"],\"note\":\"\"}"),
                null);
    }

    static boolean holds(String field, String op, String value) {
        return Evaluator.holds(new Condition(field, op, value), ticket());
    }

    @Test
    void containsFoldsCaseWidthAndWorksForChinese() {
        assertTrue(holds("title", "contains", "退款"));
        assertTrue(holds("title", "contains", "refund"), "full-width letters fold to ASCII");
        assertTrue(holds("title", "contains", "STRASSE"), "ß folds to ss");
        assertFalse(holds("title", "contains", "换货"));
        assertTrue(holds("title", "notContains", "换货"));
        assertTrue(holds("text", "contains", "申请"));
    }

    @Test
    void equalsInListNumbersAndEmptiness() {
        assertTrue(holds("priority", "equals", "p3"));
        assertTrue(holds("priority", "notEquals", "P1"));
        assertTrue(holds("priority", "in", "P2, P3"));
        assertTrue(holds("department", "in", "finance，customer-service"), "a Chinese comma separates too");
        assertTrue(holds("tags", "equals", "退款"));
        assertTrue(holds("data.refundAmount", "gt", "500"));
        assertFalse(holds("data.refundAmount", "lt", "500"));
        assertTrue(holds("data.refundAmount", "equals", "800.0"));
        assertFalse(holds("data.reason", "gt", "100"), "a word and a number are not ordered");
        assertTrue(holds("data.note", "empty", null));
        assertTrue(holds("data.missing", "empty", null));
        assertTrue(holds("data.items", "equals", "b"));
        assertTrue(holds("firstResponse", "empty", null));
        assertTrue(holds("tier", "equals", "VIP"));
        assertTrue(holds("assignee", "notEmpty", null));
    }

    @Test
    void allAndAnyGroupsNameTheFailingCondition() {
        Condition ok = new Condition("type", "equals", "ecommerce-refund");
        Condition bad = new Condition("channel", "equals", "email");
        assertNull(Evaluator.failed(new Rule.Conditions(List.of(ok), List.of(bad, ok)), ticket()));
        assertEquals(bad, Evaluator.failed(new Rule.Conditions(List.of(ok, bad), List.of()), ticket()));
        assertEquals(bad, Evaluator.failed(new Rule.Conditions(List.of(), List.of(bad)), ticket()));
    }
}
