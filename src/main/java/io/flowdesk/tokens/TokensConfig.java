package io.flowdesk.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** API tokens ({@code flowdesk.tokens.*}, ADR 0050). */
@ConfigMapping(prefix = "flowdesk.tokens")
public interface TokensConfig {

    /** Requests one token may make per minute unless the token sets a lower limit; counted across all nodes. */
    @WithDefault("600")
    int requestsPerMinute();

    /** Tokens one user may hold that are neither revoked nor expired. */
    @WithDefault("50")
    int maxPerUser();
}
