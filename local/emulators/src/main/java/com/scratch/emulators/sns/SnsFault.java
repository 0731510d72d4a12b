package com.scratch.emulators.sns;

/**
 * Errors {@link SnsEmulator#failNext(int, SnsFault)} can serve instead of a real answer. The SDK retries
 * {@link #THROTTLED} and {@link #INTERNAL_ERROR} by default (4 attempts in legacy mode).
 *
 * <pre>{@code
 * sns.failNext(1, SnsFault.AUTHORIZATION_ERROR);
 * assertThatThrownBy(() -> client.publish(request)).isInstanceOf(AuthorizationErrorException.class);
 * }</pre>
 */
public enum SnsFault {
    /** 429 {@code Throttled}: {@code ThrottledException}, retried by the SDK. */
    THROTTLED(429, "Throttled", "Rate exceeded (fault injected by SnsEmulator)"),
    /** 500 {@code InternalError}: {@code InternalErrorException}, retried by the SDK. */
    INTERNAL_ERROR(500, "InternalError", "Internal error (fault injected by SnsEmulator)"),
    /** 403 {@code AuthorizationError}: {@code AuthorizationErrorException}, not retried. */
    AUTHORIZATION_ERROR(403, "AuthorizationError", "User is not authorized to perform SNS:Publish (fault injected by SnsEmulator)");

    private final int status;
    private final String code;
    private final String message;

    SnsFault(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    SnsError toError() {
        return status >= 500 ? SnsError.receiver(status, code, message) : SnsError.sender(status, code, message);
    }
}
