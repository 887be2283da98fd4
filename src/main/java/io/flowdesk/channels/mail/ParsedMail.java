package io.flowdesk.channels.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What FlowDesk reads from one message. Addresses are lower-cased; {@code text} is the new text with the quoted
 * history folded into {@code quoted}; {@code html} is the sanitised HTML body when there was one.
 *
 * @param auto why the message is machine-made (e.g. {@code Auto-Submitted: auto-replied}), null for a person's mail
 * @param bounced recipients a delivery report says failed (empty unless {@code report} is a delivery report)
 */
public record ParsedMail(String messageId, String inReplyTo, List<String> references, Address from,
        Address replyTo, List<Address> to, List<Address> cc, String subject, OffsetDateTime date, String text,
        String quoted, String html, List<Part> attachments, String auto, boolean report, List<String> bounced) {

    public record Address(String email, String name) {

        /** The name to show: the display name, else the part before the {@code @}. */
        public String shownName() {
            return name == null || name.isBlank() ? email.substring(0, Math.max(1, email.indexOf('@'))) : name;
        }
    }

    /** An attachment or inline image. */
    public record Part(String fileName, String contentType, byte[] bytes, boolean inline) {
    }

    /** Every Message-ID this message points back to: In-Reply-To first, then References newest first. */
    public List<String> ancestors() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }
}
