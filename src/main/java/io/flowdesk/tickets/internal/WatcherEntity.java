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

@Entity
@Table(name = "ticket_watcher")
@IdClass(WatcherEntity.Key.class)
public class WatcherEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public long ticketId;

    @Id
    public String username;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public long ticketId;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ticketId == ticketId && Objects.equals(k.username, username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, username);
        }
    }
}
