package io.flowdesk.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One to five stars as real buttons: each is reachable with Tab, chosen with Enter or Space (or a tap), announced
 * by its aria-label ("3 stars" / "3 星") and marks its state with aria-pressed; the group carries the question.
 */
public class StarRating extends Div {

    private final List<NativeButton> stars = new ArrayList<>();
    private final Span error = new Span();
    private Integer value;

    public StarRating(String groupLabel) {
        addClassName("fd-stars");
        Div row = new Div();
        row.addClassName("fd-stars-row");
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-label", groupLabel);
        for (int n = 1; n <= 5; n++) {
            int stars = n;
            NativeButton star = new NativeButton("★", e -> setValue(stars));
            star.setId("csat-star-" + n);
            star.addClassName("fd-star");
            star.getElement().setAttribute("type", "button");
            star.getElement().setAttribute("aria-label", n == 1 ? getTranslation("portal.rating.star.one")
                    : getTranslation("portal.rating.stars", n));
            star.getElement().setAttribute("aria-pressed", "false");
            this.stars.add(star);
            row.add(star);
        }
        error.addClassName("fd-stars-error");
        error.setId("csat-rating-error");
        error.getElement().setAttribute("role", "alert");
        add(row, error);
    }

    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
        for (int i = 0; i < stars.size(); i++) {
            boolean on = value != null && i < value;
            stars.get(i).getElement().getClassList().set("fd-star-on", on);
            stars.get(i).getElement().setAttribute("aria-pressed", Boolean.toString(value != null && i + 1 == value));
        }
        setError(null);
    }

    /** Shows (or, with null, clears) a message under the stars. */
    public void setError(String message) {
        error.setText(message == null ? "" : message);
        getElement().getClassList().set("fd-stars-invalid", message != null);
    }
}
