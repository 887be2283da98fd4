package io.flowdesk.sla.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "calendar")
public class CalendarEntity extends PanacheEntityBase {

    @Id
    public String key;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    public String zone;

    /** {@code {"MONDAY": ["09:00-18:00"], ...}}; weekdays without ranges are left out. */
    @Column(name = "week_json")
    public String weekJson;

    @Column(name = "make_up_weekday")
    public String makeUpWeekday;

    @Column(name = "twenty_four_seven")
    public boolean twentyFourSeven;

    /** Bumped by every write; caches on every node compare it. */
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
