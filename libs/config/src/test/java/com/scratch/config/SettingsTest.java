package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void requiredSettingsAreReadAndMissingOnesNamed() {
        Map<String, String> environment = Map.of("TOPIC", " arn:aws:sns:us-east-1:1:t ", "EMPTY", " ");

        assertThat(Settings.required(environment, "TOPIC")).isEqualTo("arn:aws:sns:us-east-1:1:t");
        assertThatThrownBy(() -> Settings.required(environment, "EMPTY"))
                .isInstanceOf(MissingSettingException.class).hasMessage("Environment variable EMPTY is missing or empty");
        assertThatThrownBy(() -> Settings.required(environment, "NOPE")).hasMessageContaining("NOPE");
        assertThat(Settings.optional(environment, "NOPE")).isEmpty();
    }
}
