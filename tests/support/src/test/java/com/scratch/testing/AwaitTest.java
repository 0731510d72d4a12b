package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceAnotherThreadMakesTheConditionTrue() throws Exception {
        // given
        AtomicBoolean done = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
        });

        // when
        worker.start();
        Await.until(Duration.ofSeconds(10), done::get);

        // then
        assertThat(done).isTrue();
    }

    @Test
    void failsTheTestWhenTheConditionDoesNotHoldInTime() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Await.until(Duration.ofMillis(100), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Not reached within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
