package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aStoppedClockMovesOnlyWhenTheTestMovesIt() throws Exception {
        // given
        TestClock clock = TestClock.at(START);

        // when
        Thread.sleep(5);
        Instant unmoved = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        Instant advanced = clock.instant();
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));

        // then
        assertThat(unmoved).isEqualTo(START);
        assertThat(advanced).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void aRunningClockIsTheRealTimePlusWhatTheTestMovedItOnBy() {
        // given
        TestClock clock = TestClock.running();

        // when
        clock.advance(Duration.ofHours(1));
        Instant before = Instant.now();
        Instant read = clock.instant();
        Instant after = Instant.now();

        // then
        assertThat(read).isBetween(before.plus(Duration.ofHours(1)), after.plus(Duration.ofHours(1)));
    }

    @Test
    void aRunningClockSetToAnInstantRunsOnFromThere() throws Exception {
        // given
        TestClock clock = TestClock.running();

        // when
        clock.set(START);
        Thread.sleep(20);

        // then
        assertThat(clock.instant()).isAfter(START).isBefore(START.plus(Duration.ofMinutes(1)));
    }
}
