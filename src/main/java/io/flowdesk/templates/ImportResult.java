package io.flowdesk.templates;

import io.flowdesk.shared.FieldError;
import java.util.List;

/**
 * What happened to one template folder at import.
 *
 * @param outcome PUBLISHED (new version), UNCHANGED (same content as the newest version) or REJECTED
 */
public record ImportResult(String folder, String key, String outcome, Integer version, List<FieldError> errors) {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String REJECTED = "REJECTED";
}
