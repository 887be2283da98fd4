package io.flowdesk.designer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** One read-only diagram with diff marks ({@code frontend/fd-bpmn-diff.js}); see {@link DiffDiagrams}. */
@Tag("fd-bpmn-diff")
@JsModule("./fd-bpmn-diff.js")
@CssImport("./fd-bpmn-diff.css")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
class DiffDiagram extends Component {

    DiffDiagram(String id) {
        setId(id);
    }

    /** {@code marksJson}: {id: {change, title, lines: [...]}}. */
    void show(String bpmnXml, String marksJson) {
        getElement().removeAttribute("data-ready");
        getElement().callJsFunction("show", bpmnXml, marksJson);
    }
}
