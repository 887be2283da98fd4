package io.flowdesk.tokens;

import io.flowdesk.shared.Text;
import io.flowdesk.shared.rest.ProblemMapper;
import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/** A bearer token that is malformed, unknown, expired, revoked, or whose owner is gone: 401 saying which. */
public final class TokenRejected {

    private TokenRejected() {
    }

    public static AuthenticationFailedException because(Text reason) {
        return new AuthenticationFailedException(reason.key(), Map.of(ProblemMapper.AUTH_REASON, reason,
                ProblemMapper.AUTH_CHALLENGE, "Bearer realm=\"FlowDesk\", error=\"invalid_token\""));
    }
}
