package com.scratch.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one place the project's AWS SDK clients are built. Build each once per container and share it: the
 * clients are thread-safe.
 *
 * <p>Every client gets the url-connection HTTP client (the fastest to a first call and the smallest jar; the
 * Apache and Netty clients are banned from the build), the region from {@code AWS_REGION}, the standard retry
 * mode, bounded timeouts and the tracing interceptors. Endpoints are never set in code: the SDK's standard
 * {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL_SNS} variables (or the {@code aws.endpointUrlSsm} /
 * {@code aws.endpointUrlSns} system properties) point a client at a local stand-in.
 *
 * <p>Credentials are the function's ({@link FunctionCredentialsProvider}): pass the function's environment.
 *
 * <pre>{@code
 * SsmClient ssm = AwsClients.ssm(FunctionEnvironment.variables());
 * SnsClient sns = AwsClients.sns(FunctionEnvironment.variables());
 * }</pre>
 */
public final class AwsClients {

    /** A GetParameter or Publish answers in milliseconds; anything slower is better retried or failed fast. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private AwsClients() {
    }

    /** A client signing with the process's credentials, as the SDK's default chain finds them. */
    public static SsmClient ssm() {
        return ssm(System.getenv());
    }

    /** A client signing with the credentials in the function's environment (else the default chain). */
    public static SsmClient ssm(Map<String, String> functionEnvironment) {
        return configure(SsmClient.builder(), functionEnvironment, ClientTracing.xray()).build();
    }

    public static SsmClient ssm(ClientTracing tracing) {
        return configure(SsmClient.builder(), System.getenv(), tracing).build();
    }

    public static SnsClient sns() {
        return sns(System.getenv());
    }

    /** A client signing with the credentials in the function's environment (else the default chain). */
    public static SnsClient sns(Map<String, String> functionEnvironment) {
        return configure(SnsClient.builder(), functionEnvironment, ClientTracing.xray()).build();
    }

    public static SnsClient sns(ClientTracing tracing) {
        return configure(SnsClient.builder(), System.getenv(), tracing).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Map<String, String> functionEnvironment, ClientTracing tracing) {
        Objects.requireNonNull(tracing, "tracing == null");
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
        tracing.interceptors().forEach(overrides::addExecutionInterceptor);
        return builder
                .region(region())
                .credentialsProvider(FunctionCredentialsProvider.of(functionEnvironment))
                .httpClient(httpClient())
                .overrideConfiguration(overrides.build());
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
    }

    private static Region region() {
        try {
            return new SystemSettingsRegionProvider().getRegion();
        } catch (SdkClientException e) {
            throw new AwsRegionNotSetException(e);
        }
    }
}
