package com.scratch.config;

/** The stage is missing or its name is not one a deployment could have. Raised at start-up, never guessed around. */
public final class InvalidStageException extends IllegalStateException {

    public InvalidStageException(String message) {
        super(message);
    }
}
