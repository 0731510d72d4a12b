package com.scratch.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: a plus sign, a country code that does not start with 0, at most 15 digits.
 * SNS only texts numbers in this form, so a wrong one is refused at start-up rather than at the first purchase.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public PhoneNumber {
        Objects.requireNonNull(value, "value == null");
        if (!E164.matcher(value).matches()) {
            throw new InvalidPhoneNumberException(
                    "Phone number '" + value + "' is not in E.164 form (for example +14151234567)");
        }
    }

    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
