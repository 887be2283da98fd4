package io.flowdesk.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplateArchive;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.internal.PublishGateTest;
import java.util.Map;

/**
 * A small flow for the virtual clock's tests: one step with a 60-minute target and a 3-hour boundary timer that hands
 * the ticket to a follow-up step; and an SLA policy for it (calendar time) whose step ladder warns 15 minutes before,
 * breaches at the target and escalates 30 minutes after.
 */
final class SimFlow {

    private SimFlow() {
    }

    static String newKey() {
        return "vc" + Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() % 1296, 36);
    }

    static String bpmn(String key) {
        String body = """
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <userTask id="review" name="受理" flowdesk:nameEn="Review" flowable:formKey="%1$s-form" flowable:candidateGroups="customer-service" flowdesk:ticketStatus="OPEN" flowdesk:targetMinutes="60"/>
                <boundaryEvent id="waitTimer" name="3 小时未处理" flowdesk:nameEn="3 hours untouched" attachedToRef="review" cancelActivity="true">
                  <timerEventDefinition id="waitTimer_def"><timeDuration>PT3H</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
                <sequenceFlow id="f3" sourceRef="waitTimer" targetRef="followUp"/>
                <userTask id="followUp" name="跟进" flowdesk:nameEn="Follow up" flowable:formKey="%1$s-form" flowable:candidateGroups="customer-service" flowdesk:ticketStatus="IN_PROGRESS"/>
                <sequenceFlow id="f4" sourceRef="followUp" targetRef="end"/>
                """.formatted(key);
        return PublishGateTest.bpmn(body).replace("gate-test", key);
    }

    static byte[] zip(String key) {
        ObjectNode meta = (ObjectNode) Json.parse("""
                {"key":"%1$s","name":{"zh-CN":"虚拟时钟","en":"Virtual clock"},"ticketType":"test",
                 "startForm":"%1$s-form"}""".formatted(key));
        return TemplateArchive.write(new TemplatePackage(key, meta, bpmn(key), Map.of(key + "-form",
                Json.parse(PublishGateTest.FORM))));
    }

    /** The policy, first in the list, for this template only. */
    static Map<String, Object> policy(String key) {
        JsonNode p = Json.parse("""
                {"key":"%1$s","nameZh":"虚拟时钟","nameEn":"Virtual clock","position":1,"enabled":true,
                 "conditions":{"templates":["%1$s"]},"calendar":"24x7",
                 "targets":{"STEP":{"time":"calendar","ladder":[
                   {"level":"warning","minutesBefore":15,"actions":[{"type":"notify","to":"supervisor"}]},
                   {"level":"breach","actions":[{"type":"notify","to":"department"}]},
                   {"level":"after","minutes":30,"actions":[{"type":"priority","value":"raise"},
                                                            {"type":"notify","to":"supervisor"}]}]}}}"""
                .formatted(key));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.MAPPER.convertValue(p, Map.class);
        return map;
    }
}
