package io.flowdesk.designer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.flowdesk.shared.Json;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bpmn-js canvas ({@code frontend/fd-bpmn-designer.js}). It reports the diagram after every change and the
 * selection; the server applies edits through it so bpmn-js keeps undo/redo. The bpmn.io watermark stays visible.
 */
@Tag("fd-bpmn-designer")
@JsModule("./fd-bpmn-designer.js")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "diagram-js-minimap", version = "5.5.0")
public class BpmnCanvas extends Component {

    public BpmnCanvas() {
        setId("bpmn-canvas");
    }

    public void importXml(String xml) {
        getElement().callJsFunction("importXml", xml);
    }

    public void onChange(Consumer<String> listener) {
        getElement().addEventListener("fd-change", e -> listener.accept(e.getEventData().path("event.detail.xml").asString("")))
                .addEventData("event.detail.xml");
    }

    public void onSelect(Consumer<String> listener) {
        getElement().addEventListener("fd-select", e -> listener.accept(e.getEventData().path("event.detail.id").asString("")))
                .addEventData("event.detail.id");
    }

    public void select(String id) {
        getElement().callJsFunction("select", id);
    }

    public void setProblems(Collection<String> ids) {
        getElement().callJsFunction("setProblems", Json.write(ids));
    }

    /** Sets attributes, e.g. {@code name}, {@code flowdesk:nameEn}, {@code flowable:formKey}; null removes. */
    public void setProps(String id, Map<String, String> props) {
        getElement().callJsFunction("setProps", id, Json.write(props));
    }

    public void setCondition(String flowId, String condition) {
        getElement().callJsFunction("setCondition", flowId, condition);
    }

    public void setDefault(String gatewayId, String flowId) {
        getElement().callJsFunction("setDefault", gatewayId, flowId);
    }

    public void setServiceFields(String id, Map<String, String> fields) {
        getElement().callJsFunction("setServiceFields", id, Json.write(fields));
    }

    public void setTimer(String id, String duration) {
        getElement().callJsFunction("setTimer", id, duration);
    }

    public void flush() {
        getElement().callJsFunction("flush");
    }

    /** undo, redo, zoom (in, out, fit), toggleMinimap. */
    public void command(String name, String argument) {
        if (argument == null) {
            getElement().callJsFunction(name);
        } else {
            getElement().callJsFunction(name, argument);
        }
    }
}
