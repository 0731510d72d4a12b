package com.scratch.secrets;

import java.util.Objects;

/**
 * What a cached value is stored under: the name and whether it was read with decryption. A SecureString read
 * without decryption is ciphertext; keying by name alone would hand that to a caller who asked for the value
 * (a bug Powertools has had).
 */
record ParameterKey(String name, boolean withDecryption) {

    ParameterKey {
        Objects.requireNonNull(name, "name == null");
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("Parameter name '" + name + "' must start with '/'");
        }
    }
}
