package io.flowdesk.sla.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A holiday ({@code kind = holiday}) or a make-up working day ({@code kind = makeup}) of one calendar. */
@Entity
@Table(name = "calendar_day")
public class CalendarDayEntity extends PanacheEntityBase {

    public static final String HOLIDAY = "holiday";
    public static final String MAKE_UP = "makeup";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "calendar_key")
    public String calendarKey;

    public LocalDate day;

    public String kind;

    public String name;
}
