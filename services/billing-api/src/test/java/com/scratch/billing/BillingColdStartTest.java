package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingColdStartTest {

    @Test
    void snapStartPrimingIsOnUnlessTurnedOff() {
        assertThat(BillingColdStart.snapStartPriming(Map.of())).isTrue();
        assertThat(BillingColdStart.snapStartPriming(Map.of("SNAPSTART_PRIMING", " "))).isTrue();
        assertThat(BillingColdStart.snapStartPriming(Map.of("SNAPSTART_PRIMING", "on"))).isTrue();
        assertThat(BillingColdStart.snapStartPriming(Map.of("SNAPSTART_PRIMING", "off"))).isFalse();
    }

    @Test
    void anyOtherPrimingValueFailsTheColdStartNamingTheVariable() {
        assertThatThrownBy(() -> BillingColdStart.snapStartPriming(Map.of("SNAPSTART_PRIMING", "false")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SNAPSTART_PRIMING must be on or off, was 'false'");
    }
}
