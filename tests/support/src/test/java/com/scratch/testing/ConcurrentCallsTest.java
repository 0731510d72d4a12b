package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentCallsTest {

    @Test
    void runsEveryCallAtTheSameTimeAndReturnsTheResultsInOrder() throws Exception {
        // given: each call returns only once all 8 are under way at the same time
        CyclicBarrier allUnderWay = new CyclicBarrier(8);

        // when
        List<Integer> results = ConcurrentCalls.atOnce(8, i -> () -> {
            allUnderWay.await(10, TimeUnit.SECONDS);
            return i * i;
        });

        // then
        assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
    }

    @Test
    void aFailedCallFailsWithItsException() {
        assertThatThrownBy(() -> ConcurrentCalls.atOnce(4, i -> () -> {
            if (i == 2) {
                throw new IllegalStateException("call " + i + " failed");
            }
            return i;
        }))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("call 2 failed");
    }
}
