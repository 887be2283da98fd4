package io.flowdesk.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small BPMN builder for tests: start → steps in order → end, laid out left to right with diagram shapes, so a
 * test can state two versions of a flow in a few lines. Steps are user tasks or timer catch events; a flow can
 * carry a condition.
 */
public final class LinearFlow {

    private record Step(String id, String kind, Map<String, String> attrs, String timer) {
    }

    private final String processId;
    private final String name;
    private final String nameEn;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> conditions = new LinkedHashMap<>();

    private LinearFlow(String processId, String name, String nameEn) {
        this.processId = processId;
        this.name = name;
        this.nameEn = nameEn;
    }

    public static LinearFlow of(String processId, String name, String nameEn) {
        return new LinearFlow(processId, name, nameEn);
    }

    /** A user task with a form and a department; {@code more}: attribute, value pairs (e.g. flowable:assignee). */
    public LinearFlow task(String id, String name, String nameEn, String form, String department, String... more) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("name", name);
        attrs.put("flowdesk:nameEn", nameEn);
        attrs.put("flowable:formKey", form);
        attrs.put("flowable:candidateGroups", department);
        attrs.put("flowdesk:ticketStatus", "OPEN");
        for (int i = 0; i + 1 < more.length; i += 2) {
            attrs.put(more[i], more[i + 1]);
        }
        steps.add(new Step(id, "userTask", attrs, null));
        return this;
    }

    /** A timer that waits {@code duration} (ISO-8601, e.g. PT4H). */
    public LinearFlow timer(String id, String name, String nameEn, String duration) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("name", name);
        attrs.put("flowdesk:nameEn", nameEn);
        steps.add(new Step(id, "intermediateCatchEvent", attrs, duration));
        return this;
    }

    /** A condition on the flow from {@code source} to the next step (FlowDesk's condition text). */
    public LinearFlow condition(String source, String expression) {
        conditions.put(source, expression);
        return this;
    }

    /** The id of the flow leaving {@code source}. */
    public static String flowFrom(String source) {
        return "flow_" + source;
    }

    public String xml() {
        StringBuilder process = new StringBuilder();
        StringBuilder di = new StringBuilder();
        List<String> ids = new ArrayList<>();
        ids.add("start");
        steps.forEach(s -> ids.add(s.id()));
        ids.add("end");
        process.append("    <startEvent id=\"start\" name=\"开始\" flowdesk:nameEn=\"Start\"/>\n");
        int x = 80;
        Map<String, int[]> boxes = new LinkedHashMap<>();
        boxes.put("start", new int[] {x, 102, 36, 36});
        x += 100;
        for (Step step : steps) {
            StringBuilder attrs = new StringBuilder();
            step.attrs().forEach((k, v) -> attrs.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
            if (step.timer() == null) {
                process.append("    <").append(step.kind()).append(" id=\"").append(step.id()).append('"')
                        .append(attrs).append("/>\n");
                boxes.put(step.id(), new int[] {x, 80, 120, 80});
                x += 180;
            } else {
                process.append("    <intermediateCatchEvent id=\"").append(step.id()).append('"').append(attrs)
                        .append("><timerEventDefinition><timeDuration>").append(step.timer())
                        .append("</timeDuration></timerEventDefinition></intermediateCatchEvent>\n");
                boxes.put(step.id(), new int[] {x, 102, 36, 36});
                x += 100;
            }
        }
        process.append("    <endEvent id=\"end\" name=\"已解决\" flowdesk:nameEn=\"Resolved\""
                + " flowdesk:ticketStatus=\"RESOLVED\"/>\n");
        boxes.put("end", new int[] {x, 102, 36, 36});
        for (int i = 0; i + 1 < ids.size(); i++) {
            String source = ids.get(i);
            String target = ids.get(i + 1);
            String condition = conditions.get(source);
            process.append("    <sequenceFlow id=\"").append(flowFrom(source)).append("\" sourceRef=\"")
                    .append(source).append("\" targetRef=\"").append(target).append('"');
            if (condition == null) {
                process.append("/>\n");
            } else {
                process.append("><conditionExpression xsi:type=\"tFormalExpression\">").append(escape(condition))
                        .append("</conditionExpression></sequenceFlow>\n");
            }
            int[] a = boxes.get(source);
            int[] b = boxes.get(target);
            di.append("      <bpmndi:BPMNEdge id=\"").append(flowFrom(source)).append("_di\" bpmnElement=\"")
                    .append(flowFrom(source)).append("\"><di:waypoint x=\"").append(a[0] + a[2]).append("\" y=\"120\"/>")
                    .append("<di:waypoint x=\"").append(b[0]).append("\" y=\"120\"/></bpmndi:BPMNEdge>\n");
        }
        boxes.forEach((id, b) -> di.append("      <bpmndi:BPMNShape id=\"").append(id).append("_di\" bpmnElement=\"")
                .append(id).append("\"><dc:Bounds x=\"").append(b[0]).append("\" y=\"").append(b[1])
                .append("\" width=\"").append(b[2]).append("\" height=\"").append(b[3]).append("\"/></bpmndi:BPMNShape>\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" xmlns:flowdesk=\"https://flowdesk.io/schema/bpmn\""
                + " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
                + " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
                + " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" targetNamespace=\"https://flowdesk.io/templates\""
                + " id=\"defs_" + processId + "\">\n"
                + "  <process id=\"" + processId + "\" name=\"" + escape(name) + "\" flowdesk:nameEn=\""
                + escape(nameEn) + "\" isExecutable=\"true\">\n" + process + "  </process>\n"
                + "  <bpmndi:BPMNDiagram id=\"diagram_" + processId + "\">\n"
                + "    <bpmndi:BPMNPlane id=\"plane_" + processId + "\" bpmnElement=\"" + processId + "\">\n" + di
                + "    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</definitions>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
