package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * Any other short-form tag ({@code !Join}, {@code !If}, ...). Kept rather than refused, so that one in a part
 * the local runner never reads (an IAM statement) does not stop it; where a value is needed it is an error.
 *
 * @param tag the tag as written, e.g. {@code !Join}
 * @param value its scalar, list or map, as read
 */
record CfnOther(String tag, Object value) implements CfnIntrinsic {

    CfnOther {
        Objects.requireNonNull(tag, "tag == null");
    }

    /** Close to how it is written in YAML, for messages. */
    @Override
    public String toString() {
        return tag + " " + value;
    }
}
