package io.flowdesk.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplatePackage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One failing BPMN per rule; each must be rejected naming the element. */
public class PublishGateTest {

    static final Set<String> DEPARTMENTS = Set.of("customer-service", "finance");

    public static final String FORM = """
            {"type":"object","properties":{"amount":{"type":"number"},"ok":{"type":"boolean"}},
             "x-ui":{"fields":{"amount":{"widget":"money","label":{"zh-CN":"金额","en":"Amount"}},
                               "ok":{"widget":"checkbox","label":{"zh-CN":"同意","en":"OK"}}}}}""";

    /** A valid flow: start → review → gateway (amount > 500 → approve) → end. {@code body} replaces the tasks. */
    public static String bpmn(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xmlns:flowable="http://flowable.org/bpmn" xmlns:flowdesk="https://flowdesk.io/schema/bpmn"
                  targetNamespace="https://flowdesk.io/test" id="defs">
                  <process id="gate-test" name="测试" isExecutable="true">
                    <startEvent id="start"/>
                    %s
                    <endEvent id="end" flowdesk:ticketStatus="RESOLVED"/>
                  </process>
                </definitions>
                """.formatted(body);
    }

    public static final String VALID_BODY = """
            <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <userTask id="review" name="受理" flowdesk:nameEn="Review" flowable:formKey="test-form"
                      flowable:candidateGroups="customer-service" flowdesk:ticketStatus="OPEN"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="gw"/>
            <exclusiveGateway id="gw" default="fSmall"/>
            <sequenceFlow id="fBig" sourceRef="gw" targetRef="approve">
              <conditionExpression xsi:type="tFormalExpression">${amount > 500}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="fSmall" sourceRef="gw" targetRef="end"/>
            <userTask id="approve" name="审批" flowable:formKey="test-form" flowable:candidateGroups="finance"/>
            <sequenceFlow id="f3" sourceRef="approve" targetRef="end"/>
            """;

    static List<FieldError> check(String bpmn) {
        JsonNode meta = Json.parse("""
                {"key":"gate-test","name":{"zh-CN":"测试","en":"Test"},"ticketType":"test","startForm":"test-form"}""");
        return PublishGate.check(new TemplatePackage("gate-test", meta, bpmn, Map.of("test-form", Json.parse(FORM))),
                DEPARTMENTS);
    }

    static void assertRejected(List<FieldError> errors, String element, String rule) {
        assertTrue(errors.stream().anyMatch(e -> e.pointer().equals(element) && e.rule().equals(rule)),
                "expected " + rule + " on " + element + " but got " + errors);
    }

    @Test
    void theValidFlowPasses() {
        assertEquals(List.of(), check(bpmn(VALID_BODY)));
    }

    @Test
    void scriptTaskIsRejected() {
        String body = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>",
                """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="evil"/>
                <scriptTask id="evil" scriptFormat="groovy"><script>"rm -rf /".execute()</script></scriptTask>
                <sequenceFlow id="f4" sourceRef="evil" targetRef="end"/>""");
        assertRejected(check(bpmn(body)), "evil", "element-not-allowed");
    }

    @Test
    void flowableClassIsRejected() {
        String body = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>",
                """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="svc"/>
                <serviceTask id="svc" flowable:class="java.lang.Runtime"/>
                <sequenceFlow id="f4" sourceRef="svc" targetRef="end"/>""");
        assertRejected(check(bpmn(body)), "svc", "attribute-not-allowed");
    }

    @Test
    void shellAndHttpTaskTypesAreRejected() {
        String body = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>",
                """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="sh"/>
                <serviceTask id="sh" flowable:type="shell"/>
                <sequenceFlow id="f4" sourceRef="sh" targetRef="end"/>""");
        assertRejected(check(bpmn(body)), "sh", "attribute-not-allowed");
    }

    @Test
    void delegateExpressionOutsideTheCatalogueIsRejected() {
        String body = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>",
                """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="svc"/>
                <serviceTask id="svc" flowable:delegateExpression="${someBean}"/>
                <sequenceFlow id="f4" sourceRef="svc" targetRef="end"/>""");
        assertRejected(check(bpmn(body)), "svc", "service-task-catalogue");
    }

    @Test
    void catalogueServiceTaskPasses() {
        String body = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>",
                """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="svc"/>
                <serviceTask id="svc" flowable:delegateExpression="${fdSetField}">
                  <extensionElements><flowable:field name="field" stringValue="ok"/>
                    <flowable:field name="value" stringValue="true"/></extensionElements>
                </serviceTask>
                <sequenceFlow id="f4" sourceRef="svc" targetRef="end"/>""");
        assertEquals(List.of(), check(bpmn(body)));
    }

    @Test
    void doctypeIsRejected() {
        String xml = bpmn(VALID_BODY).replace("<definitions",
                "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<definitions");
        assertRejected(check(xml), "process.bpmn", "no-doctype");
    }

    @Test
    void userTaskWithoutFormIsRejected() {
        String body = VALID_BODY.replace("name=\"审批\" flowable:formKey=\"test-form\"", "name=\"审批\"");
        assertRejected(check(bpmn(body)), "approve", "user-task-form");
    }

    @Test
    void userTaskWithUnknownFormOrDepartmentIsRejected() {
        String body = VALID_BODY.replace("name=\"审批\" flowable:formKey=\"test-form\" flowable:candidateGroups=\"finance\"",
                "name=\"审批\" flowable:formKey=\"nope\" flowable:candidateGroups=\"nowhere\"");
        List<FieldError> errors = check(bpmn(body));
        assertRejected(errors, "approve", "unknown-form");
        assertRejected(errors, "approve", "unknown-department");
    }

    @Test
    void userTaskWithoutDepartmentIsRejected() {
        String body = VALID_BODY.replace(" flowable:candidateGroups=\"finance\"", "");
        assertRejected(check(bpmn(body)), "approve", "user-task-group");
    }

    @Test
    void getClassInAConditionIsRejected() {
        String body = VALID_BODY.replace("${amount > 500}", "${amount.getClass().forName('java.lang.Runtime') != null}");
        assertRejected(check(bpmn(body)), "fBig", "unsafe-expression");
    }

    @Test
    void expressionInATaskNameIsRejected() {
        String body = VALID_BODY.replace("name=\"审批\"", "name=\"${execution.getClass()}\"");
        assertRejected(check(bpmn(body)), "approve", "expression-not-allowed");
    }

    @Test
    void listenersAreRejected() {
        String body = VALID_BODY.replace("flowable:candidateGroups=\"finance\"/>", """
                flowable:candidateGroups="finance"><extensionElements>
                <flowable:taskListener event="create" class="x.Y"/></extensionElements></userTask>""");
        assertRejected(check(bpmn(body)), "approve", "element-not-allowed");
    }

    @Test
    void gatewayWithoutDefaultIsRejected() {
        String body = VALID_BODY.replace("<exclusiveGateway id=\"gw\" default=\"fSmall\"/>", "<exclusiveGateway id=\"gw\"/>");
        assertRejected(check(bpmn(body)), "gw", "gateway-default");
    }

    @Test
    void conditionOnUnknownFieldIsRejected() {
        String body = VALID_BODY.replace("${amount > 500}", "${amuont > 500}");
        assertRejected(check(bpmn(body)), "fBig", "unknown-field");
    }

    @Test
    void unreachableAndDeadEndNodesAreRejected() {
        String body = VALID_BODY + """
                <userTask id="orphan" name="孤立" flowable:formKey="test-form" flowable:candidateGroups="finance"/>
                """;
        assertRejected(check(bpmn(body)), "orphan", "unreachable");
        String deadEnd = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", "");
        assertRejected(check(bpmn(deadEnd)), "approve", "dead-end");
    }

    @Test
    void timerMustBeAnIsoLiteral() {
        String body = VALID_BODY + """
                <boundaryEvent id="late" attachedToRef="approve"><timerEventDefinition>
                <timeDuration>${execution.getClass()}</timeDuration></timerEventDefinition></boundaryEvent>
                <sequenceFlow id="f9" sourceRef="late" targetRef="end"/>""";
        List<FieldError> errors = check(bpmn(body));
        assertRejected(errors, "late", "timer-definition");
        String ok = body.replace("${execution.getClass()}", "P7D");
        assertEquals(List.of(), check(bpmn(ok)));
    }

    @Test
    void foreignExtensionsAreRejected() {
        String body = VALID_BODY.replace("<userTask id=\"review\"",
                "<userTask xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" camunda:asyncBefore=\"true\" id=\"review\"");
        assertRejected(check(bpmn(body)), "review", "attribute-not-allowed");
    }

    @Test
    void formOutsideProfileRejectsTheTemplate() {
        JsonNode meta = Json.parse("""
                {"key":"gate-test","name":{"zh-CN":"测试","en":"Test"},"ticketType":"test","startForm":"test-form"}""");
        JsonNode badForm = Json.parse(FORM.replace("\"type\":\"number\"", "\"$ref\":\"http://evil/x.json\""));
        List<FieldError> errors = PublishGate.check(new TemplatePackage("gate-test", meta, bpmn(VALID_BODY),
                Map.of("test-form", badForm)), DEPARTMENTS);
        assertRejected(errors, "forms/test-form.json#/properties/amount/$ref", "form-profile:$ref");
    }

    // ---- cross-model rules ----

    static final String CHOICE_FORM = """
            {"type":"object","required":["decision","agreed"],
             "properties":{"decision":{"type":"string","enum":["approve","reject"]},"agreed":{"type":"boolean"},
               "note":{"type":"string"},"due":{"type":"string","format":"date"},"count":{"type":"integer"}},
             "x-ui":{"fields":{"decision":{"widget":"select","label":{"zh-CN":"决定","en":"Decision"}},
               "agreed":{"widget":"checkbox","label":{"zh-CN":"同意","en":"Agreed"}},
               "note":{"widget":"text","label":{"zh-CN":"备注","en":"Note"}},
               "due":{"widget":"date","label":{"zh-CN":"期限","en":"Due"}},
               "count":{"widget":"number","label":{"zh-CN":"数量","en":"Count"}}}}}""";

    /** The template with test-form as start form and choice-form on the approve step. */
    static List<FieldError> checkWithChoices(String bpmn) {
        JsonNode meta = Json.parse("""
                {"key":"gate-test","name":{"zh-CN":"测试","en":"Test"},"ticketType":"test","startForm":"test-form"}""");
        return PublishGate.check(new TemplatePackage("gate-test", meta, bpmn, Map.of("test-form", Json.parse(FORM),
                "choice-form", Json.parse(CHOICE_FORM))), DEPARTMENTS);
    }

    /** start → review (test-form) → gw (conditions) → approve (choice-form) → gw2 (given flows) → end. */
    static String twoGateways(String gw2Flows, String gw2Default) {
        return bpmn(VALID_BODY.replace("name=\"审批\" flowable:formKey=\"test-form\"",
                "name=\"审批\" flowable:formKey=\"choice-form\"")
                .replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                        <sequenceFlow id="f3" sourceRef="approve" targetRef="gw2"/>
                        <exclusiveGateway id="gw2" name="是否批准"%s/>
                        %s""".formatted(gw2Default == null ? "" : " default=\"" + gw2Default + "\"", gw2Flows)));
    }

    static String flow(String id, String condition) {
        return """
                <sequenceFlow id="%s" name="路径 %s" sourceRef="gw2" targetRef="end">
                  <conditionExpression xsi:type="tFormalExpression"><![CDATA[%s]]></conditionExpression>
                </sequenceFlow>""".formatted(id, id, condition);
    }

    static final String PLAIN_DEFAULT = "<sequenceFlow id=\"fElse\" sourceRef=\"gw2\" targetRef=\"end\"/>";

    @Test
    void conditionOnAFieldOfALaterFormIsRejected() {
        // 'decision' is asked for in the approve step, which comes after gateway gw
        String body = VALID_BODY.replace("${amount > 500}", "${decision == 'approve'}")
                .replace("name=\"审批\" flowable:formKey=\"test-form\"", "name=\"审批\" flowable:formKey=\"choice-form\"");
        List<FieldError> errors = checkWithChoices(bpmn(body));
        assertRejected(errors, "fBig", "field-not-upstream");
        assertTrue(errors.stream().noneMatch(e -> e.rule().equals("unknown-field")), errors.toString());
        assertTrue(errors.get(0).message().contains("'Decision' (decision)") && errors.get(0).message().contains("'choice-form'"),
                errors.get(0).message());
    }

    @Test
    void conditionsOnEarlierFormsStartFormAndBuiltInsPass() {
        String flows = flow("fA", "${decision == 'approve' && amount > 10 && ticketPriority == 'P1'}") + PLAIN_DEFAULT;
        assertEquals(List.of(), checkWithChoices(twoGateways(flows, "fElse")));
    }

    @Test
    void aBoundaryEventLeavesItsTaskSoTheTaskFormIsUpstream() {
        String flows = PLAIN_DEFAULT + """
                <boundaryEvent id="late" name="超时" attachedToRef="approve"><timerEventDefinition>
                <timeDuration>P7D</timeDuration></timerEventDefinition></boundaryEvent>
                <sequenceFlow id="fLate" sourceRef="late" targetRef="gw3"/>
                <exclusiveGateway id="gw3" default="fOn"/>
                <sequenceFlow id="fOn" sourceRef="gw3" targetRef="end"/>
                <sequenceFlow id="fOk" sourceRef="gw3" targetRef="end">
                  <conditionExpression xsi:type="tFormalExpression">${ok == true}</conditionExpression></sequenceFlow>""";
        String onlyBoundary = twoGateways(flows, "fElse").replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\""
                + " targetRef=\"gw2\"/>", "<sequenceFlow id=\"f3\" sourceRef=\"start\" targetRef=\"gw2\"/>");
        assertEquals(List.of(), checkWithChoices(twoGateways(flows, "fElse")));
        assertEquals(List.of(), checkWithChoices(onlyBoundary));
    }

    @Test
    void literalsMustFitTheFieldType() {
        String flows = flow("fNum", "${amount > 'big'}") + flow("fBool", "${ok == 1}")
                + flow("fBoolOrder", "${ok > false}") + flow("fText", "${note == 5}")
                + flow("fTextOrder", "${note < 'm'}") + flow("fEnum", "${decision == 'maybe'}")
                + flow("fFlip", "${'x' < count}") + flow("fPrio", "${ticketPriority eq 'P9'}") + PLAIN_DEFAULT;
        List<FieldError> errors = checkWithChoices(twoGateways(flows, "fElse"));
        for (String id : List.of("fNum", "fBool", "fBoolOrder", "fText", "fTextOrder", "fEnum", "fFlip", "fPrio")) {
            assertRejected(errors, id, "condition-type");
        }
        assertTrue(errors.stream().anyMatch(e -> e.pointer().equals("fEnum") && e.message().contains("'approve', 'reject'")
                && e.message().contains("路径 fEnum")), errors.toString());
        assertEquals(8, errors.size(), errors.toString());
    }

    @Test
    void wellTypedComparisonsPass() {
        String flows = flow("f1a", "${amount >= 500.5 and ok == true}") + flow("f1b", "${-1 < count}")
                + flow("f1c", "${due < '2030-01-01' || note != null}") + flow("f1d", "${decision ne \"reject\"}")
                + flow("f1e", "${!ok == true}") + PLAIN_DEFAULT;
        assertEquals(List.of(), checkWithChoices(twoGateways(flows, "fElse")));
    }

    @Test
    void aGatewayCoveringEveryEnumOrBooleanValueNeedsNoDefault() {
        String byEnum = flow("fYes", "${decision == 'approve'}") + flow("fNo", "${(decision eq 'reject')}");
        assertEquals(List.of(), checkWithChoices(twoGateways(byEnum, null)));
        String byBoolean = flow("fYes", "${agreed == true}") + flow("fNo", "${false == agreed}");
        assertEquals(List.of(), checkWithChoices(twoGateways(byBoolean, null)));
        String byPriority = flow("p1", "${ticketPriority == 'P1'}") + flow("p2", "${ticketPriority == 'P2'}")
                + flow("p3", "${ticketPriority == 'P3'}") + flow("p4", "${ticketPriority == 'P4'}");
        assertEquals(List.of(), checkWithChoices(twoGateways(byPriority, null)));
    }

    @Test
    void aGatewayMissingAValueOrOnAnOptionalFieldNeedsADefault() {
        String missing = flow("fYes", "${decision == 'approve'}") + flow("fAlso", "${decision == 'approve'}");
        List<FieldError> errors = checkWithChoices(twoGateways(missing, null));
        assertRejected(errors, "gw2", "gateway-default");
        assertTrue(errors.get(0).message().contains("'是否批准'")
                && errors.get(0).message().contains("add a default flow or cover every value of 'Decision' (decision)"), errors.toString());
        String optional = flow("fYes", "${decision == 'approve'}") + flow("fNo", "${decision == 'reject'}");
        String notRequired = twoGateways(optional, null);
        List<FieldError> optionalErrors = PublishGate.check(new TemplatePackage("gate-test", Json.parse("""
                {"key":"gate-test","name":{"zh-CN":"测试","en":"Test"},"ticketType":"test","startForm":"test-form"}"""),
                notRequired, Map.of("test-form", Json.parse(FORM), "choice-form",
                        Json.parse(CHOICE_FORM.replace("\"required\":[\"decision\",\"agreed\"],", "")))), DEPARTMENTS);
        assertRejected(optionalErrors, "gw2", "gateway-default");
        String mixed = flow("fYes", "${decision == 'approve'}") + flow("fNo", "${ok == false}");
        assertRejected(checkWithChoices(twoGateways(mixed, null)), "gw2", "gateway-default");
        String ordering = flow("fBig", "${count > 5}") + flow("fSmall", "${count <= 5}");
        assertRejected(checkWithChoices(twoGateways(ordering, null)), "gw2", "gateway-default");
    }

    @Test
    void unsupportedElementsAreRejectedNamingTheElement() {
        String inclusive = VALID_BODY.replace("<exclusiveGateway id=\"gw\" default=\"fSmall\"/>",
                "<inclusiveGateway id=\"gw\" name=\"多选\" default=\"fSmall\"/>");
        assertNamed(check(bpmn(inclusive)), "gw", "element-not-allowed", "Inclusive gateway '多选'");
        String sub = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="sub"/>
                <subProcess id="sub" name="子流程"><startEvent id="s2"/></subProcess>
                <sequenceFlow id="f4" sourceRef="sub" targetRef="end"/>""");
        assertNamed(check(bpmn(sub)), "sub", "element-not-allowed", "Sub-process '子流程'");
        String call = VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="call"/>
                <callActivity id="call" name="调用" calledElement="other"/>
                <sequenceFlow id="f4" sourceRef="call" targetRef="end"/>""");
        assertNamed(check(bpmn(call)), "call", "element-not-allowed", "Call activity '调用'");
        String message = VALID_BODY + """
                <boundaryEvent id="msg" name="客户回复" attachedToRef="approve">
                  <messageEventDefinition id="msgDef" messageRef="reply"/></boundaryEvent>
                <sequenceFlow id="f9" sourceRef="msg" targetRef="end"/>""";
        List<FieldError> errors = check(bpmn(message));
        assertNamed(errors, "msg", "element-not-allowed", "Boundary event '客户回复'");
        assertNamed(errors, "msg", "timer-definition", "Boundary event '客户回复'");
    }

    static void assertNamed(List<FieldError> errors, String element, String rule, String named) {
        assertTrue(errors.stream().anyMatch(e -> e.pointer().equals(element) && e.rule().equals(rule)
                && e.message().contains(named)), "expected " + rule + " on " + element + " naming " + named
                        + " but got " + errors);
    }

    static String service(String bean, String fields) {
        return VALID_BODY.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="svc"/>
                <serviceTask id="svc" name="通知客户" flowable:delegateExpression="${%s}">
                  <extensionElements>%s</extensionElements></serviceTask>
                <sequenceFlow id="f4" sourceRef="svc" targetRef="end"/>""".formatted(bean, fields));
    }

    static String field(String name, String value) {
        return "<flowable:field name=\"" + name + "\" stringValue=\"" + value + "\"/>";
    }

    @Test
    void notifyAndAssignWithGoodParametersPass() {
        assertEquals(List.of(), check(bpmn(service("fdNotify", field("to", "customer") + field("message", "已受理")))));
        assertEquals(List.of(), check(bpmn(service("fdNotify", field("to", "department:finance")
                + field("message", "请退款")))));
        assertEquals(List.of(), check(bpmn(service("fdAssign", field("department", "finance")))));
        assertEquals(List.of(), check(bpmn(service("fdAssign", field("department", "finance")
                + field("user", "finance1")))));
    }

    @Test
    void catalogueParametersAreChecked() {
        List<FieldError> missing = check(bpmn(service("fdNotify", field("to", "customer"))));
        assertNamed(missing, "svc", "service-task-parameters", "'message'");
        assertNamed(missing, "svc", "service-task-parameters", "Service task '通知客户'");
        assertNamed(check(bpmn(service("fdNotify", field("to", "customer") + field("message", "x")
                + field("cc", "boss")))), "svc", "service-task-parameters", "'cc'");
        assertNamed(check(bpmn(service("fdNotify", field("to", "everyone") + field("message", "x")))), "svc",
                "service-task-parameters", "'everyone'");
        assertNamed(check(bpmn(service("fdNotify", field("to", "department:nowhere") + field("message", "x")))),
                "svc", "unknown-department", "'nowhere'");
        assertNamed(check(bpmn(service("fdAssign", field("user", "finance1")))), "svc", "service-task-parameters",
                "'department'");
        assertNamed(check(bpmn(service("fdAssign", field("department", "nowhere")))), "svc", "unknown-department",
                "'nowhere'");
        assertNamed(check(bpmn(service("fdSetField", field("field", "ok")))), "svc", "service-task-parameters",
                "'value'");
    }

    @Test
    void messagesNameTheElementByItsName() {
        String body = VALID_BODY.replace("name=\"审批\" flowable:formKey=\"test-form\"", "name=\"审批\"");
        assertNamed(check(bpmn(body)), "approve", "user-task-form",
                "User task '审批' has no form: pick one in the properties panel");
        String gateway = VALID_BODY.replace("<exclusiveGateway id=\"gw\" default=\"fSmall\"/>",
                "<exclusiveGateway id=\"gw\" name=\"金额\"/>");
        assertNamed(check(bpmn(gateway)), "gw", "gateway-default", "Exclusive gateway '金额'");
    }
    static String routed(String attributes) {
        return VALID_BODY.replace("flowable:candidateGroups=\"finance\"/>",
                "flowable:candidateGroups=\"finance\" " + attributes + "/>");
    }

    @Test
    void routingAndStepTargetsFromThePropertyPanelPass() {
        assertEquals(List.of(), check(bpmn(routed("flowdesk:assignment=\"best-skill\""
                + " flowdesk:skills=\"network:3,printer:1\" flowdesk:targetMinutes=\"240\""))));
        for (String strategy : List.of("queue", "round-robin", "least-loaded", "sticky")) {
            assertEquals(List.of(), check(bpmn(routed("flowdesk:assignment=\"" + strategy + "\""))), strategy);
        }
    }

    @Test
    void unknownAssignmentIsRejectedNamingTheTask() {
        assertNamed(check(bpmn(routed("flowdesk:assignment=\"random\""))), "approve", "assignment",
                "User task '审批' uses assignment 'random'");
    }

    @Test
    void malformedSkillsAreRejectedNamingTheTask() {
        for (String skills : List.of("network", "network:6", "network:0", "Network:2", "network:3,", ":2",
                "network:3,network:4", "network:two")) {
            assertNamed(check(bpmn(routed("flowdesk:skills=\"" + skills + "\""))), "approve", "skills",
                    "User task '审批' lists required skills '" + skills + "'");
        }
    }

    @Test
    void nonPositiveOrHugeStepTargetsAreRejectedNamingTheTask() {
        for (String minutes : List.of("0", "-30", "525601", "99999999999", "4h", "1.5")) {
            assertNamed(check(bpmn(routed("flowdesk:targetMinutes=\"" + minutes + "\""))), "approve",
                    "target-minutes", "User task '审批' has the step target '" + minutes + "'");
        }
        assertEquals(List.of(), check(bpmn(routed("flowdesk:targetMinutes=\"525600\""))));
    }
}
