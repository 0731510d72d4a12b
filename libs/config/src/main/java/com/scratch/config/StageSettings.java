package com.scratch.config;

import java.util.Objects;

/**
 * What a stage runs with.
 *
 * @param stage the stage these settings are for (a feature stage keeps its own name)
 * @param stripeKeyParameter the SSM SecureString parameter that holds the Stripe secret key
 * @param adminPhoneNumber who is texted when a purchase is made
 * @param settingsStage the stage whose settings were taken: {@code prod} or {@code dev}
 */
public record StageSettings(Stage stage, String stripeKeyParameter, PhoneNumber adminPhoneNumber, Stage settingsStage) {

    public StageSettings {
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(stripeKeyParameter, "stripeKeyParameter == null");
        Objects.requireNonNull(adminPhoneNumber, "adminPhoneNumber == null");
        Objects.requireNonNull(settingsStage, "settingsStage == null");
    }

    /** True when this stage has no settings of its own and borrows the dev ones. */
    public boolean borrowsSettings() {
        return !stage.equals(settingsStage);
    }
}
