package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A tag on a ticket (V20); written only through {@code TicketCommands}. */
@Entity
@Table(name = "ticket_tag")
@IdClass(TicketTagEntity.Key.class)
public class TicketTagEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public long ticketId;

    @Id
    public String tag;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public long ticketId;
        public String tag;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ticketId == ticketId && Objects.equals(k.tag, tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, tag);
        }
    }
}
