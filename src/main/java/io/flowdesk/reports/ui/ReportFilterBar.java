package io.flowdesk.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The row of filters above a report (dashboard, flow heatmap, forecast, field reports): choices and dates set up
 * alike (id, label, the reader's locale, an "all" entry where none is a choice), side by side on a desktop and two to
 * a line on a phone ({@code frontend/fd-reports.css}). Data in, nothing out: each view listens to the fields it
 * gets, so what a change refreshes stays the view's business.
 */
@CssImport("./fd-reports.css")
public class ReportFilterBar extends Div {

    private final Locale locale;

    public ReportFilterBar(Locale locale) {
        this.locale = locale;
        addClassName("fd-report-filters");
    }

    /**
     * A choice among {@code values}, shown by {@code label}; with an {@code all} caption the empty choice (null)
     * means "all", without one a value must be picked.
     */
    public <T> Select<T> choice(Select<T> select, String id, String caption, Collection<T> values,
            Function<T, String> label, String all) {
        select.setId(id);
        select.setLabel(caption);
        select.setItems(List.copyOf(values));
        if (all != null) {
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(all);
        }
        select.setItemLabelGenerator(v -> v == null ? all : label.apply(v));
        add(select);
        return select;
    }

    /** A date in the reader's locale, starting at {@code value}. */
    public DatePicker date(DatePicker picker, String id, String caption, LocalDate value) {
        picker.setId(id);
        picker.setLabel(caption);
        picker.setLocale(locale);
        picker.setValue(value);
        add(picker);
        return picker;
    }

    /** Small extras on the same line (e.g. preset ranges). */
    public Div extras(Component... components) {
        Div extras = new Div(components);
        extras.addClassName("fd-report-filters-extra");
        add(extras);
        return extras;
    }
}
