package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    @Test
    void requiredVariablesAreReadAndMissingOnesNamed() {
        Map<String, String> environment = Map.of("TOPIC", " arn:aws:sns:us-east-1:1:t ", "EMPTY", " ");

        assertThat(EnvironmentVariables.required(environment, "TOPIC")).isEqualTo("arn:aws:sns:us-east-1:1:t");
        assertThatThrownBy(() -> EnvironmentVariables.required(environment, "EMPTY"))
                .isInstanceOf(MissingEnvironmentVariableException.class)
                .hasMessage("Environment variable EMPTY is missing or empty");
        assertThatThrownBy(() -> EnvironmentVariables.required(environment, "NOPE")).hasMessageContaining("NOPE");
        assertThat(EnvironmentVariables.optional(environment, "NOPE")).isEmpty();
        assertThat(EnvironmentVariables.optional(environment, "EMPTY")).isEmpty();
    }
}
