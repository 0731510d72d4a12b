package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingColdStartTest {

    @Test
    void primingIsOnUnlessTurnedOff() {
        assertThat(BillingColdStart.priming(Map.of())).isTrue();
        assertThat(BillingColdStart.priming(Map.of("PRIMING", " "))).isTrue();
        assertThat(BillingColdStart.priming(Map.of("PRIMING", "on"))).isTrue();
        assertThat(BillingColdStart.priming(Map.of("PRIMING", "off"))).isFalse();
    }

    @Test
    void anyOtherPrimingValueFailsTheColdStartNamingTheVariable() {
        assertThatThrownBy(() -> BillingColdStart.priming(Map.of("PRIMING", "false")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PRIMING must be on or off, was 'false'");
    }
}
