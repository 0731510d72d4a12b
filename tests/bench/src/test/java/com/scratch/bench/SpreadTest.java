package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void mediansQuartilesAndRange() {
        Spread odd = Spread.of(List.of(5.0, 1.0, 3.0, 2.0, 4.0));
        assertThat(odd).isEqualTo(new Spread(5, 3.0, 2.0, 4.0, 1.0, 5.0));
        assertThat(Spread.of(List.of(1.0, 2.0, 3.0, 4.0)).median()).isEqualTo(2.5);
        assertThat(odd.millis()).isEqualTo("3 ms (IQR 2–4, range 1–5)");
    }

    @Test
    void theP99OfAHundredAndOneValuesIsTheSecondHighest() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 0; i--) {
            values.add((double) i);
        }

        assertThat(Spread.quantile(values, 0.99)).isEqualTo(99.0);
        assertThat(Spread.quantile(values, 0.5)).isEqualTo(50.0);
        assertThat(Spread.quantile(List.of(1.0, 2.0), 0.99)).isCloseTo(1.99, within(1e-9));
    }
}
