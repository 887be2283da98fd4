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
}
