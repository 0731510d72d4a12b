package com.scratch.emulators.sns;

import java.util.Map;
import java.util.Objects;

/**
 * One request an {@link SnsEmulator} received, failed ones included.
 *
 * <pre>{@code
 * SnsCall call = sns.calls().get(0);
 * call.action();             // "Publish"
 * call.form().get("Subject"); // "Purchase"
 * }</pre>
 *
 * @param action the {@code Action} field, empty when there is none
 * @param form every field of the form body, decoded
 */
public record SnsCall(String action, Map<String, String> form) {

    public SnsCall {
        Objects.requireNonNull(action, "action == null");
        form = Map.copyOf(Objects.requireNonNull(form, "form == null"));
    }
}
