package com.scratch.sandbox.definitions;

/**
 * A CloudFormation short-form tag ({@code !Ref}, {@code !Sub}, ...) as read from YAML. Only CloudFormation can
 * evaluate these; the reader keeps them as values so it can recognise the few the local runner can stand in
 * for (a {@code !Ref} to a topic, an {@code !ImportValue} of an export).
 */
sealed interface CfnIntrinsic permits CfnRef, CfnSub, CfnImportValue, CfnGetAtt, CfnOther {
}
