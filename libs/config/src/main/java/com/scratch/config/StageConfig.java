package com.scratch.config;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stage runs with, resolved from the function's environment.
 *
 * <p>The stage comes from the environment variable {@code STAGE}; a missing or empty one is a start-up
 * error, never a guess. {@code prod} reads the live Stripe key, {@code dev} the test key, and any other stage
 * (a feature branch such as {@code feature-login}) keeps its name but borrows the dev config. Nothing ever
 * falls back to prod. {@code ADMIN_PHONE_NUMBER}, when set, overrides the admin number.
 *
 * <pre>{@code
 * StageConfig config = StageConfig.fromEnvironment(environment);
 * config.stripeKeyParameter(); // "/stripeSecretKey/test" for dev and feature stages
 * config.stripeWebhookSecretParameter(); // "/stripeWebhookSecret/test" for dev and feature stages
 * }</pre>
 *
 * @param stage the stage this config is for (a feature stage keeps its own name)
 * @param stripeKeyParameter the SSM SecureString parameter that holds the Stripe secret key
 * @param adminPhoneNumber who is texted when a purchase is made
 * @param configStage the stage whose config was taken: {@code prod} or {@code dev}
 */
public record StageConfig(Stage stage, String stripeKeyParameter, PhoneNumber adminPhoneNumber, Stage configStage) {

    public static final String STAGE_VARIABLE = "STAGE";
    public static final String ADMIN_PHONE_VARIABLE = "ADMIN_PHONE_NUMBER";
    public static final String LIVE_STRIPE_KEY_PARAMETER = "/stripeSecretKey/live";
    public static final String TEST_STRIPE_KEY_PARAMETER = "/stripeSecretKey/test";
    public static final String LIVE_STRIPE_WEBHOOK_SECRET_PARAMETER = "/stripeWebhookSecret/live";
    public static final String TEST_STRIPE_WEBHOOK_SECRET_PARAMETER = "/stripeWebhookSecret/test";
    public static final PhoneNumber DEFAULT_ADMIN_PHONE_NUMBER = PhoneNumber.of("+14151234567");

    private static final Logger log = LoggerFactory.getLogger(StageConfig.class);

    public StageConfig {
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(stripeKeyParameter, "stripeKeyParameter == null");
        Objects.requireNonNull(adminPhoneNumber, "adminPhoneNumber == null");
        Objects.requireNonNull(configStage, "configStage == null");
    }

    /** Reads {@code STAGE} (and optionally {@code ADMIN_PHONE_NUMBER}) from the given environment. */
    public static StageConfig fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment == null");
        String name = environment.get(STAGE_VARIABLE);
        if (name == null || name.isBlank()) {
            throw new InvalidStageException("Environment variable " + STAGE_VARIABLE
                    + " is missing or empty: set it to prod, dev or a feature stage name");
        }
        String phone = environment.get(ADMIN_PHONE_VARIABLE);
        PhoneNumber admin = phone == null || phone.isBlank() ? DEFAULT_ADMIN_PHONE_NUMBER : PhoneNumber.of(phone);
        StageConfig config = forStage(Stage.of(name.strip()), admin);
        if (config.borrowsConfig()) {
            log.info("Stage '{}' has no config of its own: using the {} config (Stripe key parameter {})",
                    config.stage(), config.configStage(), config.stripeKeyParameter());
        }
        return config;
    }

    /** The config of a stage, with the default admin number. Pure: no environment, no logging. */
    public static StageConfig forStage(Stage stage) {
        return forStage(stage, DEFAULT_ADMIN_PHONE_NUMBER);
    }

    private static StageConfig forStage(Stage stage, PhoneNumber adminPhoneNumber) {
        if (stage.isProduction()) {
            return new StageConfig(stage, LIVE_STRIPE_KEY_PARAMETER, adminPhoneNumber, Stage.PROD);
        }
        return new StageConfig(stage, TEST_STRIPE_KEY_PARAMETER, adminPhoneNumber, Stage.DEV);
    }

    /**
     * The SSM SecureString that holds the signing secret of the account's Stripe webhook endpoint ({@code whsec_...}):
     * like the key, one per account, so the live one for prod and the test one for dev and every feature stage.
     */
    public String stripeWebhookSecretParameter() {
        return configStage.isProduction() ? LIVE_STRIPE_WEBHOOK_SECRET_PARAMETER : TEST_STRIPE_WEBHOOK_SECRET_PARAMETER;
    }

    /** True when this stage has no config of its own and borrows the dev one. */
    public boolean borrowsConfig() {
        return !stage.equals(configStage);
    }
}
