package com.scratch.config;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the settings of the stage a function runs in.
 *
 * <p>The stage comes from the environment variable {@code STAGE}; a missing or empty one is a start-up
 * error, never a guess. {@code prod} reads the live Stripe key, {@code dev} the test key, and any other stage
 * (a feature branch such as {@code feature-login}) keeps its name but borrows the dev settings. Nothing ever
 * falls back to prod. {@code ADMIN_PHONE_NUMBER}, when set, overrides the admin number.
 *
 * <pre>{@code
 * StageSettings settings = StageConfig.fromEnvironment(System.getenv());
 * settings.stripeKeyParameter(); // "/stripeSecretKey/test" for dev and feature stages
 * }</pre>
 */
public final class StageConfig {

    public static final String STAGE_VARIABLE = "STAGE";
    public static final String ADMIN_PHONE_VARIABLE = "ADMIN_PHONE_NUMBER";
    public static final String LIVE_STRIPE_KEY_PARAMETER = "/stripeSecretKey/live";
    public static final String TEST_STRIPE_KEY_PARAMETER = "/stripeSecretKey/test";
    public static final PhoneNumber DEFAULT_ADMIN_PHONE_NUMBER = PhoneNumber.of("+14151234567");

    private static final Logger log = LoggerFactory.getLogger(StageConfig.class);

    private StageConfig() {
    }

    /** Reads {@code STAGE} (and optionally {@code ADMIN_PHONE_NUMBER}) from the given environment. */
    public static StageSettings fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment == null");
        String name = environment.get(STAGE_VARIABLE);
        if (name == null || name.isBlank()) {
            throw new InvalidStageException("Environment variable " + STAGE_VARIABLE
                    + " is missing or empty: set it to prod, dev or a feature stage name");
        }
        String phone = environment.get(ADMIN_PHONE_VARIABLE);
        PhoneNumber admin = phone == null || phone.isBlank() ? DEFAULT_ADMIN_PHONE_NUMBER : PhoneNumber.of(phone);
        StageSettings settings = forStage(Stage.of(name.strip()), admin);
        if (settings.borrowsSettings()) {
            log.info("Stage '{}' has no settings of its own: using the {} settings (Stripe key parameter {})",
                    settings.stage(), settings.settingsStage(), settings.stripeKeyParameter());
        }
        return settings;
    }

    /** The settings of a stage, with the default admin number. Pure: no environment, no logging. */
    public static StageSettings forStage(Stage stage) {
        return forStage(stage, DEFAULT_ADMIN_PHONE_NUMBER);
    }

    private static StageSettings forStage(Stage stage, PhoneNumber adminPhoneNumber) {
        if (stage.isProduction()) {
            return new StageSettings(stage, LIVE_STRIPE_KEY_PARAMETER, adminPhoneNumber, Stage.PROD);
        }
        return new StageSettings(stage, TEST_STRIPE_KEY_PARAMETER, adminPhoneNumber, Stage.DEV);
    }
}
