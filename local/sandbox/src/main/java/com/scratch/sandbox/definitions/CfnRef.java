package com.scratch.sandbox.definitions;

import java.util.Objects;

/** {@code !Ref <logicalId>}. */
record CfnRef(String logicalId) implements CfnIntrinsic {

    CfnRef {
        Objects.requireNonNull(logicalId, "logicalId == null");
    }

    /** As written in YAML, for messages. */
    @Override
    public String toString() {
        return "!Ref " + logicalId;
    }
}
