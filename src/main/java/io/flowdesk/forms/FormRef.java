package io.flowdesk.forms;

/** A pinned form version. */
public record FormRef(String key, int version) {
}
