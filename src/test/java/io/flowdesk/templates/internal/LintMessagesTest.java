package io.flowdesk.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lint and publish-gate messages read in the reader's language, naming elements by their name in it. */
public class LintMessagesTest {

    @Test
    void anUnreachableStepIsNamedInChineseAndInEnglish() {
        String body = PublishGateTest.VALID_BODY + """
                <userTask id="orphan" name="复核" flowdesk:nameEn="Second look" flowable:formKey="test-form"
                          flowable:candidateGroups="finance"/>""";
        FieldError error = only(PublishGateTest.check(PublishGateTest.bpmn(body)), "orphan", "unreachable");
        assertEquals("从开始无法到达用户任务“复核”：请用连线连接它或将其删除", error.message(Messages.ZH));
        assertEquals("User task 'Second look' cannot be reached from the start: connect it with a flow or remove it",
                error.message(Messages.EN));
    }

    @Test
    void aStepWithoutAnEnglishNameIsNamedByItsOnlyName() {
        String body = PublishGateTest.VALID_BODY.replace(" flowable:candidateGroups=\"finance\"", "");
        FieldError error = only(PublishGateTest.check(PublishGateTest.bpmn(body)), "approve", "user-task-group");
        assertEquals("用户任务“审批”没有部门：请在属性面板中选择处理此步骤的部门", error.message(Messages.ZH));
        assertEquals("User task '审批' has no department: pick the department that works on it in the properties panel",
                error.message(Messages.EN));
    }

    @Test
    void aConditionNamesTheFieldByItsLabelInTheReadersLanguage() {
        String body = PublishGateTest.VALID_BODY.replace("${amount > 500}", "${amount > 'big'}");
        FieldError error = only(PublishGateTest.check(PublishGateTest.bpmn(body)), "fBig", "condition-type");
        assertTrue(error.message(Messages.ZH).contains("连线“fBig”的条件把数字字段“金额”（amount）与 'big' 比较"),
                error.message(Messages.ZH));
        assertTrue(error.message(Messages.EN).contains("The condition of flow 'fBig' compares 'Amount' (amount), a"
                + " number, with 'big'"), error.message(Messages.EN));
    }

    @Test
    void unsupportedElementsAndTheirAlternativesAreTranslated() {
        String body = PublishGateTest.VALID_BODY.replace("<exclusiveGateway id=\"gw\" default=\"fSmall\"/>",
                "<inclusiveGateway id=\"gw\" name=\"多选\" default=\"fSmall\"/>");
        FieldError error = only(PublishGateTest.check(PublishGateTest.bpmn(body)), "gw", "element-not-allowed");
        assertEquals("FlowDesk 模板不支持包容网关“多选”：请使用排他网关（一条路径）或并行网关（所有路径）",
                error.message(Messages.ZH));
        assertTrue(error.message(Messages.EN).startsWith("Inclusive gateway '多选' is not supported"),
                error.message(Messages.EN));
    }

    @Test
    void theReasonAConditionIsRefusedIsInTheReadersLanguageToo() {
        String body = PublishGateTest.VALID_BODY.replace("${amount > 500}", "${amount > 500}${amount > 1}");
        FieldError error = only(PublishGateTest.check(PublishGateTest.bpmn(body)), "fBig", "unsafe-expression");
        assertTrue(error.message(Messages.ZH).contains("不被允许：条件必须恰好是一个 ${...} 表达式。"),
                error.message(Messages.ZH));
        assertTrue(error.message(Messages.EN).contains("is not allowed: " + Messages.format(Messages.EN,
                io.flowdesk.shared.Text.of("workflow.condition.oneExpression")) + "."), error.message(Messages.EN));
    }

    @Test
    void routingAndTargetProblemsReadInBothLanguages() {
        FieldError assignment = only(PublishGateTest.check(PublishGateTest.bpmn(PublishGateTest.routed(
                "flowdesk:assignment=\"random\""))), "approve", "assignment");
        assertEquals("用户任务“审批”使用分派方式“random”：请从 queue, round-robin, least-loaded, best-skill, sticky 中选择",
                assignment.message(Messages.ZH));
        FieldError target = only(PublishGateTest.check(PublishGateTest.bpmn(PublishGateTest.routed(
                "flowdesk:targetMinutes=\"0\""))), "approve", "target-minutes");
        assertTrue(target.message(Messages.ZH).startsWith("用户任务“审批”的步骤时限为“0”"), target.message(Messages.ZH));
        assertTrue(target.message(Messages.EN).startsWith("User task '审批' has the step target '0'"),
                target.message(Messages.EN));
        FieldError skills = only(PublishGateTest.check(PublishGateTest.bpmn(PublishGateTest.routed(
                "flowdesk:skills=\"network:9\""))), "approve", "skills");
        assertTrue(skills.message(Messages.ZH).startsWith("用户任务“审批”的所需技能“network:9”无法识别"),
                skills.message(Messages.ZH));
    }

    private static FieldError only(List<FieldError> errors, String pointer, String rule) {
        List<FieldError> found = errors.stream().filter(e -> e.pointer().equals(pointer) && e.rule().equals(rule))
                .toList();
        assertEquals(1, found.size(), errors.toString());
        return found.get(0);
    }
}
