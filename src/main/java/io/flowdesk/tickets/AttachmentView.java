package io.flowdesk.tickets;

import java.time.OffsetDateTime;

/** An attachment of a ticket (metadata). */
public record AttachmentView(long id, String fileName, String contentType, long size, String sha256,
        String uploadedBy, boolean internal, OffsetDateTime createdAt) {
}
