package io.flowdesk.notify.internal;


import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals robot and webhook URLs and secrets at rest: AES-GCM with a random 12-byte nonce per value and the key from
 * {@code flowdesk.secrets.key}. A sealed value is {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}; it is opened only
 * to send, never shown again.
 */
@ApplicationScoped
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    NotifySettings config;

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a secret", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith("v1:")) {
            throw new IllegalStateException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with flowdesk.secrets.key", e);
        }
    }

    private SecretKeySpec key() {
        String configured = config.secretsKey().filter(k -> !k.isBlank()).orElseThrow(() -> new InvalidInput(
                Text.of("notify.error.noSecretsKey"), java.util.List.of()));
        byte[] raw = Base64.getDecoder().decode(configured.trim());
        if (raw.length != 16 && raw.length != 32) {
            throw new IllegalStateException("flowdesk.secrets.key must be 16 or 32 bytes, base64");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
