package com.scratch.emulators.ssm;

import java.util.Optional;

/**
 * The three SSM parameter types, with the names they have on the wire.
 *
 * <pre>{@code
 * ParameterType.fromWireName("SecureString"); // Optional[SECURE_STRING]
 * }</pre>
 */
public enum ParameterType {
    STRING("String"),
    STRING_LIST("StringList"),
    SECURE_STRING("SecureString");

    private final String wireName;

    ParameterType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as SSM writes it in JSON, for example {@code SecureString}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ParameterType> fromWireName(String wireName) {
        for (ParameterType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
