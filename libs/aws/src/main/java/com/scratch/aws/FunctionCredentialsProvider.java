package com.scratch.aws;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The credentials of the function's role: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN} from the function's own environment when it has them, else the SDK's default chain.
 *
 * <p>In Lambda the function's environment is the process environment, so this is what the default chain does
 * there: a function started on demand gets its role's keys in those variables, and a SnapStart function gets none
 * and reads them from the container credentials endpoint (the default chain), so that no key is frozen into a
 * snapshot. The variables are read on every resolve, never kept. A local runner that hosts several functions in one
 * JVM gives each its own keys this way, and its endpoints tell the callers apart by them, as AWS does.
 */
final class FunctionCredentialsProvider implements AwsCredentialsProvider {

    private final Map<String, String> environment;
    private final AwsCredentialsProvider defaultChain;

    FunctionCredentialsProvider(Map<String, String> environment, AwsCredentialsProvider defaultChain) {
        this.environment = Objects.requireNonNull(environment, "environment == null");
        this.defaultChain = Objects.requireNonNull(defaultChain, "defaultChain == null");
    }

    static FunctionCredentialsProvider of(Map<String, String> environment) {
        return new FunctionCredentialsProvider(environment, DefaultCredentialsProvider.builder().build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        String accessKeyId = environment.get("AWS_ACCESS_KEY_ID");
        String secretAccessKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (isBlank(accessKeyId) || isBlank(secretAccessKey)) {
            return defaultChain.resolveCredentials();
        }
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        return isBlank(sessionToken)
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
