package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry on a ticket's timeline. */
@Entity
@Table(name = "ticket_event")
public class TicketEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    public OffsetDateTime at;
    public String kind;
    public String actor;

    @Column(name = "task_id")
    public String taskId;

    public String summary;

    /** The summary as a catalogue key and arguments ({@code StoredText} JSON); null on rows older than V7. */
    @Column(name = "summary_text")
    public String summaryText;

    @Column(name = "details_json")
    public String detailsJson;

    /** Internal entries never reach customers. */
    public boolean internal;
}
