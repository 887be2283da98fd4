package io.flowdesk.tokens.internal;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented on a request, and the client address it came from (for "last used"). */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String address;

    public TokenAuthenticationRequest(String token, String address) {
        this.token = token;
        this.address = address;
    }

    public String token() {
        return token;
    }

    public String address() {
        return address;
    }
}
