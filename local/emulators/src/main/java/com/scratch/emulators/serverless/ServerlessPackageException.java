package com.scratch.emulators.serverless;

/** The framework could not package a service: its CLI is missing, or it refused the definition (its output included). */
public final class ServerlessPackageException extends RuntimeException {

    public ServerlessPackageException(String message) {
        super(message);
    }
}
