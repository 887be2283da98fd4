package io.flowdesk.tokens;

import java.util.Set;

/**
 * What a request made with an API token carries on its security identity ({@link #ATTRIBUTE}): the token, its
 * scopes, and the rate limit's verdict for this request ({@code retryAfterSeconds} &gt; 0: over the limit).
 */
public record TokenGrant(String publicId, Set<TokenScope> scopes, int perMinute, long retryAfterSeconds) {

    public static final String ATTRIBUTE = "flowdesk.token";

    public boolean allows(TokenScope needed) {
        return needed == null || scopes.stream().anyMatch(s -> s.covers(needed));
    }

    public boolean overLimit() {
        return retryAfterSeconds > 0;
    }
}
