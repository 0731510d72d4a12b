package com.scratch.emulators.ssm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a SecureString read without {@code WithDecryption} returns: like real SSM, an opaque base64 blob
 * instead of the plaintext, so code that forgets to ask for decryption fails in tests too. The blob is an
 * HMAC under a key that lives only in this emulator, so it reveals nothing about the value, yet it is the
 * same for the same parameter version and changes when the value does.
 */
final class OpaqueCiphertext {

    // The first bytes of every KMS ciphertext blob ("AQICAHh..." in base64).
    private static final byte[] KMS_BLOB_HEADER = {0x01, 0x02, 0x02, 0x00, 0x78};

    private final SecretKeySpec key;

    OpaqueCiphertext() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String of(VaultEntry parameter) {
        byte[] mac = mac(parameter.name() + '\0' + parameter.version() + '\0' + parameter.value());
        ByteBuffer blob = ByteBuffer.allocate(KMS_BLOB_HEADER.length + mac.length);
        blob.put(KMS_BLOB_HEADER).put(mac);
        return Base64.getEncoder().encodeToString(blob.array());
    }

    private byte[] mac(String text) {
        try {
            // Mac instances are not thread-safe; a new one per call is cheap at emulator volumes.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
