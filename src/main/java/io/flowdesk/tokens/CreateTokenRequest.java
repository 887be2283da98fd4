package io.flowdesk.tokens;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A new token: a name (what it is for), its scopes, when it expires (absent: {@code expiresInDays}; both absent:
 * never), and optionally a lower rate limit than the configured one.
 */
public record CreateTokenRequest(String name, List<String> scopes, OffsetDateTime expiresAt, Integer expiresInDays,
        Integer ratePerMinute) {
}
