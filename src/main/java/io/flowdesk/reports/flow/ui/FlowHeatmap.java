package io.flowdesk.reports.flow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** The read-only bpmn-js heatmap ({@code frontend/fd-flow-heatmap.js}); the server sends colours and counts. */
@Tag("fd-flow-heatmap")
@JsModule("./fd-flow-heatmap.js")
@CssImport("./fd-flow-heatmap.css")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
public class FlowHeatmap extends Component implements com.vaadin.flow.component.HasSize {

    public FlowHeatmap() {
        setId("flow-heatmap");
    }

    /** Draws the diagram; {@code dataJson}: {steps: {id: {color, bucket, label}}, flows: {id: taken}, noData}. */
    public void show(String bpmnXml, String dataJson) {
        getElement().removeAttribute("data-ready");
        getElement().callJsFunction("show", bpmnXml, dataJson);
    }
}
