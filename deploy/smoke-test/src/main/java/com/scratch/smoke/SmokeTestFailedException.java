package com.scratch.smoke;

/** The deployed stage did not answer the purchase as it should; the message says what came back. */
final class SmokeTestFailedException extends RuntimeException {

    SmokeTestFailedException(String message) {
        super(message);
    }
}
