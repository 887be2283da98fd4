package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarExplain;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** "Try it": start + minutes → due, and from/to → working minutes, on the calendar as the form shows it now. */
class CalendarTryIt extends Composite<VerticalLayout> {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm");

    private final Supplier<BusinessCalendar> calendar;
    private final TextField start = new TextField();
    private final TextField minutes = new TextField();
    private final Span dueResult = new Span();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Span elapsedResult = new Span();

    /** {@code calendar} gives the calendar to compute on, or null (it has shown why). */
    CalendarTryIt(Supplier<BusinessCalendar> calendar) {
        this.calendar = calendar;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("fd-calendar-try");
        field(start, "try-start", "calendar.tryIt.start", "2026-02-13 17:00");
        field(minutes, "try-minutes", "calendar.tryIt.minutes", "120");
        field(from, "try-from", "calendar.tryIt.from", "2026-02-13 17:00");
        field(to, "try-to", "calendar.tryIt.to", "2026-02-14 10:00");
        Button due = new Button(getTranslation("calendar.tryIt.computeDue"), e -> computeDue());
        due.setId("try-due");
        Button elapsed = new Button(getTranslation("calendar.tryIt.computeElapsed"), e -> computeElapsed());
        elapsed.setId("try-elapsed");
        dueResult.setId("try-due-result");
        elapsedResult.setId("try-elapsed-result");
        dueResult.addClassName("fd-try-result");
        elapsedResult.addClassName("fd-try-result");
        layout.add(new H3(getTranslation("calendar.tryIt.title")), new Span(getTranslation("calendar.tryIt.hint")),
                row(start, minutes, due), dueResult, row(from, to, elapsed), elapsedResult);
    }

    private void computeDue() {
        BusinessCalendar c = calendar.get();
        Instant at = instant(c, start);
        Long count = count();
        if (c == null || at == null || count == null) {
            dueResult.setText("");
            return;
        }
        try {
            Instant due = c.plusWorkingMinutes(at, count);
            dueResult.setText(Ui.text(CalendarExplain.due(c, at, due, getLocale())));
        } catch (IllegalStateException e) {
            dueResult.setText(Ui.text(io.flowdesk.shared.Text.of("calendar.error.noWorkingTimeAhead", c.key())));
        }
    }

    private void computeElapsed() {
        BusinessCalendar c = calendar.get();
        Instant a = instant(c, from);
        Instant b = instant(c, to);
        elapsedResult.setText(c == null || a == null || b == null ? ""
                : Ui.text(CalendarExplain.elapsed(c.workingMinutesBetween(a, b))));
    }

    private Instant instant(BusinessCalendar c, TextField field) {
        field.setInvalid(false);
        if (c == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(field.getValue().trim(), INPUT).atZone(c.zone()).toInstant();
        } catch (DateTimeParseException e) {
            field.setErrorMessage(getTranslation("calendar.tryIt.badDateTime", field.getValue()));
            field.setInvalid(true);
            return null;
        }
    }

    private Long count() {
        minutes.setInvalid(false);
        try {
            long n = Long.parseLong(minutes.getValue().trim());
            if (n >= 0 && n <= 10_000_000L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        minutes.setErrorMessage(getTranslation("calendar.tryIt.badMinutes"));
        minutes.setInvalid(true);
        return null;
    }

    private void field(TextField field, String id, String labelKey, String placeholder) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setPlaceholder(placeholder);
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }
}
