package io.flowdesk.tokens;

/** Reading {@code Authorization: Bearer …}. */
public final class TokenHeaders {

    static final String SCHEME = "Bearer";

    private TokenHeaders() {
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    public static String bearer(String header) {
        if (header == null || header.length() <= SCHEME.length() + 1
                || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return null;
        }
        return header.substring(SCHEME.length() + 1).strip();
    }
}
