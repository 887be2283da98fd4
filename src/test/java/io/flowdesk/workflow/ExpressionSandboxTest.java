package io.flowdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/**
 * The run-time sandbox, tested without the publish gate: BPMN deployed straight to the engine tries to reach
 * classes, the engine or reflection from a condition. It must fail before anything runs and start nothing.
 */
@QuarkusTest
class ExpressionSandboxTest {

    @Inject
    WorkflowEngine engine;

    static String process(String key, String condition) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f0" sourceRef="start" targetRef="gw"/>
                    <exclusiveGateway id="gw" default="fNo"/>
                    <sequenceFlow id="fYes" sourceRef="gw" targetRef="yes">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[%s]]></conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="fNo" sourceRef="gw" targetRef="no"/>
                    <userTask id="yes" name="yes"/>
                    <userTask id="no" name="no"/>
                    <sequenceFlow id="f1" sourceRef="yes" targetRef="end"/>
                    <sequenceFlow id="f2" sourceRef="no" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, condition);
    }

    private void assertBlocked(String key, String condition) {
        ProcessEngine flowable = engine.processEngine();
        engine.deploy(key, key, process(key, condition));
        long before = flowable.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count();
        FlowableException e = assertThrows(FlowableException.class, () -> flowable.getRuntimeService()
                .startProcessInstanceByKey(key, Map.of("amount", 10L, "name", "x")));
        assertTrue(e.getMessage() != null, "fails with a message");
        assertEquals(before, flowable.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
                .count(), "no process instance was left behind");
    }

    @Test
    void getClassOnAVariableFails() {
        assertBlocked("sandbox-getclass", "${name.getClass().getName() == 'java.lang.String'}");
    }

    @Test
    void reflectionToRuntimeFails() {
        assertBlocked("sandbox-runtime",
                "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null) != null}");
    }

    @Test
    void theExecutionObjectIsNotReachable() {
        assertBlocked("sandbox-execution", "${execution.processInstanceId != null}");
    }

    @Test
    void beanPropertiesAreNotReadable() {
        assertBlocked("sandbox-bean-property", "${name.bytes != null}");
    }

    @Test
    void plainDataConditionsStillWork() {
        ProcessEngine flowable = engine.processEngine();
        engine.deploy("sandbox-plain", "sandbox-plain", process("sandbox-plain", "${amount > 5 && name == 'x'}"));
        String id = flowable.getRuntimeService().startProcessInstanceByKey("sandbox-plain",
                Map.of("amount", 10L, "name", "x")).getId();
        assertEquals("yes", flowable.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
                .getTaskDefinitionKey());
    }
}
