package com.scratch.events;

/** A message on the purchase topic is not a {@code NotePurchased} event nor the original message. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
