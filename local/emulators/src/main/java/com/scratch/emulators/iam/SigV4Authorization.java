package com.scratch.emulators.iam;

import com.scratch.emulators.internal.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Authorization} header of a Signature Version 4 request, as the AWS SDK writes it:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex}.
 * {@link #verify} recomputes the signature from the request and the caller's secret key, as AWS does, so that
 * knowing an access key id is not enough to act as its owner.
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
        List<String> signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern HEADER = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/\\s,]+)/(\\d{8})/([^/\\s,]+)/([^/\\s,]+)/aws4_request\\s*,"
                    + "\\s*SignedHeaders=([a-z0-9;-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final HexFormat HEX = HexFormat.of();

    public SigV4Authorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The parsed header, or empty when the request is unsigned or not signed with SigV4 as the SDK signs. */
    public static Optional<SigV4Authorization> of(ReceivedRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SigV4Authorization(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
                Arrays.asList(matcher.group(5).split(";")), matcher.group(6)));
    }

    /** True when {@code secretAccessKey} signed exactly this request: headers, path, query and body. */
    public boolean verify(ReceivedRequest request, String secretAccessKey) {
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(date) || !signedHeaders.contains("host")) {
            return false;
        }
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        String payloadHash = HEX.formatHex(sha256(body));
        String declaredHash = request.header("X-Amz-Content-Sha256");
        if (declaredHash != null && !declaredHash.equals(payloadHash)) {
            return false;
        }
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(request.path().isEmpty() ? "/" : request.path()).append('\n')
                .append(canonicalQuery(request.query())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                return false;
            }
            canonical.append(name).append(':')
                    .append(String.join(",", values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).toList()))
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);

        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        Mac mac = hmacSha256();
        byte[] key = hmac(mac, ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(mac, key, region);
        key = hmac(mac, key, service);
        key = hmac(mac, key, "aws4_request");
        byte[] expected = hmac(mac, key, stringToSign);
        return MessageDigest.isEqual(expected, HEX.parseHex(signature));
    }

    /** Query parameters sorted by name then value; the SDK already percent-encodes them as SigV4 wants. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.contains("=") ? pair : pair + "=")
                .sorted()
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One Mac per verification, re-keyed for each step of the key derivation: the provider lookup is done once. */
    private static Mac hmacSha256() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(Mac mac, byte[] key, String data) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot key HmacSHA256", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
