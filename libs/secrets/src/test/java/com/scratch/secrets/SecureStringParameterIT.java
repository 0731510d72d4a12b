package com.scratch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.aws.AwsClients;
import com.scratch.aws.ClientTracing;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.ssm.SsmFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@link SecureStringParameter} against a local SSM server, through the real SDK. */
class SecureStringParameterIT {

    private static final String NAME = "/stripeSecretKey/test";
    private static final String VALUE = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    private static SsmEmulator ssm;
    private SsmClient client;
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void startServer() {
        ssm = SsmEmulator.start();
        System.setProperty("aws.endpointUrlSsm", ssm.endpoint().toString());
    }

    @AfterAll
    static void stopServer() {
        System.clearProperty("aws.endpointUrlSsm");
        ssm.close();
    }

    @BeforeEach
    void setUp() {
        ssm.reset();
        ssm.putSecureString(NAME, VALUE);
        client = AwsClients.ssm(ClientTracing.none());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void readsTheDecryptedValue() {
        Secret secret = parameter().get();

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret.parameterName()).isEqualTo(NAME);
        assertThat(ssm.calls().get(0).body().toString()).contains("\"WithDecryption\":true");
    }

    @Test
    void manyReadsWithinTheTimeToLiveMakeOneCall() {
        SecureStringParameter parameter = parameter();

        for (int i = 0; i < 10_000; i++) {
            parameter.get();
        }

        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void afterTheTimeToLiveTheNextReadRefreshes() {
        SecureStringParameter parameter = parameter();
        parameter.get();

        ssm.putSecureString(NAME, "sk_test_rotated");
        clock.advance(SecureStringParameter.DEFAULT_TIME_TO_LIVE.minusSeconds(1));
        assertThat(parameter.get().reveal()).isEqualTo(VALUE);

        clock.advance(Duration.ofSeconds(1));
        assertThat(parameter.get().reveal()).isEqualTo("sk_test_rotated");
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void invalidatingForcesANewRead() {
        SecureStringParameter parameter = parameter();
        parameter.get();

        parameter.invalidate();
        parameter.get();

        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void concurrentColdReadsShareOneCall() throws Exception {
        SecureStringParameter parameter = parameter();
        ssm.delayResponses(Duration.ofMillis(200));
        ExecutorService threads = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Secret>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(threads.submit(() -> {
                    start.await();
                    return parameter.get();
                }));
            }
            start.countDown();
            for (Future<Secret> read : reads) {
                assertThat(read.get().reveal()).isEqualTo(VALUE);
            }
        } finally {
            threads.shutdownNow();
            ssm.delayResponses(Duration.ZERO);
        }

        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void aFailedReadIsNotKept() {
        SecureStringParameter parameter = parameter();
        ssm.failNext(3, SsmFault.INTERNAL_ERROR); // every attempt of the SDK's standard retry

        assertThatThrownBy(parameter::get)
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining(NAME)
                .hasMessageContaining("InternalServerError");

        assertThat(parameter.get().reveal()).isEqualTo(VALUE);
    }

    @Test
    void aMissingParameterIsNamed() {
        SecureStringParameter parameter = SecureStringParameter.builder(client, "/stripeSecretKey/live").build();

        assertThatThrownBy(parameter::get)
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessage("SSM parameter /stripeSecretKey/live does not exist");
    }

    @Test
    void deniedAccessIsItsOwnError() {
        ssm.failNext(1, SsmFault.ACCESS_DENIED);

        assertThatThrownBy(parameter()::get)
                .isInstanceOf(SecretAccessDeniedException.class)
                .hasMessageContaining(NAME);
    }

    @Test
    void prefetchReadsOnceAndGetReusesIt() throws Exception {
        SecureStringParameter parameter = parameter();

        parameter.prefetch();
        Secret secret = parameter.get();

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void aFailedPrefetchIsForgottenAndGetReadsAgain() throws Exception {
        ssm.failNext(3, SsmFault.INTERNAL_ERROR);
        SecureStringParameter parameter = parameter();

        parameter.prefetch();
        waitUntil(() -> ssm.callCount("GetParameter") >= 3);
        Thread.sleep(50);

        assertThat(parameter.get().reveal()).isEqualTo(VALUE);
    }

    @Test
    void theValueIsInNoMessage() {
        SecureStringParameter parameter = parameter();

        assertThat(parameter.toString()).doesNotContain(VALUE);
        assertThat(parameter.get().toString()).doesNotContain(VALUE);
    }

    @Test
    void namesMustBeAbsoluteAndTimeToLivePositive() {
        assertThatThrownBy(() -> SecureStringParameter.builder(client, "stripeSecretKey/test"))
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> SecureStringParameter.builder(client, NAME).timeToLive(Duration.ZERO))
                .hasMessageContaining("timeToLive must be positive");
    }

    private SecureStringParameter parameter() {
        return SecureStringParameter.builder(client, NAME).clock(clock).build();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
