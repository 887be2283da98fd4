package io.flowdesk.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One chart: Apache ECharts ({@code frontend/fd-echart.js}). The caller builds the whole ECharts option as JSON (texts
 * from the catalogue, numbers from the server); a click on a data item comes back as a {@link Click}, so a chart can
 * drill down to the tickets behind it. Give it a height ({@code setHeight}); the width follows its container.
 */
@Tag("fd-echart")
@JsModule("./fd-echart.js")
@NpmPackage(value = "echarts", version = "6.1.0")
public class EChart extends Component implements HasSize {

    /** A click on a data item: the series' name, the item's (category) name and its index in the series. */
    public record Click(String series, String name, int index) {}

    public EChart() {
        setHeight("300px");
        setWidthFull();
    }

    /** Replaces the chart's option (not merged: the option is the whole chart). */
    public void setOption(String optionJson) {
        getElement().removeAttribute("data-ready");
        getElement().callJsFunction("setOption", optionJson);
    }

    /**
     * A grid whose margins hold the axis labels and the axis names (ECharts 6 {@code outerBounds}; the older
     * {@code containLabel} left the value axis' name outside and cut it off at the chart's edge).
     */
    public static Map<String, Object> grid(int top, int bottom) {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("left", 8);
        grid.put("right", 16);
        grid.put("top", top);
        grid.put("bottom", bottom);
        grid.put("outerBoundsMode", "same");
        grid.put("outerBoundsContain", "all");
        return grid;
    }

    public Registration addClickListener(Consumer<Click> listener) {
        return addListener(ClickEvent.class, e -> listener.accept(new Click(e.series, e.name, e.index)));
    }

    /** The browser's {@code chart-click} (see {@code fd-echart.js}). */
    @DomEvent("chart-click")
    public static class ClickEvent extends ComponentEvent<EChart> {
        final String series;
        final String name;
        final int index;

        public ClickEvent(EChart source, boolean fromClient, @EventData("event.detail.series") String series,
                @EventData("event.detail.name") String name, @EventData("event.detail.index") int index) {
            super(source, fromClient);
            this.series = series;
            this.name = name;
            this.index = index;
        }
    }
}
