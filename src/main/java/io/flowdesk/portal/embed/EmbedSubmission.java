package io.flowdesk.portal.embed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a visitor sends from the embedded form.
 *
 * @param website the honeypot: hidden from people, filled by bots; anything in it means "drop silently"
 */
public record EmbedSubmission(String name, String email, String phone, String title, JsonNode data,
        String website) {
}
