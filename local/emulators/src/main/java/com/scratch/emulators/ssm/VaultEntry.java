package com.scratch.emulators.ssm;

import java.time.Instant;
import java.util.Objects;

/**
 * One parameter as a {@link ParameterVault} keeps it. The value is always the plaintext: hiding a
 * SecureString from readers that do not ask for decryption is the emulator's job, not the vault's.
 *
 * <pre>{@code
 * vault.save(new VaultEntry("/app/db/user", ParameterType.STRING, "app", 1, Instant.now()));
 * }</pre>
 *
 * @param name the full name, for example {@code /app/db/password}
 * @param type the parameter type
 * @param value the plaintext value
 * @param version starts at 1 and goes up by one on every overwrite
 * @param lastModified when this version was written
 */
public record VaultEntry(String name, ParameterType type, String value, long version, Instant lastModified) {

    public VaultEntry {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(lastModified, "lastModified == null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }

    /** Leaves the value out, so secrets never reach a log through this record. */
    @Override
    public String toString() {
        return "VaultEntry[name=" + name + ", type=" + type + ", value=****, version=" + version
                + ", lastModified=" + lastModified + "]";
    }
}
