package io.flowdesk.templates;

/** The BPMN a new template starts with: one start event, one end event, laid out for the designer. */
final class NewProcess {

    private NewProcess() {
    }

    static String xml(String key, String nameZh, String nameEn) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:flowable="http://flowable.org/bpmn"
                  xmlns:flowdesk="https://flowdesk.io/schema/bpmn" id="definitions_%1$s"
                  targetNamespace="https://flowdesk.io/templates/%1$s" exporter="FlowDesk">
                  <process id="%1$s" name="%2$s" flowdesk:nameEn="%3$s" isExecutable="true">
                    <startEvent id="start" name="开始" flowdesk:nameEn="Start"/>
                    <sequenceFlow id="flow_start_end" sourceRef="start" targetRef="end"/>
                    <endEvent id="end" name="已解决" flowdesk:nameEn="Resolved" flowdesk:ticketStatus="RESOLVED"/>
                  </process>
                  <bpmndi:BPMNDiagram id="diagram_%1$s">
                    <bpmndi:BPMNPlane id="plane_%1$s" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                        <dc:Bounds x="152" y="182" width="36" height="36"/>
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end">
                        <dc:Bounds x="1052" y="182" width="36" height="36"/>
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="flow_start_end_di" bpmnElement="flow_start_end">
                        <di:waypoint x="188" y="200"/>
                        <di:waypoint x="1052" y="200"/>
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </definitions>
                """.formatted(key, escape(nameZh), escape(nameEn));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }
}
