package com.scratch.aws;

/** No AWS region is configured: Lambda always sets {@code AWS_REGION}; local runs must set it too. */
public final class AwsRegionNotSetException extends IllegalStateException {

    AwsRegionNotSetException(Throwable cause) {
        super("No AWS region: set the environment variable AWS_REGION (or the system property aws.region)", cause);
    }
}
