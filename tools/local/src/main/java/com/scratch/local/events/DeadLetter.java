package com.scratch.local.events;

import java.time.Instant;

/** A topic message a function failed on every attempt; Lambda would send it to the function's dead-letter target. */
public record DeadLetter(String function, String topicArn, String messageId, String message, int attempts,
        String errorType, String errorMessage, Instant failedAt) {
}
