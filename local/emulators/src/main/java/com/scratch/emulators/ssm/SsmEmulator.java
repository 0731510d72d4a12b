package com.scratch.emulators.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.internal.EmulatorServer;
import com.scratch.emulators.internal.EmulatorServer.Connections;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RandomIds;
import com.scratch.emulators.internal.ReceivedRequest;
import com.scratch.emulators.internal.RejectedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local SSM Parameter Store that the real AWS SDK v2 {@code SsmClient} talks to over HTTP (awsJson1_1):
 * GetParameter, GetParameters, GetParametersByPath, PutParameter and DeleteParameter. Thread-safe.
 *
 * <pre>{@code
 * try (SsmEmulator ssm = SsmEmulator.start()) {
 *     ssm.putSecureString("/app/stripe/key", "sk_test_123");
 *     SsmClient client = SsmClient.builder().endpointOverride(ssm.endpoint()).region(Region.US_EAST_1)...build();
 *     client.getParameter(r -> r.name("/app/stripe/key").withDecryption(true));
 *     assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class SsmEmulator implements AutoCloseable {

    private static final String TARGET_PREFIX = "AmazonSSM.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParameterVault vault;
    private final SsmOperations operations;
    private final EmulatorServer<SsmFault, SsmCall> server;
    private volatile AccessControl access;

    private SsmEmulator(int port, ParameterVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault == null");
        this.operations = new SsmOperations(vault, Clock.systemUTC());
        this.server = EmulatorServer.start("ssm", port, Connections.CLOSE, SsmCall::operation, this::handle);
    }

    /** Starts on a free port with an in-memory vault. */
    public static SsmEmulator start() {
        return start(0);
    }

    public static SsmEmulator start(int port) {
        return start(port, new InMemoryParameterVault());
    }

    /** Starts on {@code port} (0 for any free one), keeping parameters in {@code vault}. */
    public static SsmEmulator start(int port, ParameterVault vault) {
        return new SsmEmulator(port, vault);
    }

    /** For example {@code http://127.0.0.1:49152}; pass it to {@code endpointOverride}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Writes a String parameter, overwriting any earlier value (its version goes up). */
    public void putString(String name, String value) {
        put(name, value, ParameterType.STRING);
    }

    /** Writes a SecureString parameter, overwriting any earlier value (its version goes up). */
    public void putSecureString(String name, String value) {
        put(name, value, ParameterType.SECURE_STRING);
    }

    /** The plaintext value of a parameter, whatever its type. */
    public Optional<String> value(String name) {
        Objects.requireNonNull(name, "name == null");
        return vault.find(name).map(VaultEntry::value);
    }

    /** How many requests named this operation (for example {@code "GetParameter"}), failed ones included. */
    public int callCount(String operation) {
        return server.count(operation);
    }

    /** Every request received since start or {@link #reset()}, in arrival order. */
    public List<SsmCall> calls() {
        return server.received();
    }

    /** The next {@code times} requests, whatever their operation, fail with {@code fault}. */
    public void failNext(int times, SsmFault fault) {
        server.failNext(times, fault);
    }

    /**
     * From now on each request without a queued fault fails with {@code fault} with probability {@code share},
     * drawn from a generator seeded with {@code seed} (repeatable); {@link #reset()} turns it off.
     */
    public void failRandomly(double share, SsmFault fault, long seed) {
        server.failRandomly(share, fault, seed);
    }

    /** How many requests {@link #failRandomly} has failed so far. */
    public int randomFaultsServed() {
        return server.randomFaultsServed();
    }

    /**
     * From now on every request must be SigV4-signed by a principal {@code access} knows and allowed by its policy,
     * or it is refused as SSM refuses it: {@code MissingAuthenticationTokenException},
     * {@code UnrecognizedClientException}, {@code InvalidSignatureException} or {@code AccessDeniedException}
     * (all HTTP 400). {@code null} lets every request through again.
     */
    public void enforce(AccessControl access) {
        this.access = access;
    }

    /** Every later request waits this long before it is answered; use it to test client timeouts. */
    public void delayResponses(Duration delay) {
        server.delayResponses(delay);
    }

    /** Forgets parameters, recorded calls, queued faults and the response delay. */
    public void reset() {
        vault.clear();
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    private void put(String name, String value, ParameterType type) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        operations.put(name, value, type, true);
    }

    private HttpReply handle(ReceivedRequest request) {
        HttpReply reply;
        try {
            reply = answer(request);
        } catch (RejectedRequest rejected) {
            reply = rejected.reply();
        }
        return reply.withHeader("x-amzn-RequestId", RandomIds.uuid());
    }

    private HttpReply answer(ReceivedRequest request) {
        String target = Objects.requireNonNullElse(request.header("X-Amz-Target"), "");
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        JsonNode body = parse(request.body());
        server.record(new SsmCall(operation, body));
        AccessControl enforced = access;
        if (enforced != null) {
            enforced.check(request, "ssm:" + operation, "ssm:" + operation, resources(operation, body))
                    .ifPresent(refusal -> {
                        throw SsmErrors.refused(refusal);
                    });
        }
        server.nextFault().ifPresent(fault -> {
            throw fault.toError();
        });
        if (!body.isObject()) {
            throw SsmErrors.error(400, "SerializationException", "Request body is not a JSON object.");
        }
        return operations.handle(operation, body);
    }

    /** The ARNs IAM checks for an operation: each parameter named, or the path of a path query. */
    private static List<String> resources(String operation, JsonNode body) {
        if (!body.isObject()) {
            return List.of("*");
        }
        List<String> names = new java.util.ArrayList<>();
        body.path("Names").forEach(name -> names.add(name.asText()));
        if (body.path("Name").isTextual()) {
            names.add(body.path("Name").asText());
        }
        if (body.path("Path").isTextual()) {
            names.add(body.path("Path").asText());
        }
        return names.isEmpty() ? List.of("*") : names.stream().map(SsmOperations::arnOf).toList();
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // Recorded as a null body; answered as a SerializationException once faults had their turn.
            return JsonNodeFactory.instance.nullNode();
        }
    }
}
