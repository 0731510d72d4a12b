package com.scratch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.testing.Await;
import com.scratch.testing.ConcurrentCalls;
import com.scratch.testing.LogCapture;
import com.scratch.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@link ParameterStoreCache} against a local SSM server through the real SDK. The client makes one attempt per
 * call (no SDK retries), so "SSM failed n times" means n calls.
 */
class ParameterStoreCacheIT {

    private static final String NAME = "/stripeSecretKey/test";
    private static final String VALUE = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

    private static SsmEmulator ssm;
    private SsmClient client;
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-26T12:00:00Z"));

    @BeforeAll
    static void startServer() {
        ssm = SsmEmulator.start();
    }

    @AfterAll
    static void stopServer() {
        ssm.close();
    }

    @BeforeEach
    void setUp() {
        ssm.reset();
        ssm.putSecureString(NAME, VALUE);
        client = SsmClient.builder()
                .endpointOverride(ssm.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private ParameterStoreCache.Builder cache() {
        return ParameterStoreCache.builder(client).clock(clock).backoff(BACKOFF).jitter(() -> 0.99);
    }

    // 1. Once per container, refreshed on a TTL

    @Test
    void tenThousandReadsWithinTheTimeToLiveMakeOneCall() {
        CachedParameter key = cache().build().secureString(NAME);

        for (int i = 0; i < 10_000; i++) {
            assertThat(key.get().reveal()).isEqualTo(VALUE);
        }

        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
        assertThat(ssm.calls().get(0).body().toString()).contains("\"WithDecryption\":true");
    }

    @Test
    void afterTheTimeToLiveTheNextReadRefreshes() {
        CachedParameter key = cache().build().secureString(NAME);
        key.get();
        ssm.putSecureString(NAME, "sk_test_rotated");

        clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE.minusSeconds(1));
        assertThat(key.get().reveal()).isEqualTo(VALUE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(key.get().reveal()).isEqualTo("sk_test_rotated");

        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void theTimeToLiveCanBeSetPerParameter() {
        ParameterStoreCache cache = cache().build();
        CachedParameter shortLived = cache.secureString(NAME, Duration.ofSeconds(10));
        shortLived.get();

        clock.advance(Duration.ofSeconds(10));
        shortLived.get();

        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void valuesAreKeptByNameAndDecryptionFlag() {
        ParameterStoreCache cache = cache().build();

        String ciphertext = cache.parameter(NAME, false, Duration.ofMinutes(5)).get().reveal();
        String plaintext = cache.secureString(NAME).get().reveal();

        assertThat(ciphertext).isNotEqualTo(VALUE);
        assertThat(plaintext).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    // 2. Single flight

    @Test
    void sixtyFourThreadsReadingAColdValueMakeOneCall() throws Exception {
        CachedParameter key = cache().build().secureString(NAME);

        readConcurrently(key, 64);

        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void sixtyFourThreadsReadingAnExpiredValueMakeOneCall() throws Exception {
        CachedParameter key = cache().build().secureString(NAME);
        key.get();
        clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE);

        readConcurrently(key, 64);

        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    // 3. No poisoned container

    @Test
    void ssmFailingThreeTimesThenRecoveringServesTheFourthEligibleCall() {
        CachedParameter key = cache().build().secureString(NAME);
        ssm.failNext(3, SsmFault.INTERNAL_ERROR);

        // first failure: the next call may ask again at once
        assertThatThrownBy(key::get).isInstanceOf(SecretUnavailableException.class).hasMessageContaining("InternalServerError");
        assertThatThrownBy(key::get).isInstanceOf(SecretUnavailableException.class);
        // second failure in a row: back off (1 s, with this jitter 0.99 s): no call to SSM meanwhile
        assertThatThrownBy(key::get).isInstanceOf(SecretUnavailableException.class).hasMessageContaining("not asked again");
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(key::get).isInstanceOf(SecretUnavailableException.class);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(3);

        clock.advance(Duration.ofSeconds(2)); // the third failure doubled the wait
        assertThat(key.get().reveal()).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(4);
    }

    @Test
    void aFailedRefreshServesTheLastValueWhileItIsYoungerThanTheMaxStaleAge() {
        CachedParameter key = cache().maxStaleAge(Duration.ofMinutes(30)).build().secureString(NAME);
        key.get();
        ssm.failNext(100, SsmFault.THROTTLING);

        clock.advance(Duration.ofMinutes(10));
        String logged;
        try (LogCapture logs = new LogCapture()) {
            assertThat(key.get().reveal()).isEqualTo(VALUE);
            logged = logs.text();
        }
        assertThat(logged)
                .contains("WARN").contains("Reading SSM parameter " + NAME + " failed").contains("serving the value read at");

        clock.advance(Duration.ofMinutes(20));
        assertThatThrownBy(key::get).isInstanceOf(SecretUnavailableException.class).hasMessageContaining("ThrottlingException");
    }

    /** What metrics count: reads (a batch counts each parameter), fresh hits, failed reads, stale serves. */
    @Test
    void theObserverIsToldOfEveryReadHitFailureAndStaleServe() {
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        CacheObserver observer = new CacheObserver() {
            @Override
            public void read(String name) {
                told.add("read " + name);
            }

            @Override
            public void readFailed(String name) {
                told.add("failed " + name);
            }

            @Override
            public void hit(String name) {
                told.add("hit " + name);
            }

            @Override
            public void staleServed(String name) {
                told.add("stale " + name);
            }
        };
        ParameterStoreCache cache = cache().observer(observer).build();
        CachedParameter key = cache.secureString(NAME);
        cache.prefetchNow();
        key.get();
        key.get();
        ssm.failNext(100, SsmFault.THROTTLING);
        clock.advance(Duration.ofMinutes(10));

        key.get();

        assertThat(told).containsExactly("read " + NAME, "hit " + NAME, "hit " + NAME, "failed " + NAME, "stale " + NAME);
    }

    @Test
    void eachFailureHasItsOwnError() {
        ParameterStoreCache cache = cache().build();

        assertThatThrownBy(cache.secureString("/stripeSecretKey/live")::get)
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessage("SSM parameter /stripeSecretKey/live does not exist");
        ssm.failNext(1, SsmFault.ACCESS_DENIED);
        assertThatThrownBy(cache.secureString(NAME)::get)
                .isInstanceOf(SecretAccessDeniedException.class).hasMessageContaining(NAME);
    }

    @Test
    void invalidatingReadsAgainAtOnceEvenDuringABackoff() {
        CachedParameter key = cache().build().secureString(NAME);
        ssm.failNext(2, SsmFault.INTERNAL_ERROR);
        assertThatThrownBy(key::get).isInstanceOf(SecretReadException.class);
        assertThatThrownBy(key::get).isInstanceOf(SecretReadException.class);

        key.invalidate();

        assertThat(key.get().reveal()).isEqualTo(VALUE);
    }

    @Test
    void aRejectedValueIsForgottenOnlyIfItIsStillHeldAndOldEnough() {
        CachedParameter key = cache().build().secureString(NAME);
        Secret held = key.get();

        clock.advance(Duration.ofSeconds(5));
        assertThat(key.invalidateRejected(held, Duration.ofSeconds(10))).isFalse();
        key.get();
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);

        assertThat(key.invalidateRejected(new Secret(NAME, "sk_test_someOtherValue"), Duration.ofSeconds(10))).isTrue();
        key.get();
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(key.invalidateRejected(held, Duration.ofSeconds(10))).isTrue();
        key.get();
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void aReadUnderWayWhenTheValueIsForgottenIsNotKept() throws Exception {
        CachedParameter key = cache().build().secureString(NAME);
        ssm.delayResponses(Duration.ofMillis(300));
        Thread reader = new Thread(key::get);
        reader.start();
        Await.until(Duration.ofSeconds(5), () -> ssm.callCount("GetParameter") > 0);

        key.invalidate(); // while the read is under way
        reader.join();
        ssm.delayResponses(Duration.ZERO);
        key.get();

        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    // 5. SnapStart

    @Test
    void beforeASnapshotValuesAreForgottenAndAfterARestoreReadAfresh() throws Exception {
        ParameterStoreCache cache = cache().build();
        CachedParameter key = cache.secureString(NAME);
        List<String> primed = new ArrayList<>();
        key.get();
        SnapStartHooks hooks = new SnapStartHooks(cache, () -> primed.add("primed"));

        hooks.beforeCheckpoint(null);
        ssm.putSecureString(NAME, "sk_test_after_restore");
        hooks.afterRestore(null);

        assertThat(primed).containsExactly("primed");
        assertThat(key.get().reveal()).isEqualTo("sk_test_after_restore");
        assertThat(ssm.callCount("GetParameter") + ssm.callCount("GetParameters")).isEqualTo(2);
    }

    @Test
    void snapshotInitIsRecognised() {
        assertThat(SnapStartHooks.takingSnapshot(java.util.Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))).isTrue();
        assertThat(SnapStartHooks.takingSnapshot(java.util.Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"))).isFalse();
        assertThat(SnapStartHooks.takingSnapshot(java.util.Map.of())).isFalse();
    }

    // 8. Batch when there are several

    @Test
    void prefetchReadsTwelveParametersInTwoBatchesAndEachIsCachedOnItsOwn() {
        ParameterStoreCache cache = cache().build();
        List<CachedParameter> parameters = IntStream.rangeClosed(1, 12).mapToObj(i -> {
            ssm.putSecureString("/app/secret" + i, "value" + i);
            return cache.secureString("/app/secret" + i);
        }).toList();

        cache.prefetchNow();

        for (int i = 0; i < 12; i++) {
            assertThat(parameters.get(i).get().reveal()).isEqualTo("value" + (i + 1));
        }
        assertThat(ssm.callCount("GetParameters")).isEqualTo(2);
        assertThat(ssm.callCount("GetParameter")).isZero();
        assertThat(ssm.calls()).allSatisfy(call -> assertThat(call.body().path("Names").size()).isLessThanOrEqualTo(10));
    }

    @Test
    void aNameMissingFromABatchFailsOnlyThatParameter() {
        ParameterStoreCache cache = cache().build();
        CachedParameter present = cache.secureString(NAME);
        CachedParameter missing = cache.secureString("/app/missing");

        cache.prefetchNow();

        assertThat(present.get().reveal()).isEqualTo(VALUE);
        assertThatThrownBy(missing::get).isInstanceOf(SecretNotFoundException.class);
    }

    /**
     * A role that allows GetParameter but not GetParameters (the bug IAM enforcement was built for), or SSM throttling
     * the batch: the refused prefetch says nothing of a single read, so the first request reads the key on its own at
     * once instead of waiting out a backoff (a 503 for a purchase that could have been served).
     */
    @Test
    void aPrefetchRefusedAsAWholeHoldsNothingBackTheNextReadAsksForTheOneParameter() {
        ParameterStoreCache cache = cache().build();
        CachedParameter key = cache.secureString(NAME);
        ssm.failNext(1, SsmFault.ACCESS_DENIED);

        cache.prefetchNow();
        String value = key.get().reveal();

        assertThat(value).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameters")).isEqualTo(1);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    /**
     * The first request of a container often arrives while the prefetch is still under way and waits for it: when
     * that batch is refused, the request asks for its one parameter itself rather than failing with the batch.
     */
    @Test
    void aGetThatWaitedForARefusedPrefetchReadsTheOneParameterItself() {
        ssm.delayResponses(Duration.ofMillis(200));
        ssm.failNext(1, SsmFault.ACCESS_DENIED);
        ParameterStoreCache cache = cache().build();
        CachedParameter key = cache.secureString(NAME);

        cache.prefetch();
        String value = key.get().reveal();

        ssm.delayResponses(Duration.ZERO);
        assertThat(value).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameters")).isEqualTo(1);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void getDuringABackgroundPrefetchWaitsForItInsteadOfCallingAgain() {
        ssm.delayResponses(Duration.ofMillis(200));
        ParameterStoreCache cache = cache().build();
        CachedParameter key = cache.secureString(NAME);

        cache.prefetch();
        String value = key.get().reveal();

        ssm.delayResponses(Duration.ZERO);
        assertThat(value).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameters") + ssm.callCount("GetParameter")).isEqualTo(1);
    }

    // 9. What a role must grant

    /** The actions the cache declares are exactly the operations it sends: a role built from them is never short. */
    @Test
    void declaredIamActionsAreExactlyTheOperationsAPrefetchAndARefreshSend() {
        ParameterStoreCache cache = cache().timeToLive(Duration.ofMinutes(5)).build();
        CachedParameter key = cache.secureString(NAME);

        cache.prefetchNow();
        clock.advance(Duration.ofMinutes(6));
        key.get();

        List<String> actionsSent = ssm.calls().stream().map(call -> "ssm:" + call.operation()).distinct().toList();
        assertThat(actionsSent).containsExactlyInAnyOrderElementsOf(ParameterStoreCache.IAM_ACTIONS);
    }

    // 7. Never leaked (the type's part)

    @Test
    void noValueInAnyToString() {
        ParameterStoreCache cache = cache().build();
        CachedParameter key = cache.secureString(NAME);

        assertThat(key.toString()).doesNotContain(VALUE);
        assertThat(key.get().toString()).doesNotContain(VALUE).contains(NAME);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> cache().build().secureString("stripeSecretKey/test")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> cache().timeToLive(Duration.ZERO)).hasMessageContaining("timeToLive must be positive");
        assertThatThrownBy(() -> cache().timeToLive(Duration.ofHours(2)).maxStaleAge(Duration.ofHours(1)).build())
                .hasMessageContaining("must not be shorter than timeToLive");
    }

    private static void readConcurrently(CachedParameter key, int threads) throws Exception {
        ssm.delayResponses(Duration.ofMillis(200));
        try {
            assertThat(ConcurrentCalls.atOnce(threads, i -> key::get)).allSatisfy(secret -> assertThat(secret.reveal()).startsWith("sk_test_"));
        } finally {
            ssm.delayResponses(Duration.ZERO);
        }
    }
}
