package com.scratch.emulators.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeEmulatorTest {

    private static final String API_KEY = "sk_test_EXAMPLEKEY0000000000abcd";

    private static StripeEmulator stripe;
    private static StripeClient client;

    @BeforeAll
    static void startEmulator() {
        stripe = StripeEmulator.start();
        client = clientWithKey(API_KEY);
    }

    @AfterEach
    void resetEmulator() {
        stripe.reset();
    }

    @AfterAll
    static void stopEmulator() {
        stripe.close();
    }

    @Test
    void confirmedIntentWithATestPaymentMethodSucceeds() throws StripeException {
        // when
        PaymentIntent intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true)
                .addPaymentMethodType("card").putMetadata("order_id", "1001").setDescription("order 1001")
                .build());

        // then
        assertThat(intent.getId()).matches("pi_[A-Za-z0-9]{24}");
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmount()).isEqualTo(2000L);
        assertThat(intent.getAmountReceived()).isEqualTo(2000L);
        assertThat(intent.getCurrency()).isEqualTo("usd");
        assertThat(intent.getLatestCharge()).startsWith("ch_");
        assertThat(intent.getPaymentMethod()).startsWith("pm_");
        assertThat(intent.getMetadata()).containsEntry("order_id", "1001");
        assertThat(intent.getPaymentMethodTypes()).containsExactly("card");
        assertThat(intent.getLastResponse().requestId()).startsWith("req_");
        assertThat(stripe.paymentIntents()).containsExactly(new PaymentIntentRecord(intent.getId(), 2000L, "usd",
                "succeeded", "order 1001", stripe.requests().get(0).idempotencyKey()));
        assertThat(stripe.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/payment_intents");
            assertThat(request.form()).containsEntry("metadata[order_id]", "1001")
                    .containsEntry("payment_method_types[0]", "card");
            // stripe-java makes up an idempotency key for every POST that has none.
            assertThat(request.idempotencyKey()).isNotBlank();
            assertThat(request.apiKey()).isEqualTo(API_KEY);
            assertThat(request.toString()).doesNotContain(API_KEY).contains("sk_test_****abcd");
        });
    }

    @Test
    void cardTokenThroughPaymentMethodDataSucceeds() throws StripeException {
        // given: the typed builder has no card type, so the token goes in as extra params
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(1500L).setCurrency("eur").setConfirm(true).addPaymentMethodType("card")
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .putExtraParam("type", "card")
                        .putExtraParam("card", Map.of("token", "tok_mastercard"))
                        .build())
                .build();

        // when
        PaymentIntent intent = client.v1().paymentIntents().create(params);

        // then
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.requests().get(0).form())
                .containsEntry("payment_method_data[type]", "card")
                .containsEntry("payment_method_data[card][token]", "tok_mastercard");
    }

    @Test
    void automaticPaymentMethodsWithoutRedirectsSucceed() throws StripeException {
        // when
        PaymentIntent intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_mastercard").setConfirm(true)
                .setAutomaticPaymentMethods(AutomaticPaymentMethods.builder()
                        .setEnabled(true).setAllowRedirects(AllowRedirects.NEVER).build())
                .build());

        // then
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAutomaticPaymentMethods().getEnabled()).isTrue();
        assertThat(intent.getAutomaticPaymentMethods().getAllowRedirects()).isEqualTo("never");
    }

    @Test
    void unconfirmedIntentWaitsForConfirmation() throws StripeException {
        // when
        PaymentIntent intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_chargeDeclined").build());

        // then
        assertThat(intent.getStatus()).isEqualTo("requires_confirmation");
        assertThat(intent.getLatestCharge()).isNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "pm_card_chargeDeclined, card_declined, generic_decline, Your card was declined.",
            "pm_card_visa_chargeDeclined, card_declined, generic_decline, Your card was declined.",
            "tok_chargeDeclined, card_declined, generic_decline, Your card was declined.",
            "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds, Your card has insufficient funds.",
            "pm_card_visa_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds, Your card has insufficient funds.",
            "tok_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds, Your card has insufficient funds.",
            "pm_card_visa_chargeDeclinedLostCard, card_declined, lost_card, Your card was declined.",
            "tok_chargeDeclinedStolenCard, card_declined, stolen_card, Your card was declined.",
            "pm_card_chargeDeclinedExpiredCard, expired_card, none, Your card has expired.",
            "tok_chargeDeclinedExpiredCard, expired_card, none, Your card has expired.",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, none, Your card's security code is incorrect.",
            "tok_chargeDeclinedProcessingError, processing_error, none, An error occurred while processing your card. Try again in a little bit.",
    })
    void declinedCardsRaiseCardExceptions(String card, String code, String declineCode, String message) {
        // given
        PaymentIntentCreateParams params = card.startsWith("tok_") ? tokenParams(card) : paymentMethodParams(card);

        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(params))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo(code);
                    assertThat(e.getDeclineCode()).isEqualTo(declineCode);
                    assertThat(e.getStripeError().getMessage()).isEqualTo(message);
                    assertThat(e.getCharge()).startsWith("ch_");
                    assertThat(e.getRequestId()).startsWith("req_");
                    assertThat(e.getStripeError().getType()).isEqualTo("card_error");
                    assertThat(e.getStripeError().getDocUrl()).startsWith("https://stripe.com/docs/error-codes/");
                    PaymentIntent intent = e.getStripeError().getPaymentIntent();
                    assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
                    assertThat(intent.getLastPaymentError().getCode()).isEqualTo(code);
                    assertThat(intent.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
                    assertThat(e.getStripeError().getPaymentMethod().getId()).startsWith("pm_");
                });
        assertThat(stripe.paymentIntents()).singleElement()
                .extracting(PaymentIntentRecord::status).isEqualTo("requires_payment_method");
    }

    @Test
    void unknownPaymentMethodIsAMissingResource() {
        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_nonsense")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("payment_method");
                });
        assertThat(stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void missingCurrencyAndNonPositiveAmountAreRejectedWithTheirParam() {
        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setPaymentMethod("pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("parameter_missing");
                    assertThat(e.getParam()).isEqualTo("currency");
                });
        assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(0L).setCurrency("usd").setPaymentMethod("pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("parameter_invalid_integer");
                    assertThat(e.getParam()).isEqualTo("amount");
                });
        assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(100L).setCurrency("usd").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getParam()).isEqualTo("payment_method"));
        assertThat(stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void liveOrWrongKeysAreRejectedWithoutEchoingThem() {
        // given
        StripeClient liveKeyClient = clientWithKey("sk_live_SOMETHINGSECRET00001234");

        // when / then
        assertThatThrownBy(() -> liveKeyClient.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("sk_live_****1234").doesNotContain("SOMETHINGSECRET");
                });
        stripe.requireApiKey("sk_test_THEONLYKEY");
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void aNewSecretKeyIsATestKeyOfItsOwnThatTheEmulatorCanBeHeldTo() throws StripeException {
        // given
        String key = StripeEmulator.newSecretKey();
        stripe.requireApiKey(key);

        // when
        PaymentIntent intent = clientWithKey(key).v1().paymentIntents().create(paymentMethodParams("pm_card_visa"));

        // then
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(key).matches("sk_test_local[A-Za-z0-9]{24}").isNotEqualTo(StripeEmulator.newSecretKey());
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void sameIdempotencyKeyAndParamsReplaysTheFirstAnswer() throws StripeException {
        // given
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1001").build();

        // when
        PaymentIntent first = client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"), options);
        PaymentIntent second = client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"), options);

        // then
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
        assertThat(stripe.paymentIntents().get(0).idempotencyKey()).isEqualTo("order-1001");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(second.getLastResponse().idempotencyKey()).isEqualTo("order-1001");
    }

    @Test
    void replayedDeclineIsTheSameDecline() {
        // given
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1002").build();
        PaymentIntentCreateParams params = paymentMethodParams("pm_card_chargeDeclinedInsufficientFunds");

        // when
        List<String> intentIds = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> client.v1().paymentIntents().create(params, options))
                    .isInstanceOfSatisfying(CardException.class,
                            e -> intentIds.add(e.getStripeError().getPaymentIntent().getId()));
        }

        // then
        assertThat(intentIds).hasSize(2).containsOnly(intentIds.get(0));
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithOtherParamsIsAnIdempotencyError() throws StripeException {
        // given
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1003").build();
        client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"), options);

        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(9999L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build(), options))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void apiErrorFaultRaisesApiExceptionAndIsNotReplayed() throws StripeException {
        // given
        stripe.failNext(1, StripeFault.API_ERROR);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1004").build();

        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"), options))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"), options).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void rateLimitAndAuthenticationFaultsRaiseTheirExceptions() {
        // given
        stripe.failNext(1, StripeFault.RATE_LIMIT);
        stripe.failNext(1, StripeFault.AUTHENTICATION);

        // when / then
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getCode()).isEqualTo("rate_limit");
                });
        assertThatThrownBy(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
        assertThat(stripe.requests()).hasSize(2);
        assertThat(stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void retrieveReturnsTheStoredIntent() throws StripeException {
        // given
        PaymentIntent created = client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa"));

        // when
        PaymentIntent retrieved = client.v1().paymentIntents().retrieve(created.getId());

        // then
        assertThat(retrieved.getId()).isEqualTo(created.getId());
        assertThat(retrieved.getStatus()).isEqualTo("succeeded");
        assertThat(retrieved.getLatestCharge()).isEqualTo(created.getLatestCharge());
        assertThatThrownBy(() -> client.v1().paymentIntents().retrieve("pi_doesnotexist"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void delayedResponsesRunIntoTheClientReadTimeout() {
        // given
        stripe.delayResponses(Duration.ofSeconds(2));
        StripeClient impatient = StripeClient.builder().setApiKey(API_KEY)
                .setApiBase(stripe.endpoint().toString()).setReadTimeout(200).build();

        // when / then
        assertThatThrownBy(() -> impatient.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")))
                .isInstanceOf(ApiConnectionException.class);
    }

    @Test
    void fiftyConcurrentCreatesAllSucceedWithDistinctIds() throws Exception {
        // given
        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<Callable<PaymentIntent>> creates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            creates.add(() -> client.v1().paymentIntents().create(paymentMethodParams("pm_card_visa")));
        }

        // when
        List<PaymentIntent> intents = new ArrayList<>();
        try {
            for (Future<PaymentIntent> future : threads.invokeAll(creates)) {
                intents.add(future.get());
            }
        } finally {
            threads.shutdownNow();
        }

        // then
        Set<String> ids = intents.stream().map(PaymentIntent::getId).collect(Collectors.toSet());
        assertThat(ids).hasSize(50);
        assertThat(intents).allSatisfy(intent -> assertThat(intent.getStatus()).isEqualTo("succeeded"));
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(50);
    }

    private static PaymentIntentCreateParams paymentMethodParams(String paymentMethod) {
        return PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod(paymentMethod).setConfirm(true).build();
    }

    private static PaymentIntentCreateParams tokenParams(String token) {
        return PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setConfirm(true)
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .putExtraParam("type", "card").putExtraParam("card", Map.of("token", token)).build())
                .build();
    }

    private static StripeClient clientWithKey(String apiKey) {
        return StripeClient.builder().setApiKey(apiKey).setApiBase(stripe.endpoint().toString()).build();
    }
}
