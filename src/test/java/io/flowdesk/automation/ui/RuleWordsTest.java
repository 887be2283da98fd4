package io.flowdesk.automation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.automation.Rule;
import io.flowdesk.shared.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules in words, as the list and the dry run show them: no raw codes, department and calendar names. */
class RuleWordsTest {

    private static final RuleChoices CHOICES = new RuleChoices(Map.of("it-incident", "IT incident"),
            Map.of("diagnose", "Diagnose · IT incident"), List.of(new RuleChoices.DataField("category", "Category",
                    "select", Map.of("network", "Network"))), Map.of("finance", "Finance"),
            Map.of("agent1", "Agent 1 (agent1)"), Map.of("cn-standard", "China standard working days"));

    private static RuleWords words(Locale locale) {
        return new RuleWords((key, args) -> Messages.get(locale, key, args), CHOICES);
    }

    @Test
    void aWorkingTimeTriggerReadsAsADurationOnItsCalendar() {
        Rule.Trigger t = new Rule.Trigger("TIME", null, null, null, null, "CREATED", null, 240, true, "cn-standard");
        assertEquals("4 h of working time (China standard working days) after the ticket was created",
                words(Messages.EN).trigger(t));
        assertEquals("工单创建后满 4 小时工作时间（China standard working days）", words(Messages.ZH).trigger(t));
        assertEquals("1 h 30 min", words(Messages.EN).duration(90));
        assertEquals("45 分钟", words(Messages.ZH).duration(45));
    }

    @Test
    void conditionsAndActionsNameFieldsOperatorsAndValuesInWords() {
        RuleWords en = words(Messages.EN);
        assertEquals("Title contains “退款”", en.condition(new Rule.Condition("title", "contains", "退款")));
        assertEquals("First staff response is empty", en.condition(new Rule.Condition("firstResponse", "empty",
                null)));
        assertEquals("Form: Category is not “Network”", en.condition(new Rule.Condition("data.category", "notEquals",
                "network")));
        assertEquals("Ticket type is “IT incident”", en.condition(new Rule.Condition("type", "equals", "it-incident")));
        assertEquals("route to Finance; raise priority one step; add tag vip", en.actions(List.of(
                new Rule.Action("route", null, "finance", null, null, null, null, null, null),
                new Rule.Action("priority", "raise", null, null, null, null, null, null, null),
                new Rule.Action("addTag", "vip", null, null, null, null, null, null, null))));
        assertEquals("When the step Diagnose · IT incident is completed", en.trigger(new Rule.Trigger(
                "TASK_COMPLETED", null, null, "diagnose", null, null, null, null, null, null)));
        assertEquals("状态变为已解决时", words(Messages.ZH).trigger(new Rule.Trigger("STATUS_CHANGED", null, "RESOLVED",
                null, null, null, null, null, null, null)));
    }
}
