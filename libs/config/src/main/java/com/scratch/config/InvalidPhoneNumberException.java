package com.scratch.config;

/** A configured phone number is not in E.164 form ({@code +14151234567}). */
public final class InvalidPhoneNumberException extends IllegalStateException {

    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
