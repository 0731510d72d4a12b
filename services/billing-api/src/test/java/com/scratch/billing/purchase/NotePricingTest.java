package com.scratch.billing.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotePricingTest {

    @ParameterizedTest(name = "{0} notes cost {1} cents")
    @CsvSource({
        "1, 400",
        "10, 4000",    // the original's tests
        "11, 2200",
        "21, 4200",    // the guide's example purchase
        "100, 20000",  // the original's tests
        "101, 10100",  // the original's tests
        "100000, 10000000",
    })
    void tieredCost(int storage, long cents) {
        assertThat(NotePricing.costInCents(storage)).isEqualTo(cents);
    }

    @Test
    void nothingIsFree() {
        assertThatThrownBy(() -> NotePricing.costInCents(0)).hasMessageContaining("storage must be at least 1");
    }
}
