package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarInput;
import io.flowdesk.sla.CalendarRange;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A calendar's fields, data in ({@link #show}) and out ({@link #input()}): names, zone, ranges per weekday as
 * {@code 09:00-12:00, 13:30-18:00}, holidays and make-up days one per line as {@code 2026-02-14 春节}.
 */
class CalendarForm extends Composite<VerticalLayout> {

    final TextField key = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final ComboBox<String> zone = new ComboBox<>();
    private final Checkbox always = new Checkbox();
    private final Select<DayOfWeek> makeUpWeekday = new Select<>();
    private final Map<DayOfWeek, TextField> week = new EnumMap<>(DayOfWeek.class);
    private final TextArea holidays = new TextArea();
    private final TextArea makeUpDays = new TextArea();

    CalendarForm() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        field(key, "calendar-key", "calendar.field.key");
        field(nameZh, "calendar-name-zh", "calendar.field.nameZh");
        field(nameEn, "calendar-name-en", "calendar.field.nameEn");
        zone.setId("calendar-zone");
        zone.setLabel(getTranslation("calendar.field.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setAllowCustomValue(false);
        always.setId("calendar-24x7");
        always.setLabel(getTranslation("calendar.field.twentyFourSeven"));
        makeUpWeekday.setId("calendar-makeup-weekday");
        makeUpWeekday.setLabel(getTranslation("calendar.field.makeUpWeekday"));
        makeUpWeekday.setItems(DayOfWeek.values());
        makeUpWeekday.setItemLabelGenerator(d -> getTranslation("calendar.weekday." + d.name()));
        zone.setWidth("16em");
        layout.add(row(key, nameZh, nameEn, zone, makeUpWeekday, always));
        FlexLayout days = row();
        for (DayOfWeek day : DayOfWeek.values()) {
            TextField ranges = new TextField();
            field(ranges, "week-" + day.name(), "calendar.weekday." + day.name());
            ranges.setPlaceholder(getTranslation("calendar.field.dayOff"));
            ranges.setWidth("15em");
            week.put(day, ranges);
            days.add(ranges);
        }
        area(holidays, "calendar-holidays", "calendar.field.holidays");
        area(makeUpDays, "calendar-makeups", "calendar.field.makeUpDays");
        layout.add(new com.vaadin.flow.component.html.Span(getTranslation("calendar.field.rangesHint")), days,
                row(holidays, makeUpDays));
    }

    void show(BusinessCalendar c, boolean isNew) {
        key.setValue(c.key());
        key.setReadOnly(!isNew);
        nameZh.setValue(c.nameZh());
        nameEn.setValue(c.nameEn());
        zone.setValue(c.zone().getId());
        always.setValue(c.twentyFourSeven());
        makeUpWeekday.setValue(c.makeUpWeekday());
        c.week().forEach((day, ranges) -> week.get(day).setValue(ranges.stream().map(CalendarRange::toString)
                .collect(Collectors.joining(", "))));
        holidays.setValue(lines(c.holidays()));
        makeUpDays.setValue(lines(c.makeUpDays()));
        clearErrors();
    }

    String keyValue() {
        return key.getValue().trim();
    }

    CalendarInput input() {
        Map<String, List<String>> ranges = new LinkedHashMap<>();
        week.forEach((day, field) -> ranges.put(day.name(), Arrays.stream(field.getValue().split("[,;，；、]"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        return new CalendarInput(nameZh.getValue(), nameEn.getValue(), zone.getValue(), ranges, days(holidays),
                days(makeUpDays), makeUpWeekday.getValue() == null ? null : makeUpWeekday.getValue().name(),
                always.getValue());
    }

    /** Puts each problem on its field; returns the ones no field shows. */
    List<FieldError> showErrors(List<FieldError> errors) {
        clearErrors();
        List<FieldError> rest = new ArrayList<>();
        for (FieldError e : errors) {
            HasValidation target = target(e.pointer());
            if (target == null) {
                rest.add(e);
            } else {
                target.setInvalid(true);
                target.setErrorMessage(Ui.text(e.text()));
            }
        }
        return rest;
    }

    private HasValidation target(String pointer) {
        if (pointer.startsWith("/week/")) {
            return week.get(DayOfWeek.valueOf(pointer.substring(6).split("/")[0]));
        }
        if (pointer.startsWith("/holidays")) {
            return holidays;
        }
        if (pointer.startsWith("/makeUpDays")) {
            return makeUpDays;
        }
        return switch (pointer) {
            case "/zone" -> zone;
            case "/key" -> key;
            default -> null;
        };
    }

    private void clearErrors() {
        List<HasValidation> all = new ArrayList<>(week.values());
        all.addAll(List.of(key, zone, holidays, makeUpDays));
        all.forEach(f -> f.setInvalid(false));
    }

    private static List<CalendarInput.Day> days(TextArea area) {
        return area.getValue().lines().map(String::trim).filter(l -> !l.isEmpty()).map(line -> {
            String[] parts = line.split("\\s+", 2);
            return new CalendarInput.Day(parts[0], parts.length > 1 ? parts[1] : "");
        }).toList();
    }

    private static String lines(Map<java.time.LocalDate, String> days) {
        return days.entrySet().stream().map(e -> (e.getKey() + " " + e.getValue()).trim())
                .collect(Collectors.joining("\n"));
    }

    private void field(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    private void area(TextArea area, String id, String labelKey) {
        area.setId(id);
        area.setLabel(getTranslation(labelKey));
        area.setHelperText(getTranslation("calendar.field.daysHint"));
        area.setWidth("min(100%, 30em)");
        area.setHeight("14em");
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "0 var(--lumo-space-m)");
        return row;
    }
}
