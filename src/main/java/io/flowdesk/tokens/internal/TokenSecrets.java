package io.flowdesk.tokens.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The token format: {@code fdt_<public id>_<secret>}. The public id (12 characters of [a-z0-9]) finds the row without
 * scanning; the secret is 32 random bytes (256 bits, base64url), so a plain SHA-256 is enough to store it (no slow
 * hash needed: nothing to brute-force), and the stored hash is compared in constant time.
 */
public final class TokenSecrets {

    public static final String PREFIX = "fdt_";
    static final int ID_LENGTH = 12;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A new token and its public id. */
    public static Minted mint() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String publicId = new String(id);
        String token = PREFIX + publicId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Minted(publicId, token, hash(token));
    }

    /** The public id of a well-formed token, or null. */
    public static String publicIdOf(String token) {
        if (token == null || token.length() != PREFIX.length() + ID_LENGTH + 1 + 43 || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return null;
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        for (char c : id.toCharArray()) {
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return id;
    }

    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the token hashes to the stored hash, in time independent of where they differ. */
    public static boolean matches(String token, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public record Minted(String publicId, String token, String hash) {
    }
}
