package io.flowdesk.designer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

    static final String BPMN_JS_KEYS = "designer.bpmnjs.";

    public BpmnCanvas() {
        this(Locale.ENGLISH);
    }

    /** bpmn-js texts in the given language: its English templates mapped to the catalogue's words. */
    public BpmnCanvas(Locale locale) {
        setId("bpmn-canvas");
        getElement().setAttribute("translations", Json.write(translations(locale)));
    }

    static Map<String, String> translations(Locale locale) {
        Map<String, String> map = new TreeMap<>();
        for (String key : Messages.bundle(Messages.EN).keySet()) {
            if (key.startsWith(BPMN_JS_KEYS)) {
                map.put(Messages.pattern(Messages.EN, key), Messages.get(locale, key));
            }
        }
        return map;
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
