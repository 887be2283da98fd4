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

    /** A click on a user task of the diagram: its id. */
    public com.vaadin.flow.shared.Registration addStepClickListener(java.util.function.Consumer<String> listener) {
        return addListener(StepClick.class, e -> listener.accept(e.stepId));
    }

    /** The browser's {@code step-click} (see {@code fd-flow-heatmap.js}). */
    @com.vaadin.flow.component.DomEvent("step-click")
    public static class StepClick extends com.vaadin.flow.component.ComponentEvent<FlowHeatmap> {
        final String stepId;

        public StepClick(FlowHeatmap source, boolean fromClient,
                @com.vaadin.flow.component.EventData("event.detail.id") String stepId) {
            super(source, fromClient);
            this.stepId = stepId;
        }
    }

    /** Draws the diagram; {@code dataJson}: {steps: {id: {color, bucket, label}}, flows: {id: taken}, noData}. */
    public void show(String bpmnXml, String dataJson) {
        getElement().removeAttribute("data-ready");
        getElement().callJsFunction("show", bpmnXml, dataJson);
    }
}
