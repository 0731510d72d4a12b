package com.scratch.emulators.ssm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for SecureString values at rest, under a key kept in a file of its own. The parameter name is
 * the associated data, so a ciphertext only decrypts under the name it was written for. A sealed value is
 * base64 of the 12-byte IV followed by the ciphertext and its 128-bit tag.
 */
final class SecureStringCipher {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    // SecureRandom is thread-safe; one instance avoids reseeding for every value.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecureStringCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Reads an existing key file; fails if it does not hold exactly a 256-bit key. */
    static SecureStringCipher read(Path keyFile) throws IOException {
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new ParameterFileUnreadableException(keyFile,
                    "holds " + key.length + " bytes instead of the " + KEY_BYTES + " of an AES-256 key");
        }
        return new SecureStringCipher(key);
    }

    /**
     * Writes a fresh random key to {@code keyFile}, owner-only where the file system has POSIX permissions.
     * The key goes to a temporary file first, so a crash never leaves a half-written key behind, and the
     * final move refuses to replace a key that appeared meanwhile ({@link FileAlreadyExistsException}).
     */
    static SecureStringCipher create(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path directory = keyFile.toAbsolutePath().getParent();
        // Owner-only from creation on, rather than narrowed afterwards, so the key is never readable by others.
        Path temp = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(directory, "local.key.", ".tmp", ownerOnly())
                : Files.createTempFile(directory, "local.key.", ".tmp");
        try {
            Files.write(temp, key);
            Files.move(temp, keyFile);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new SecureStringCipher(key);
    }

    /** Seals {@code plaintext} for the parameter {@code name}, with a new random IV every time. */
    String encrypt(String name, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, new GCMParameterSpec(TAG_BITS, iv), name);
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is required by every JDK", e);
        }
    }

    /** The plaintext, or empty if {@code sealed} was not sealed under this key for this {@code name}. */
    Optional<String> decrypt(String name, String sealed) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (blob.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES), name);
            byte[] plaintext = cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (AEADBadTagException wrongKeyNameOrBytes) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is required by every JDK", e);
        }
    }

    private Cipher cipher(int mode, GCMParameterSpec iv, String name) throws GeneralSecurityException {
        // Cipher instances are not thread-safe, and GCM must not reuse one IV; a new instance per value is cheap.
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, iv);
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
