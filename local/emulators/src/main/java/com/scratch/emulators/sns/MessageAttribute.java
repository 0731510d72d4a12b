package com.scratch.emulators.sns;

import java.util.Objects;

/**
 * One SNS message attribute as it was published.
 *
 * <pre>{@code
 * assertThat(message.attributes()).containsEntry("eventType", new MessageAttribute("String", "payment.succeeded"));
 * }</pre>
 *
 * @param dataType {@code String}, {@code Number}, {@code String.Array} or {@code Binary}, possibly with a
 *     custom suffix such as {@code Number.int}
 * @param stringValue the value; for {@code Binary} attributes the base64 text the client sent
 */
public record MessageAttribute(String dataType, String stringValue) {

    public MessageAttribute {
        Objects.requireNonNull(dataType, "dataType == null");
        Objects.requireNonNull(stringValue, "stringValue == null");
    }
}
