package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacedScheduleTest {

    private static final long MS = 1_000_000;

    @Test
    void aHundredASecondIsOneEveryTenMilliseconds() {
        // given
        PacedSchedule schedule = PacedSchedule.of(5_000 * MS, 100, 60);

        // then
        assertThat(schedule.dueAt(0)).isEqualTo(5_000 * MS);
        assertThat(schedule.dueAt(3)).isEqualTo(5_030 * MS);
        assertThat(schedule.planned()).isEqualTo(6_000);
        assertThat(schedule.within(schedule.dueAt(5_999))).isTrue();
        assertThat(schedule.within(schedule.dueAt(6_000))).isFalse();
    }

    @Test
    void anInvocationWaitsForItsTimeWhenThePreviousOneWasQuick() {
        PacedSchedule schedule = PacedSchedule.of(0, 100, 60);

        assertThat(schedule.sendAt(4, 32 * MS)).isEqualTo(40 * MS);
    }

    @Test
    void aLateLoadSendsEachInvocationAsSoonAsThePreviousOneIsAnsweredUntilItIsOnTimeAgain() {
        // given: invocation 4 was due at 40 ms, but 3 was answered only at 57 ms
        PacedSchedule schedule = PacedSchedule.of(0, 100, 60);

        // then: 4 goes at 57 ms, not at 40; 5 (due at 50 ms) goes when 4 is answered, at 61 ms, not earlier;
        // 6 (due at 60 ms) when 5 is answered at 63 ms; 7 is on time again, at 70 ms
        assertThat(schedule.sendAt(4, 57 * MS)).isEqualTo(57 * MS);
        assertThat(schedule.sendAt(5, 61 * MS)).isEqualTo(61 * MS);
        assertThat(schedule.sendAt(6, 63 * MS)).isEqualTo(63 * MS);
        assertThat(schedule.sendAt(7, 66 * MS)).isEqualTo(70 * MS);
    }

    @Test
    void refusesAnEmptyInterval() {
        assertThatThrownBy(() -> new PacedSchedule(0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
