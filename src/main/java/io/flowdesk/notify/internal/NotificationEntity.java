package io.flowdesk.notify.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "ticket_id")
    public Long ticketId;

    /** The ticket's number, for the link to its route; null on rows without a ticket. */
    @Column(name = "ticket_number")
    public String ticketNumber;

    public String kind;
    /** English copy, for logs; the reader's language comes from {@link #messageText}. */
    public String text;

    /** The message as a catalogue key and arguments ({@code StoredText} JSON); null on rows older than V7. */
    @Column(name = "message_text")
    public String messageText;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
