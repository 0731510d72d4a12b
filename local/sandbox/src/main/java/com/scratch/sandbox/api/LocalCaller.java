package com.scratch.sandbox.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Who may call the local API's {@code aws_iam} routes: the keys a client signs its requests with (SigV4, service
 * {@code execute-api}), as a buyer's app signs with the temporary keys Cognito gives it. They are local and
 * printed in the banner; nothing in AWS knows them. An unsigned or wrongly signed request is refused as API Gateway
 * refuses it.
 *
 * <pre>{@code
 * HttpRequest request = LocalCaller.DEVELOPER.signed(api.resolve("/billing"), "POST", body,
 *         Map.of("Content-Type", "application/json", "Idempotency-Key", "order-1")).build();
 * }</pre>
 */
public record LocalCaller(String accessKeyId, String secretAccessKey) {

    public static final LocalCaller DEVELOPER = new LocalCaller("AKIALOCALDEVELOPER01", "local-developer-secret");
    /** The region the local API says it is in, which a signature names. */
    public static final String REGION = "us-east-1";
    public static final String SERVICE = "execute-api";

    public LocalCaller {
        Objects.requireNonNull(accessKeyId, "accessKeyId == null");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey == null");
    }

    /** The request, signed as this caller; {@code body} may be empty. Set anything but headers (a timeout) on it. */
    public HttpRequest.Builder signed(URI uri, String method, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
                .request(unsigned.build())
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            // java.net.http sets these two itself, to the values that were signed
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request;
    }

    @Override
    public String toString() {
        return "LocalCaller[" + accessKeyId + "]";
    }
}
