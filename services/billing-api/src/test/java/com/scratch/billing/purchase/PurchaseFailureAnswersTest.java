package com.scratch.billing.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.secrets.ParameterStoreCache;
import com.scratch.secrets.SecretNotFoundException;
import com.scratch.secrets.SecretReadException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The answer every kind of failed purchase gets: the table in the README, as code. */
class PurchaseFailureAnswersTest {

    private static final String KEY_PARAMETER = "/stripeSecretKey/test";

    /** One of each kind, with the answer it must get. */
    static List<Expected> everyKind() {
        return List.of(
                new Expected(new InvalidPurchaseRequestException("storage", "storage is required"),
                        400, "invalid_request", Map.of("field", "storage")),
                new Expected(new RequestTooLargeException(10_000_000), 413, "request_too_large", Map.of("field", "body")),
                new Expected(new PaymentMethodRejectedException(new PaymentSource.CardToken("tok_nope"),
                        "No such token: 'tok_nope'", null), 400, "invalid_request", Map.of("field", "source")),
                new Expected(new CardDeclinedException("card_declined", "insufficient_funds",
                        "Your card has insufficient funds."), 402, "card_declined",
                        Map.of("code", "card_declined", "declineCode", "insufficient_funds")),
                new Expected(new AuthenticationRequiredException("pi_1", "requires_action"),
                        402, "authentication_required", Map.of()),
                new Expected(new PaymentCanceledException("pi_1"), 402, "payment_canceled", Map.of()),
                new Expected(new IdempotencyKeyReusedException(null), 409, "idempotency_key_reused", Map.of()),
                new Expected(new PaymentRequestRejectedException("Stripe refused the request (code parameter_missing)",
                        null), 500, "internal_error", Map.of()),
                new Expected(new PaymentProviderUnavailableException("Stripe failed", null),
                        502, "payment_provider_unavailable", Map.of()),
                new Expected(new PaymentKeyUnreadableException(missingKeyParameter()),
                        503, "service_unavailable", Map.of()),
                new Expected(new PaymentKeyRejectedException(KEY_PARAMETER), 503, "service_unavailable", Map.of()),
                new Expected(new PaymentKeyForWrongStageException("SSM parameter " + KEY_PARAMETER
                        + " holds a live key, but stage dev accepts only test keys"), 503, "service_unavailable", Map.of()),
                new Expected(new PaymentPendingException("pi_1"), 503, "payment_pending", Map.of("paymentId", "pi_1")),
                new Expected(new AnnouncementFailedException("pi_1", "NotePurchased for payment pi_1 could not be"
                        + " published", null), 503, "purchase_not_recorded", Map.of("paymentId", "pi_1")),
                new Expected(new PurchaseInProgressException("pi_1", null), 409, "purchase_in_progress",
                        Map.of("paymentId", "pi_1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void eachKindIsAnsweredWithItsStatusCodeAndDetails(Expected expected) {
        FailureAnswer answer = expected.failure().answer();

        assertThat(answer.status()).isEqualTo(expected.status());
        assertThat(answer.error()).isEqualTo(expected.error());
        assertThat(answer.details()).isEqualTo(expected.details());
        assertThat(answer.message()).isNotBlank();
    }

    @Test
    void theTableCoversEveryKindOfTheSealedFamily() {
        Set<Class<?>> tabled = everyKind().stream().map(expected -> expected.failure().getClass()).collect(Collectors.toSet());

        assertThat(tabled).containsExactlyInAnyOrderElementsOf(concreteKinds(PurchaseFailedException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void whatOnlyTheLogMayKnowStaysOutOfTheAnswer(Expected expected) {
        FailureAnswer answer = expected.failure().answer();

        // the parameter and what SSM or Stripe said are for operators; declines and bad input are the buyer's own
        assertThat(answer.message()).doesNotContain(KEY_PARAMETER).doesNotContain("Stripe refused")
                .doesNotContain("does not exist");
        assertThat(answer.details().values()).noneMatch(value -> value.contains(KEY_PARAMETER));
    }

    @Test
    void theKeyFailuresTellTheLogWhichParameter() {
        assertThat(new PaymentKeyUnreadableException(missingKeyParameter())).hasMessageContaining(KEY_PARAMETER)
                .hasCauseInstanceOf(SecretNotFoundException.class);
        assertThat(new PaymentKeyRejectedException(KEY_PARAMETER)).hasMessageContaining(KEY_PARAMETER);
    }

    @Test
    void anAnswerIsAFailure() {
        assertThatThrownBy(() -> FailureAnswer.of(200, "ok", "fine")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FailureAnswer.of(400, "invalid_request", "no").with("field", "body").with("a", "b").details())
                .containsExactly(Map.entry("field", "body"), Map.entry("a", "b"));
    }

    /** Every final class below {@code root}: the kinds a caller can be answered with. */
    private static Set<Class<?>> concreteKinds(Class<?> root) {
        Set<Class<?>> kinds = new HashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(root));
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            assertThat(type.isSealed() || Modifier.isFinal(type.getModifiers())).as(type + " is sealed or final").isTrue();
            if (type.isSealed()) {
                toVisit.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                kinds.add(type);
            }
        }
        return kinds;
    }

    /** What the secrets cache throws for a parameter SSM does not have (no wire needed to get one). */
    private static SecretReadException missingKeyParameter() {
        SsmClient noParameters = new SsmClient() {
            @Override
            public GetParameterResponse getParameter(GetParameterRequest request) {
                throw ParameterNotFoundException.builder().message("Parameter not found").build();
            }

            @Override
            public String serviceName() {
                return "ssm";
            }

            @Override
            public void close() {
            }
        };
        try {
            ParameterStoreCache.builder(noParameters).build().secureString(KEY_PARAMETER).get();
        } catch (SecretReadException e) {
            return e;
        }
        throw new AssertionError("a parameter SSM does not have was read");
    }

    record Expected(PurchaseFailedException failure, int status, String error, Map<String, String> details) {

        @Override
        public String toString() {
            return failure.getClass().getSimpleName() + " -> " + status + " " + error;
        }
    }
}
