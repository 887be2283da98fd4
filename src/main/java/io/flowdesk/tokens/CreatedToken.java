package io.flowdesk.tokens;

/** The answer to creating a token: the secret, this once and never again, and the token as lists show it. */
public record CreatedToken(String token, TokenView details) {
}
