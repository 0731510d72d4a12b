package com.scratch.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * The baseline of the cold-start benchmark (issue 10), never deployed: billing's purchase written the usual way.
 * Powertools parameters read the Stripe key with their default cache, the SDK builds its clients with its default HTTP
 * client, X-Ray's instrumentor traces every SDK call by being on the class path, and the key goes into the static
 * {@code Stripe.apiKey}. It does what billing does for a purchase: prices the notes, charges with a confirmed
 * PaymentIntent under the request's idempotency key, claims the payment's announcement in DynamoDB, publishes
 * {@code NotePurchased} on SNS and marks the claim done. Billing's failure handling (key rotation, retries, answers
 * per failure, logs, metrics) is left out: the benchmark times a purchase that succeeds.
 */
public final class UsualBillingHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SSMProvider parameters = SSMProvider.create();
    private final SnsClient sns = SnsClient.create();
    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String stage = System.getenv("STAGE");
    private final String topicArn = System.getenv("NOTE_PURCHASED_TOPIC_ARN");
    private final String table = System.getenv("ANNOUNCEMENTS_TABLE");
    private final String keyParameter = "prod".equals(stage) ? "/stripeSecretKey/live" : "/stripeSecretKey/test";

    public UsualBillingHandler() {
        String apiBase = System.getenv("STRIPE_API_BASE");
        if (apiBase != null) {
            Stripe.overrideApiBase(apiBase);
        }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            JsonNode body = JSON.readTree(event.getBody());
            int storage = body.path("storage").asInt();
            if (storage < 1 || storage > NotePurchased.MAX_STORAGE) {
                return answer(400, Map.of("status", false, "error", "invalid_request"));
            }
            long amount = (storage <= 10 ? 4 : storage <= 100 ? 2 : 1) * (long) storage * 100;
            Stripe.apiKey = parameters.withDecryption().get(keyParameter);
            PaymentIntent intent = PaymentIntent.create(charge(amount, body),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey(event)).build());
            announce(new NotePurchased(
                    UUID.nameUUIDFromBytes(("NotePurchased:" + intent.getId()).getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    intent.getAmount(), intent.getCurrency(), "Scratch charge", storage, intent.getId(), buyer(event),
                    stage, Instant.now()));
            return answer(200, Map.of("status", true, "paymentId", intent.getId(), "amount", intent.getAmount(),
                    "currency", intent.getCurrency()));
        } catch (CardException e) {
            return answer(402, Map.of("status", false, "error", "card_declined"));
        } catch (StripeException | RuntimeException | java.io.IOException e) {
            return answer(502, Map.of("status", false, "error", e.getClass().getSimpleName()));
        }
    }

    private static PaymentIntentCreateParams charge(long amount, JsonNode body) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency("usd").setDescription("Scratch charge").addPaymentMethodType("card").setConfirm(true)
                .setErrorOnRequiresAction(true);
        if (body.hasNonNull("paymentMethod")) {
            params.setPaymentMethod(body.get("paymentMethod").asText());
        } else {
            params.setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                    .putExtraParam("type", "card").putExtraParam("card", Map.of("token", body.path("source").asText()))
                    .build());
        }
        return params.build();
    }

    /** Claims the payment's announcement, publishes it, marks it done: once per payment, as billing's ledger does. */
    private void announce(NotePurchased event) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(event.paymentId()));
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of("id", AttributeValue.fromS(event.paymentId()), "status", AttributeValue.fromS("CLAIMED"),
                            "expiresAt", AttributeValue.fromN(Long.toString(
                                    Instant.now().plus(Duration.ofDays(7)).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(id)"));
        } catch (ConditionalCheckFailedException alreadyAnnounced) {
            return;
        }
        sns.publish(publish -> publish.topicArn(topicArn).message(NotePurchasedCodec.encode(event))
                .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String")
                        .stringValue(NotePurchased.EVENT_TYPE).build())));
        dynamoDb.updateItem(update -> update.tableName(table).key(key).updateExpression("SET #status = :done")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("DONE"))));
    }

    /** The caller's Cognito identity, as billing names the buyer. */
    private static String buyer(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        String id = context == null || context.getIdentity() == null ? null : context.getIdentity().getCognitoIdentityId();
        return id == null || id.isEmpty() ? null : id;
    }

    private static String idempotencyKey(APIGatewayProxyRequestEvent event) {
        if (event.getHeaders() != null) {
            for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Idempotency-Key")) {
                    return header.getValue();
                }
            }
        }
        return UUID.randomUUID().toString();
    }

    private static APIGatewayProxyResponseEvent answer(int status, Map<String, Object> body) {
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json")).withBody(JSON.writeValueAsString(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
