package io.flowdesk.designer.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.forms.FormDrafts;
import io.flowdesk.identity.Department;
import io.flowdesk.templates.DiagramOutline;
import io.flowdesk.templates.DiagramOutline.Flow;
import io.flowdesk.templates.DiagramOutline.Node;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The designer's property panel: everything FlowDesk needs on the selected element, as fields, written into the
 * BPMN by the canvas (names in zh-CN and en, form, department, ticket status, service-task parameters, timer,
 * gateway conditions and default flow). With nothing selected it edits the template's own settings.
 */
class PropertyPanel extends VerticalLayout {

    /** What the panel reads from and writes to, provided by the designer view. */
    interface Context {
        boolean zh();

        DiagramOutline outline();

        JsonNode metadata();

        void metadataChanged(ObjectNode metadata);

        List<Department> departments();

        List<FormDrafts.Summary> forms();

        JsonNode schema(String formKey);

        BpmnCanvas canvas();
    }

    private static final Pattern DURATION = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");
    private final Context ctx;

    PropertyPanel(Context ctx) {
        this.ctx = ctx;
        setId("properties");
        addClassName("fd-properties");
        setPadding(true);
    }

    void show(String elementId) {
        removeAll();
        Node node = elementId == null ? null : ctx.outline().nodes().get(elementId);
        Flow flow = elementId == null ? null : ctx.outline().flows().get(elementId);
        if (node == null && flow == null) {
            template();
            return;
        }
        if (flow != null) {
            add(heading(getTranslation("designer.type.sequenceFlow"), flow.id()));
            names(flow.id(), flow.name(), flow.nameEn());
            Node source = ctx.outline().nodes().get(flow.source());
            if (source != null && "exclusiveGateway".equals(source.type())) {
                add(new Span(getTranslation("designer.flow.fromGateway", source.label())));
                gatewayFlows(source);
            }
            return;
        }
        add(heading(getTranslation("designer.type." + node.type()), node.id()));
        names(node.id(), node.name(), node.nameEn());
        switch (node.type()) {
            case "userTask" -> userTask(node);
            case "endEvent" -> status(node, TicketStatus.FOR_ENDS);
            case "serviceTask" -> serviceTask(node);
            case "exclusiveGateway" -> gatewayFlows(node);
            case "boundaryEvent", "intermediateCatchEvent" -> timer(node);
            default -> {
            }
        }
    }

    private Component heading(String type, String id) {
        H4 title = new H4(type);
        Span small = new Span(id);
        small.addClassName("fd-muted");
        return new Div(title, small);
    }

    private void names(String id, String zhName, String enName) {
        TextField zh = new TextField(getTranslation("designer.name.zh"));
        zh.setId("prop-name-zh");
        zh.setValue(zhName == null ? "" : zhName);
        zh.setWidthFull();
        zh.addValueChangeListener(e -> ctx.canvas().setProps(id, Map.of("name", e.getValue())));
        TextField en = new TextField(getTranslation("designer.name.en"));
        en.setId("prop-name-en");
        en.setValue(enName == null ? "" : enName);
        en.setWidthFull();
        en.addValueChangeListener(e -> ctx.canvas().setProps(id, Map.of("flowdesk:nameEn", e.getValue())));
        add(zh, en);
    }

    private void userTask(Node node) {
        ComboBox<String> form = new ComboBox<>(getTranslation("designer.userTask.form"));
        form.setId("prop-form");
        form.setWidthFull();
        Map<String, String> titles = new LinkedHashMap<>();
        ctx.forms().forEach(f -> titles.put(f.key(), (ctx.zh() ? f.titleZh() : f.titleEn()) + " · " + f.key()));
        form.setItems(titles.keySet());
        form.setItemLabelGenerator(k -> titles.getOrDefault(k, k));
        form.setValue(node.formKey() != null && titles.containsKey(node.formKey()) ? node.formKey() : null);
        form.setRequiredIndicatorVisible(true);
        form.addValueChangeListener(e -> ctx.canvas().setProps(node.id(), single("flowable:formKey", e.getValue())));
        add(form);
        if (node.formKey() != null) {
            add(new Anchor("design/form/" + node.formKey(), getTranslation("designer.userTask.openForm")));
        }
        ComboBox<String> department = new ComboBox<>(getTranslation("designer.userTask.department"));
        department.setId("prop-department");
        department.setWidthFull();
        Map<String, String> names = new LinkedHashMap<>();
        ctx.departments().forEach(d -> names.put(d.key(), (ctx.zh() ? d.nameZh() : d.nameEn()) + " · " + d.key()));
        department.setItems(names.keySet());
        department.setItemLabelGenerator(k -> names.getOrDefault(k, k));
        department.setValue(node.department() != null && names.containsKey(node.department()) ? node.department() : null);
        department.setRequiredIndicatorVisible(true);
        department.addValueChangeListener(e -> ctx.canvas().setProps(node.id(),
                single("flowable:candidateGroups", e.getValue())));
        add(department);
        status(node, TicketStatus.FOR_TASKS);
        add(new RoutingFields(node, (name, value) -> ctx.canvas().setProps(node.id(), single(name, value))));
    }

