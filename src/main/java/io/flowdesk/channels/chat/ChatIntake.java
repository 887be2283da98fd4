package io.flowdesk.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.channels.chat.internal.ChatImporter;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chat in's public face (ADR 0043): checks a posted transcript field by field (every error names the field by its
 * label) and hands it to the importer. Admins only until API tokens exist.
 */
@ApplicationScoped
public class ChatIntake {

    public static final int MAX_MESSAGES = 2000;
    public static final int MAX_TEXT = 20_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    ChatImporter importer;

    public Uni<ChatIntakeResult> post(CurrentUser user, JsonNode body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.INTAKE)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("chat.error.forbidden")));
        }
        try {
            return importer.post(parse(body));
        } catch (InvalidInput e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The transcript, or an {@link InvalidInput} naming every wrong field. */
    static ChatTranscript parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.of("", Text.of("chat.error.body"), "required");
        }
        List<FieldError> errors = new ArrayList<>();
        String conversation = text(body.get("conversationId"));
        if (conversation == null || conversation.length() > 200) {
            errors.add(FieldError.of("/conversationId", Text.of("chat.error.conversationId"), "required"));
        }
        JsonNode customer = body.path("customer");
        String name = text(customer.get("name"));
        if (name == null || name.length() > 200) {
            errors.add(FieldError.of("/customer/name", Text.of("chat.error.name"), "required"));
        }
        String email = text(customer.get("email"));
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(FieldError.of("/customer/email", Text.of("chat.error.email"), "format"));
        }
        String phone = text(customer.get("phone"));
        if (phone != null && phone.length() > 50) {
            errors.add(FieldError.of("/customer/phone", Text.of("chat.error.phone"), "max-length"));
        }
        String template = text(body.get("template"));
        if (template != null && template.length() > 100) {
            errors.add(FieldError.of("/template", Text.of("chat.error.template"), "max-length"));
        }
        List<ChatTranscript.Message> messages = messages(body.get("messages"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("chat.error.invalid"), errors);
        }
        return new ChatTranscript(conversation, name, email == null ? null : email.toLowerCase(), phone, messages,
                template == null ? "general-inquiry" : template);
    }

    private static List<ChatTranscript.Message> messages(JsonNode list, List<FieldError> errors) {
        List<ChatTranscript.Message> messages = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_MESSAGES) {
            errors.add(FieldError.of("/messages", Text.of("chat.error.messages", MAX_MESSAGES), "size"));
            return messages;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String pointer = "/messages/" + i;
            int shown = i + 1;
            OffsetDateTime at = null;
            try {
                String value = text(m.get("at"));
                at = value == null ? null : OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                at = null;
            }
            if (at == null) {
                errors.add(FieldError.of(pointer + "/at", Text.of("chat.error.at", shown), "format"));
            }
            String from = text(m.get("from"));
            if (!"customer".equals(from) && !"agent".equals(from)) {
                errors.add(FieldError.of(pointer + "/from", Text.of("chat.error.from", shown), "enum"));
            }
            String author = text(m.get("author"));
            if (author != null && author.length() > 200) {
                errors.add(FieldError.of(pointer + "/author", Text.of("chat.error.author", shown), "max-length"));
            }
            String words = text(m.get("text"));
            if (words == null || words.length() > MAX_TEXT) {
                errors.add(FieldError.of(pointer + "/text", Text.of("chat.error.text", shown, MAX_TEXT),
                        "required"));
            }
            messages.add(new ChatTranscript.Message(at, from, author, words));
        }
        return messages;
    }

    /** A non-blank string value, stripped; anything else (absent, a number, an object) is null. */
    private static String text(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }
}
