package com.scratch.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private enum Fault { QUEUED, RANDOM }

    @Test
    void queuedFaultsComeFirstThenASeededShareOfRequestsFails() {
        FaultPlan<Fault> plan = new FaultPlan<>();
        plan.add(2, Fault.QUEUED);
        plan.failRandomly(0.05, Fault.RANDOM, 42);

        List<Optional<Fault>> served = new ArrayList<>();
        for (int i = 0; i < 10_002; i++) {
            served.add(plan.next());
        }

        assertThat(served.subList(0, 2)).containsOnly(Optional.of(Fault.QUEUED));
        long random = served.stream().filter(fault -> fault.equals(Optional.of(Fault.RANDOM))).count();
        assertThat(random).isBetween(400L, 600L).isEqualTo(plan.randomFaultsServed());
    }

    @Test
    void theSameSeedFailsTheSameRequests() {
        assertThat(draw(7)).isEqualTo(draw(7)).isNotEqualTo(draw(8));
    }

    @Test
    void aShareOfOneFailsEveryRequestAndZeroOrClearTurnsItOff() {
        FaultPlan<Fault> plan = new FaultPlan<>();
        plan.failRandomly(1.0, Fault.RANDOM, 1);
        assertThat(plan.next()).contains(Fault.RANDOM);
        plan.failRandomly(0, Fault.RANDOM, 1);
        assertThat(plan.next()).isEmpty();
        plan.failRandomly(1.0, Fault.RANDOM, 1);
        plan.clear();
        assertThat(plan.next()).isEmpty();
        assertThat(plan.randomFaultsServed()).isZero();
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        FaultPlan<Fault> plan = new FaultPlan<>();
        assertThatThrownBy(() -> plan.failRandomly(1.5, Fault.RANDOM, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> plan.failRandomly(Double.NaN, Fault.RANDOM, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Boolean> draw(long seed) {
        FaultPlan<Fault> plan = new FaultPlan<>();
        plan.failRandomly(0.3, Fault.RANDOM, seed);
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            failed.add(plan.next().isPresent());
        }
        return failed;
    }
}
