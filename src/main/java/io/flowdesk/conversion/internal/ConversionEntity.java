package io.flowdesk.conversion.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One conversion of a ticket to another template's flow (V40). */
@Entity
@Table(name = "ticket_conversion")
public class ConversionEntity extends PanacheEntityBase {

    public static final String STARTED = "STARTED";
    public static final String DONE = "DONE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    public int seq;

    @Column(name = "from_template")
    public String fromTemplate;

    @Column(name = "from_version_id")
    public long fromVersionId;

    @Column(name = "from_process_instance")
    public String fromProcessInstance;

    @Column(name = "to_template")
    public String toTemplate;

    @Column(name = "to_version_id")
    public long toVersionId;

    @Column(name = "data_json")
    public String dataJson;

    public String reason;

    public String actor;

    public String state;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;
}