    private void status(Node node, java.util.Set<String> allowed) {
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("designer.ticketStatus"));
        status.setId("prop-status");
        List<String> values = new ArrayList<>(List.of(""));
        TicketStatus.ALL.stream().filter(allowed::contains).sorted().forEach(values::add);
        status.setItems(values);
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("designer.ticketStatus.none")
                : getTranslation("status." + s));
        status.setValue(node.ticketStatus() != null && values.contains(node.ticketStatus()) ? node.ticketStatus() : "");
        status.setWidthFull();
        status.addValueChangeListener(e -> ctx.canvas().setProps(node.id(),
                single("flowdesk:ticketStatus", e.getValue())));
        add(status);
    }

    private void serviceTask(Node node) {
        String current = node.delegate() == null ? "" : node.delegate().replaceAll("^\\$\\{|}$", "");
        Optional<ServiceTaskCatalogue.Entry> entry = ServiceTaskCatalogue.ENTRIES.stream()
                .filter(e -> e.id().equals(current)).findFirst();
        Select<ServiceTaskCatalogue.Entry> kind = new Select<>();
        kind.setLabel(getTranslation("designer.service.kind"));
        kind.setId("prop-service");
        kind.setItems(ServiceTaskCatalogue.ENTRIES);
        kind.setItemLabelGenerator(e -> ctx.zh() ? e.labelZh() : e.labelEn());
        entry.ifPresent(kind::setValue);
        kind.setWidthFull();
        kind.addValueChangeListener(e -> {
            ctx.canvas().setProps(node.id(), Map.of("flowable:delegateExpression", "${" + e.getValue().id() + "}"));
            ctx.canvas().setServiceFields(node.id(), Map.of());
        });
        add(kind);
        entry.ifPresent(e -> {
            Map<String, String> values = new LinkedHashMap<>(node.fields());
            for (ServiceTaskCatalogue.Param param : e.params()) {
                TextField field = new TextField(ctx.zh() ? param.labelZh() : param.labelEn());
                field.setId("prop-param-" + param.name());
                field.setWidthFull();
                field.setRequiredIndicatorVisible(param.required());
                field.setValue(values.getOrDefault(param.name(), ""));
                field.addValueChangeListener(v -> {
                    values.put(param.name(), v.getValue());
                    ctx.canvas().setServiceFields(node.id(), values);
                });
                add(field);
            }
        });
    }

    private void timer(Node node) {
        Matcher m = DURATION.matcher(node.timer() == null ? "" : node.timer());
        int minutes = 0;
        if (m.matches()) {
            minutes = parse(m.group(1)) * 1440 + parse(m.group(2)) * 60 + parse(m.group(3));
        }
        Select<String> unit = new Select<>();
        unit.setLabel(getTranslation("designer.timer.unit"));
        unit.setItems("M", "H", "D");
        unit.setItemLabelGenerator(u -> getTranslation("designer.timer.unit." + u));
        IntegerField amount = new IntegerField(getTranslation("designer.timer.after"));
        amount.setId("prop-timer");
        amount.setMin(1);
        String u = minutes % 1440 == 0 && minutes > 0 ? "D" : minutes % 60 == 0 && minutes > 0 ? "H" : "M";
        unit.setValue(u);
        amount.setValue(minutes == 0 ? null : minutes / (u.equals("D") ? 1440 : u.equals("H") ? 60 : 1));
        Runnable write = () -> {
            if (amount.getValue() != null && amount.getValue() > 0) {
                String value = unit.getValue().equals("D") ? "P" + amount.getValue() + "D"
                        : "PT" + amount.getValue() + unit.getValue();
                ctx.canvas().setTimer(node.id(), value);
            }
        };
        amount.addValueChangeListener(e -> write.run());
        unit.addValueChangeListener(e -> write.run());
        add(new HorizontalLayout(amount, unit));
        if (node.attachedTo() != null) {
            Node task = ctx.outline().nodes().get(node.attachedTo());
            add(new Span(getTranslation("designer.timer.boundary", task == null ? node.attachedTo() : task.label())));
        }
    }

    private void gatewayFlows(Node gateway) {
        List<Flow> outgoing = ctx.outline().outgoing(gateway.id());
        if (outgoing.isEmpty()) {
            add(new Span(getTranslation("designer.gateway.noFlows")));
            return;
        }
        List<ConditionBuilder.Field> fields = new ArrayList<>();
        for (String formKey : ctx.outline().formsBefore(gateway.id(), ctx.metadata().path("startForm").asText())) {
            fields.addAll(ConditionBuilder.fieldsOf(ctx.schema(formKey), ctx.zh()));
        }
        RadioButtonGroup<String> defaultFlow = new RadioButtonGroup<>(getTranslation("designer.gateway.default"));
        defaultFlow.setId("prop-default");
        List<String> choices = new ArrayList<>(List.of(""));
        outgoing.forEach(f -> choices.add(f.id()));
        defaultFlow.setItems(choices);
        defaultFlow.setItemLabelGenerator(id -> id.isEmpty() ? getTranslation("designer.gateway.noDefault")
                : flowLabel(ctx.outline().flows().get(id)));
        defaultFlow.setValue(gateway.defaultFlow() == null ? "" : gateway.defaultFlow());
        defaultFlow.addValueChangeListener(e -> {
            String chosen = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
            if (chosen != null) {
                ctx.canvas().setCondition(chosen, null);
            }
            ctx.canvas().setDefault(gateway.id(), chosen);
        });
        add(defaultFlow);
        for (Flow flow : outgoing) {
            if (flow.id().equals(gateway.defaultFlow())) {
                continue;
            }
            H4 title = new H4(flowLabel(flow));
            title.addClassName("fd-flow-title");
            add(title, new ConditionBuilder("cond-" + flow.id(), fields, flow.condition(),
                    condition -> ctx.canvas().setCondition(flow.id(), condition)));
        }
    }

    private String flowLabel(Flow flow) {
        Node target = ctx.outline().nodes().get(flow.target());
        String name = flow.name() != null && !flow.name().isBlank() ? flow.name() + " " : "";
        return name + "→ " + (target == null ? flow.target() : target.label());
    }

    private void template() {
        JsonNode meta = ctx.metadata();
        add(new H4(getTranslation("designer.template")));
        TextField zh = new TextField(getTranslation("designer.name.zh"));
        zh.setValue(meta.path("name").path("zh-CN").asText(""));
        TextField en = new TextField(getTranslation("designer.name.en"));
        en.setValue(meta.path("name").path("en").asText(""));
        TextField type = new TextField(getTranslation("designer.template.ticketType"));
        type.setValue(meta.path("ticketType").asText(""));
        Checkbox isPublic = new Checkbox(getTranslation("designer.template.public"), meta.path("public").asBoolean());
        Checkbox partnersReply = new Checkbox(getTranslation("tickets.template.partnersMayReply"),
                meta.path("partnersMayReplyToCustomer").asBoolean());
        partnersReply.setId("prop-partners-may-reply");
        ComboBox<String> start = new ComboBox<>(getTranslation("designer.template.startForm"));
        start.setId("prop-start-form");
        start.setItems(ctx.forms().stream().map(FormDrafts.Summary::key).toList());
        start.setValue(meta.path("startForm").asText(null));
        for (Component c : List.of(zh, en, type, start)) {
            ((com.vaadin.flow.component.HasSize) c).setWidthFull();
        }
        Runnable write = () -> {
            ObjectNode copy = meta.deepCopy();
            copy.putObject("name").put("zh-CN", zh.getValue()).put("en", en.getValue());
            copy.put("ticketType", type.getValue());
            copy.put("public", isPublic.getValue());
            if (partnersReply.getValue()) {
                copy.put("partnersMayReplyToCustomer", true);
            } else {
                copy.remove("partnersMayReplyToCustomer");
            }
            copy.put("startForm", start.getValue() == null ? "" : start.getValue());
            ctx.metadataChanged(copy);
        };
        zh.addValueChangeListener(e -> write.run());
        en.addValueChangeListener(e -> write.run());
        type.addValueChangeListener(e -> write.run());
        isPublic.addValueChangeListener(e -> write.run());
        partnersReply.addValueChangeListener(e -> write.run());
        start.addValueChangeListener(e -> write.run());
        add(zh, en, type, start, isPublic, partnersReply, new Span(getTranslation("designer.template.hint")));
    }

    private static Map<String, String> single(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value == null || value.isEmpty() ? null : value);
        return map;
    }

    private static int parse(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }
}
