package com.scratch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));

    @Test
    void aSingleFailureIsRetriedAtOnce() {
        assertThat(backoff.after(1, 0.7)).isZero();
    }

    @Test
    void repeatedFailuresWaitLongerUpToTheMaximum() {
        assertThat(backoff.after(2, 0.999)).isEqualTo(Duration.ofMillis(199));
        assertThat(backoff.after(3, 0.999)).isEqualTo(Duration.ofMillis(399));
        assertThat(backoff.after(4, 0.999)).isEqualTo(Duration.ofMillis(799));
        assertThat(backoff.after(50, 0.999)).isEqualTo(Duration.ofMillis(1999));
    }

    @Test
    void jitterCutsEachWaitToBetweenHalfAndAll() {
        assertThat(backoff.after(3, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(3, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.after(3, 0.999)).isEqualTo(Duration.ofMillis(399));
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("0 < initial <= max");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("0 < initial <= max");
    }
}
