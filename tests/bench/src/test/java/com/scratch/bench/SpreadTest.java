package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
}
