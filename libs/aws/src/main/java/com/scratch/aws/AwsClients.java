package com.scratch.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one place the project's AWS SDK clients are built. Build each once per container and share it: the
 * clients are thread-safe.
 *
 * <p>Every client gets the url-connection HTTP client (the fastest to a first call and the smallest jar; the
 * Apache and Netty clients are banned from the build), the standard retry mode, bounded timeouts and the tracing
 * interceptors. What differs between functions comes from the function's environment, the map a handler is
 * built with ({@code System.getenv()} in Lambda), and from nowhere else in the JVM:
 * <ul>
 *   <li>the region, {@code AWS_REGION} (required);</li>
 *   <li>the credentials, {@code AWS_ACCESS_KEY_ID}... ({@link FunctionCredentialsProvider});</li>
 *   <li>the endpoint, when a local stand-in replaces AWS: {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL_SNS} /
 *       {@code AWS_ENDPOINT_URL_DYNAMODB},
 *       else {@code AWS_ENDPOINT_URL}, as the SDK names them ({@link EndpointOverride}). Without one, the SDK's own
 *       resolution applies, which in Lambda reads the same variables.</li>
 * </ul>
 * So two functions, or two tests, in one JVM can each have their own.
 *
 * <pre>{@code
 * SsmClient ssm = AwsClients.ssm(environment);
 * SnsClient sns = AwsClients.sns(environment);
 * DynamoDbClient dynamoDb = AwsClients.dynamoDb(environment);
 * }</pre>
 */
public final class AwsClients {

    /** A GetParameter or Publish answers in milliseconds; anything slower is better retried or failed fast. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);
    static final String REGION_VARIABLE = "AWS_REGION";

    private AwsClients() {
    }

    /** An SSM client for the function with this environment, traced with X-Ray. */
    public static SsmClient ssm(Map<String, String> environment) {
        return ssm(environment, ClientTracing.xray(environment));
    }

    public static SsmClient ssm(Map<String, String> environment, ClientTracing tracing) {
        return configure(SsmClient.builder(), "SSM", environment, tracing).build();
    }

    /** An SNS client for the function with this environment, traced with X-Ray. */
    public static SnsClient sns(Map<String, String> environment) {
        return sns(environment, ClientTracing.xray(environment));
    }

    public static SnsClient sns(Map<String, String> environment, ClientTracing tracing) {
        return configure(SnsClient.builder(), "SNS", environment, tracing).build();
    }

    /** A DynamoDB client for the function with this environment, traced with X-Ray. */
    public static DynamoDbClient dynamoDb(Map<String, String> environment) {
        return dynamoDb(environment, ClientTracing.xray(environment));
    }

    public static DynamoDbClient dynamoDb(Map<String, String> environment, ClientTracing tracing) {
        return configure(DynamoDbClient.builder(), "DynamoDB", environment, tracing).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            String serviceId, Map<String, String> environment, ClientTracing tracing) {
        Objects.requireNonNull(environment, "environment == null");
        Objects.requireNonNull(tracing, "tracing == null");
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
        tracing.interceptors().forEach(overrides::addExecutionInterceptor);
        EndpointOverride.of(environment, serviceId).ifPresent(builder::endpointOverride);
        return builder
                .region(region(environment))
                .credentialsProvider(FunctionCredentialsProvider.of(environment))
                .httpClient(httpClient())
                .overrideConfiguration(overrides.build());
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
    }

    private static Region region(Map<String, String> environment) {
        String region = environment.get(REGION_VARIABLE);
        if (region == null || region.isBlank()) {
            throw new AwsRegionNotSetException();
        }
        return Region.of(region.strip());
    }
}
