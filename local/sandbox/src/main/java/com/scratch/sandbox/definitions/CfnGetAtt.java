package com.scratch.sandbox.definitions;

import java.util.Objects;

/** {@code !GetAtt <logicalId>.<attribute>} or {@code !GetAtt [<logicalId>, <attribute>]}. */
record CfnGetAtt(String logicalId, String attribute) implements CfnIntrinsic {

    CfnGetAtt {
        Objects.requireNonNull(logicalId, "logicalId == null");
        Objects.requireNonNull(attribute, "attribute == null");
    }

    /** As written in YAML, for messages. */
    @Override
    public String toString() {
        return "!GetAtt " + logicalId + "." + attribute;
    }
}
