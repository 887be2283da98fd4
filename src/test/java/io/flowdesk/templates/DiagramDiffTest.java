package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.DiagramDiff.Detail;
import io.flowdesk.templates.DiagramDiff.Mark;
import io.flowdesk.testing.LinearFlow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The diagram diff marks each element added, removed or changed, and says which property changed how. */
class DiagramDiffTest {

    private static final String META = "{\"key\":\"flow\",\"name\":{\"zh-CN\":\"流程\",\"en\":\"Flow\"}}";

    private static JsonNode form(String... requiredFields) {
        StringBuilder props = new StringBuilder();
        for (String f : List.of("answer", "note")) {
            props.append(props.isEmpty() ? "" : ",").append('"').append(f).append("\":{\"type\":\"string\"}");
        }
        return Json.parse("{\"type\":\"object\",\"properties\":{" + props + "},\"required\":"
                + Json.write(List.of(requiredFields)) + ",\"x-ui\":{\"fields\":{\"note\":{\"label\":{\"zh-CN\":\"备注\","
                + "\"en\":\"Note\"}}}}}");
    }

    private static TemplatePackage pkg(LinearFlow flow, Map<String, JsonNode> forms) {
        return new TemplatePackage("flow", Json.parse(META), flow.xml(), forms);
    }

    private static LinearFlow base() {
        return LinearFlow.of("flow", "流程", "Flow")
                .task("answer", "答复", "Answer", "answer-form", "customer-service")
                .task("review", "复核", "Review", "review-form", "cs-supervisor")
                .timer("wait", "等待", "Wait", "PT4H")
                .task("close", "关闭", "Close", "close-form", "customer-service");
    }

    private static final Map<String, JsonNode> FORMS = Map.of("answer-form", form("answer"), "review-form",
            form(), "close-form", form(), "check-form", form());

    @Test
    void theSameVersionHasNoMarks() {
        assertTrue(DiagramDiff.between(pkg(base(), FORMS), pkg(base(), FORMS)).isEmpty());
    }

    @Test
    void anAddedStepIsGreenOnTheNewDiagramOnlyAndARemovedOneRedOnTheOldOnly() {
        LinearFlow after = LinearFlow.of("flow", "流程", "Flow")
                .task("answer", "答复", "Answer", "answer-form", "customer-service")
                .task("check", "检查", "Check", "check-form", "qa")
                .timer("wait", "等待", "Wait", "PT4H")
                .task("close", "关闭", "Close", "close-form", "customer-service");

        DiagramDiff diff = DiagramDiff.between(pkg(base(), FORMS), pkg(after, FORMS));

        Mark added = diff.marks().get("check");
        assertEquals(DiagramDiff.ADDED, added.change());
        assertEquals("userTask", added.type());
        assertEquals("Check", added.name(false));
        assertEquals("检查", added.name(true));
        assertTrue(added.details().contains(new Detail("department", "", null, "qa")), added.details().toString());
        Mark removed = diff.marks().get("review");
        assertEquals(DiagramDiff.REMOVED, removed.change());
        assertTrue(removed.details().contains(new Detail("form", "", "review-form", null)));
        assertTrue(diff.onNew().containsKey("check") && !diff.onNew().containsKey("review"));
        assertTrue(diff.onOld().containsKey("review") && !diff.onOld().containsKey("check"));
        // the flow into the removed step goes, the flow into the new one comes, the flow out of answer re-targets
        assertEquals(DiagramDiff.REMOVED, diff.marks().get(LinearFlow.flowFrom("review")).change());
        assertEquals(DiagramDiff.ADDED, diff.marks().get(LinearFlow.flowFrom("check")).change());
        assertEquals(List.of(new Detail("target.ref", "", "review", "check")),
                diff.marks().get(LinearFlow.flowFrom("answer")).details());
        assertFalse(diff.marks().containsKey("flow"), "the process itself is not drawn");
        assertFalse(diff.marks().containsKey("close"), "an unchanged step is not marked");
    }

    @Test
    void aRenamedStepWithAnotherFormAndDepartmentIsChanged() {
        LinearFlow after = LinearFlow.of("flow", "流程", "Flow")
                .task("answer", "首次答复", "First answer", "check-form", "it-support")
                .task("review", "复核", "Review", "review-form", "cs-supervisor")
                .timer("wait", "等待", "Wait", "PT4H")
                .task("close", "关闭", "Close", "close-form", "customer-service");

        Mark mark = DiagramDiff.between(pkg(base(), FORMS), pkg(after, FORMS)).marks().get("answer");

        assertEquals(DiagramDiff.CHANGED, mark.change());
        assertEquals("First answer", mark.name(false));
        assertEquals(List.of(new Detail("name", "", "答复", "首次答复"), new Detail("nameEn", "", "Answer", "First answer"),
                new Detail("form", "", "answer-form", "check-form"),
                new Detail("department", "", "customer-service", "it-support")), mark.details());
    }

    @Test
    void anAssigneeAConditionAndATimerAreChanges() {
        LinearFlow after = LinearFlow.of("flow", "流程", "Flow")
                .task("answer", "答复", "Answer", "answer-form", "customer-service", "flowable:assignee", "agent1")
                .task("review", "复核", "Review", "review-form", "cs-supervisor")
                .timer("wait", "等待", "Wait", "PT8H")
                .task("close", "关闭", "Close", "close-form", "customer-service")
                .condition("review", "${approved}");

        DiagramDiff diff = DiagramDiff.between(pkg(base(), FORMS), pkg(after, FORMS));

        assertEquals(List.of(new Detail("assignee", "", null, "agent1")), diff.marks().get("answer").details());
        assertEquals(List.of(new Detail("timer", "", "timeDuration PT4H", "timeDuration PT8H")),
                diff.marks().get("wait").details());
        assertEquals("intermediateCatchEvent", diff.marks().get("wait").type());
        Mark flow = diff.marks().get(LinearFlow.flowFrom("review"));
        assertEquals(DiagramDiff.CHANGED, flow.change());
        assertEquals(List.of(new Detail("condition", "", null, "${approved}")), flow.details());
        assertEquals(Set.of("answer", "wait", LinearFlow.flowFrom("review")), diff.marks().keySet());
    }

    @Test
    void aChangedFormOfAStepMarksTheStepWithTheFieldThatChanged() {
        Map<String, JsonNode> changedForms = new java.util.HashMap<>(FORMS);
        changedForms.put("review-form", form("note"));

        Mark mark = DiagramDiff.between(pkg(base(), FORMS), pkg(base(), changedForms)).marks().get("review");

        assertEquals(DiagramDiff.CHANGED, mark.change());
        assertEquals(List.of(new Detail("formField", "备注 · required", "false", "true")), mark.details());
    }

    @Test
    void englishReadersSeeTheEnglishNamesOnTheDiagram() {
        String xml = DiagramDiff.localizedXml(base().xml(), false);

        assertTrue(xml.contains("name=\"Review\""), xml);
        assertFalse(xml.contains("name=\"复核\""), xml);
        assertEquals(base().xml(), DiagramDiff.localizedXml(base().xml(), true));
    }
}
