package io.flowdesk.macros;

import io.flowdesk.shared.Text;
import java.util.List;

/**
 * What applying a macro to a ticket does (preview) or did (result): the reply with its placeholders filled, in
 * which language, whether it is internal, and each effect in words.
 */
public record MacroPreview(String macro, String number, String reply, String language, boolean internal,
        List<Text> effects) {
}
