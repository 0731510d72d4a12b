package com.scratch.sandbox.definitions;

import java.util.Objects;

/** {@code !Sub '<template>'}: after variable resolution, only CloudFormation placeholders such as
 * {@code ${AWS::Region}} are left in the template. */
record CfnSub(String template) implements CfnIntrinsic {

    CfnSub {
        Objects.requireNonNull(template, "template == null");
    }

    /** As written in YAML, for messages. */
    @Override
    public String toString() {
        return "!Sub '" + template + "'";
    }
}
