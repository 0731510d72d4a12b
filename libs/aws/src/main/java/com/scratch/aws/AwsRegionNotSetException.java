package com.scratch.aws;

/** The function's environment has no AWS region: Lambda always sets {@code AWS_REGION}; local runs must set it too. */
public final class AwsRegionNotSetException extends IllegalStateException {

    AwsRegionNotSetException() {
        super("No AWS region: set the environment variable AWS_REGION in the function's environment");
    }
}
