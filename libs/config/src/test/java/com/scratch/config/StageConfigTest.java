package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.testing.LogCapture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StageConfigTest {

    @Test
    void prodReadsTheLiveKey() {
        StageConfig config = StageConfig.fromEnvironment(Map.of("STAGE", "prod"));

        assertThat(config.stage()).isEqualTo(Stage.PROD);
        assertThat(config.stripeKeyParameter()).isEqualTo("/stripeSecretKey/live");
        assertThat(config.borrowsConfig()).isFalse();
    }

    @Test
    void devReadsTheTestKey() {
        StageConfig config = StageConfig.fromEnvironment(Map.of("STAGE", "dev"));

        assertThat(config.stripeKeyParameter()).isEqualTo("/stripeSecretKey/test");
        assertThat(config.borrowsConfig()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature-login", "pr-42", "local", "Prod", "production"})
    void anyOtherStageKeepsItsNameAndBorrowsTheDevConfig(String name) {
        StageConfig config = StageConfig.fromEnvironment(Map.of("STAGE", name));

        assertThat(config.stage().name()).isEqualTo(name);
        assertThat(config.configStage()).isEqualTo(Stage.DEV);
        assertThat(config.stripeKeyParameter()).isEqualTo("/stripeSecretKey/test");
        assertThat(config.borrowsConfig()).isTrue();
    }

    @Test
    void aBorrowingStageSaysSoOnceInTheLog() {
        String logged;
        try (LogCapture logs = new LogCapture()) {
            StageConfig.fromEnvironment(Map.of("STAGE", "feature-login"));
            StageConfig.fromEnvironment(Map.of("STAGE", "dev"));
            logged = logs.text();
        }

        assertThat(logged.lines())
                .filteredOn(line -> line.contains("has no config of its own"))
                .containsExactly("[main] INFO com.scratch.config.StageConfig - Stage 'feature-login' has no config of its"
                        + " own: using the dev config (Stripe key parameter /stripeSecretKey/test)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyStageIsAStartUpError(String name) {
        assertThatThrownBy(() -> StageConfig.fromEnvironment(Map.of("STAGE", name)))
                .isInstanceOf(InvalidStageException.class)
                .hasMessageContaining("STAGE");
    }

    @Test
    void missingStageIsAStartUpError() {
        assertThatThrownBy(() -> StageConfig.fromEnvironment(Map.of()))
                .isInstanceOf(InvalidStageException.class)
                .hasMessageContaining("STAGE is missing or empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature/login", "42", "-dev", "dev stage", "a-very-long-stage-name-that-goes-on-and-on-and-on"})
    void invalidStageNamesAreRefusedByName(String name) {
        assertThatThrownBy(() -> StageConfig.fromEnvironment(Map.of("STAGE", name)))
                .isInstanceOf(InvalidStageException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void adminPhoneNumberDefaultsAndCanBeSetPerStage() {
        Map<String, String> environment = new HashMap<>();
        environment.put("STAGE", "dev");
        assertThat(StageConfig.fromEnvironment(environment).adminPhoneNumber().value()).isEqualTo("+14151234567");

        environment.put("ADMIN_PHONE_NUMBER", "+447700900123");
        assertThat(StageConfig.fromEnvironment(environment).adminPhoneNumber().value()).isEqualTo("+447700900123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"14151234567", "+0415123", "+1 415 123 4567", "+1415123456789012", "call me"})
    void adminPhoneNumberMustBeE164(String number) {
        assertThatThrownBy(() -> StageConfig.fromEnvironment(Map.of("STAGE", "dev", "ADMIN_PHONE_NUMBER", number)))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining(number)
                .hasMessageContaining("E.164");
    }

    @Test
    void forStageNeverFallsBackToProd() {
        assertThat(StageConfig.forStage(Stage.of("prod-copy")).stripeKeyParameter()).isEqualTo("/stripeSecretKey/test");
        assertThat(StageConfig.forStage(Stage.PROD).stripeKeyParameter()).isEqualTo("/stripeSecretKey/live");
    }

    @Test
    void theWebhookSigningSecretIsTheAccountsLikeTheKey() {
        assertThat(StageConfig.forStage(Stage.PROD).stripeWebhookSecretParameter()).isEqualTo("/stripeWebhookSecret/live");
        assertThat(StageConfig.forStage(Stage.of("dev")).stripeWebhookSecretParameter())
                .isEqualTo("/stripeWebhookSecret/test");
        assertThat(StageConfig.forStage(Stage.of("feature-login")).stripeWebhookSecretParameter())
                .isEqualTo("/stripeWebhookSecret/test");
        assertThat(StageConfig.forStage(Stage.of("prod-copy")).stripeWebhookSecretParameter())
                .isEqualTo("/stripeWebhookSecret/test");
    }
}
