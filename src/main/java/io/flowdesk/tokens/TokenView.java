package io.flowdesk.tokens;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A token as lists show it: never the secret (only its hash is stored), only the public prefix
 * {@code fdt_<id>} that names it.
 *
 * @param status {@code active}, {@code expired} or {@code revoked}
 */
public record TokenView(String id, String prefix, String name, String owner, boolean serviceAccount,
        List<String> scopes, Integer ratePerMinute, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy, OffsetDateTime lastUsedAt,
        String lastUsedAddress, String status) {
}
