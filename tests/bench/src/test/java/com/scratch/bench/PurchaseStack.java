package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.bench.runtime.LocalRuntimeApi;
import com.scratch.bench.runtime.WarmContainer;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.testing.LocalXRayDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a purchase talks to, on loopback, for functions in other processes: the local SSM (the dev stage's Stripe key,
 * a SecureString), SNS (the dev topic), DynamoDB (the announcements table), Stripe (test mode, accepting only that
 * key) and an X-Ray daemon taking the segments. IAM is not enforced here: both functions get the same treatment, and a
 * cold start is timed, not its permissions (billing's own tests hold it to its role).
 */
public final class PurchaseStack implements AutoCloseable {

    static final String STAGE = "dev";
    static final String KEY_PARAMETER = "/stripeSecretKey/test";
    private static final ObjectMapper JSON = new ObjectMapper();

    final SsmEmulator ssm = SsmEmulator.start();
    final SnsEmulator sns = SnsEmulator.start();
    final StripeEmulator stripe = StripeEmulator.start();
    final DynamoDbEmulator dynamoDb = DynamoDbEmulator.start();
    final LocalXRayDaemon xray = LocalXRayDaemon.start();
    final String topicArn;
    final String table = "billing-api-" + STAGE + "-announcements";
    private final ObjectNode purchaseEvent;

    PurchaseStack(Path repositoryRoot) {
        String key = StripeEmulator.newSecretKey();
        ssm.putSecureString(KEY_PARAMETER, key);
        stripe.requireApiKey(key);
        topicArn = sns.createTopic(STAGE + "-note-purchased");
        dynamoDb.createTable(table, "id");
        try {
            purchaseEvent = (ObjectNode) JSON.readTree(repositoryRoot
                    .resolve("services/billing-api/src/test/resources/events/billing-payment-method.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment Lambda would give a billing function of the dev stage here: its serverless.yml variables
     * ({@code STAGE}, the topic, the table, {@code JAVA_TOOL_OPTIONS}), its name, memory and log settings, region and
     * credentials, and the endpoints of the local servers.
     */
    Map<String, String> functionEnvironment(String functionName, DeployedFunction deployed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STAGE", STAGE);
        env.put("NOTE_PURCHASED_TOPIC_ARN", topicArn);
        env.put("ANNOUNCEMENTS_TABLE", table);
        env.put("JAVA_TOOL_OPTIONS", deployed.javaToolOptions());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(deployed.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", "DEBUG");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "ASIALOCALBENCH");
        env.put("AWS_SECRET_ACCESS_KEY", "local-bench-secret");
        env.put("AWS_SESSION_TOKEN", "local-bench-session");
        env.put("AWS_XRAY_DAEMON_ADDRESS", xray.address());
        env.put("STRIPE_API_BASE", stripe.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        return env;
    }

    /**
     * API Gateway's proxy event for {@code POST /billing} with {@code {"storage":21,"paymentMethod":"pm_card_visa"}}
     * and an Idempotency-Key of its own, so each cold start makes a new charge and a new announcement.
     */
    String purchaseEvent() {
        ObjectNode event = purchaseEvent.deepCopy();
        String key = UUID.randomUUID().toString();
        ((ObjectNode) event.get("headers")).put("Idempotency-Key", key);
        ArrayNode keys = ((ObjectNode) event.get("multiValueHeaders")).putArray("Idempotency-Key");
        keys.add(key);
        return event.toString();
    }

    /** PaymentIntents made, NotePurchased published and announcements recorded so far. */
    Effects effects() {
        return new Effects(stripe.createdPaymentIntentCount(), sns.published(topicArn).size(),
                dynamoDb.itemCount(table));
    }

    record Effects(int charges, int published, int recorded) {

        /** What {@code purchases} more purchases leave: one charge, one publish and one record each. */
        Effects plus(int purchases) {
            return new Effects(charges + purchases, published + purchases, recorded + purchases);
        }
    }

    /** The SSM read calls received so far, whoever sent them. */
    SsmReads ssmReads() {
        return new SsmReads(ssm.callCount("GetParameter"), ssm.callCount("GetParameters"));
    }

    /** Calls to SSM's two read operations (a {@code GetParameters} call counts once, however many names it asks). */
    record SsmReads(int getParameter, int getParameters) {

        int total() {
            return getParameter + getParameters;
        }

        SsmReads since(SsmReads earlier) {
            return new SsmReads(getParameter - earlier.getParameter, getParameters - earlier.getParameters);
        }

        /** {@code 1 (0 GetParameter + 1 GetParameters)}. */
        String describe() {
            return total() + " (" + getParameter + " GetParameter + " + getParameters + " GetParameters)";
        }
    }

    /**
     * Fails unless the runtime posted a response (not an error) that is a 200: every invocation of a load must be a
     * purchase, or its figures are not about purchases.
     */
    static void requirePurchased(String who, WarmContainer.Invoked invoked, Path output) {
        LocalRuntimeApi.Outcome outcome = invoked.outcome();
        if (!outcome.answered() || statusCode(outcome.body()) != 200) {
            throw new AssertionError(who + " did not answer a 200 purchase: " + summary(outcome) + " (output in "
                    + output + ")");
        }
    }

    /** The status code of API Gateway's proxy response as the runtime posted it; -1 if it is not one. */
    private static int statusCode(String proxyResponse) {
        try {
            return JSON.readTree(proxyResponse).path("statusCode").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * An error the runtime reported, as its type, message and first frames (where it was thrown), or the response:
     * what a report can quote in one line.
     */
    private static String summary(LocalRuntimeApi.Outcome outcome) {
        try {
            JsonNode body = JSON.readTree(outcome.body());
            if (!outcome.answered() && body.has("errorType")) {
                List<String> frames = new ArrayList<>();
                body.path("stackTrace").forEach(frame -> frames.add(frame.asText()));
                return "the runtime reported " + body.path("errorType").asText() + ": "
                        + body.path("errorMessage").asText() + " at "
                        + String.join(" < ", frames.subList(0, Math.min(5, frames.size())));
            }
        } catch (IOException e) {
            // not JSON: quoted as it is below
        }
        return (outcome.answered() ? "answered " : "the runtime reported ") + outcome.body();
    }

    /**
     * Fails unless the run was {@code answered} with a 200 and made, since {@code before}, exactly one charge, one
     * publish and one record: a run counts only if it is a whole purchase.
     */
    void assertOnePurchase(Effects before, boolean answered, String response, String run, Path output) {
        assertThat(answered).as("%s answered (output in %s): %s", run, output, response).isTrue();
        assertThat(statusCode(response)).as("%s: %s", run, response).isEqualTo(200);
        assertThat(effects()).as("%s: one charge, one publish, one record", run).isEqualTo(before.plus(1));
    }

    @Override
    public void close() {
        ssm.close();
        sns.close();
        stripe.close();
        dynamoDb.close();
        xray.close();
    }

    /** A function's deployment settings that change how its JVM starts, from its serverless.yml. */
    record DeployedFunction(String javaToolOptions, int memorySize) {

        static DeployedFunction of(Path serverlessYml) {
            try {
                String yml = Files.readString(serverlessYml);
                return new DeployedFunction(value(yml, "JAVA_TOOL_OPTIONS"), Integer.parseInt(value(yml, "memorySize")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String value(String yml, String key) {
            var matcher = java.util.regex.Pattern.compile("(?m)^\\s*" + key + ":\\s*(.+?)\\s*$").matcher(yml);
            if (!matcher.find()) {
                throw new IllegalStateException(key + " not found in serverless.yml");
            }
            return matcher.group(1);
        }
    }
}
