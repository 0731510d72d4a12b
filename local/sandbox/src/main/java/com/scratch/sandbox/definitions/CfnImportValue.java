package com.scratch.sandbox.definitions;

import java.util.Objects;

/** {@code !ImportValue <exportName>}: the value another stack exports under that name. */
record CfnImportValue(String exportName) implements CfnIntrinsic {

    CfnImportValue {
        Objects.requireNonNull(exportName, "exportName == null");
    }

    /** As written in YAML, for messages. */
    @Override
    public String toString() {
        return "!ImportValue " + exportName;
    }
}
