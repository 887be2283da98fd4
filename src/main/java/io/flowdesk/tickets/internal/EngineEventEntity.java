package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the engine outbox, read and deleted by the relay. */
@Entity
@Table(name = "engine_event")
public class EngineEventEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    @Column(name = "process_instance_id")
    public String processInstanceId;

    public String kind;

    @Column(name = "task_id")
    public String taskId;

    @Column(name = "payload_json")
    public String payloadJson;
}
