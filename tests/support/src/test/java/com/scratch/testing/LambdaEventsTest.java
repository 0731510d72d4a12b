package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LambdaEventsTest {

    @Test
    void aMissingFixtureIsNamed() {
        assertThatThrownBy(() -> LambdaEvents.load("events/no-such-event.json", Object.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No test resource events/no-such-event.json");
    }
}
