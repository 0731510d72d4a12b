package com.scratch.emulators.iam;

/** Whether a policy statement allows or denies what it matches. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String text;

    Effect(String text) {
        this.text = text;
    }

    /** {@code "Allow"} or {@code "Deny"}, exactly as IAM spells them (IAM refuses any other case). */
    public static Effect parse(String text) {
        for (Effect effect : values()) {
            if (effect.text.equals(text)) {
                return effect;
            }
        }
        throw new InvalidPolicyException("Effect must be Allow or Deny, was " + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
