package com.scratch.emulators.ssm;

import com.scratch.emulators.internal.RejectedRequest;

/**
 * Errors {@link SsmEmulator#failNext(int, SsmFault)} can serve instead of a real answer. The SDK retries
 * {@link #THROTTLING} and {@link #INTERNAL_ERROR} by default (4 attempts in legacy mode), so tests that do
 * not want to wait should build their client with {@code AwsRetryStrategy.doNotRetry()}.
 *
 * <pre>{@code
 * ssm.failNext(1, SsmFault.ACCESS_DENIED);
 * assertThatThrownBy(() -> client.getParameter(r -> r.name("/app/x"))).isInstanceOf(AccessDeniedException.class);
 * }</pre>
 */
public enum SsmFault {
    /** 400 {@code ThrottlingException}: the SDK sees a throttling error and retries it. */
    THROTTLING(400, "ThrottlingException", "Rate exceeded"),
    /** 500 {@code InternalServerError}: retried by the SDK because of the 5xx status. */
    INTERNAL_ERROR(500, "InternalServerError", "An internal error occurred (fault injected by SsmEmulator)."),
    /** 400 {@code AccessDeniedException}: not retried. */
    ACCESS_DENIED(400, "AccessDeniedException",
            "User is not authorized to perform this operation (fault injected by SsmEmulator).");

    private final int status;
    private final String errorType;
    private final String message;

    SsmFault(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
    }

    /** The answer that stands for this fault on SSM's wire. */
    RejectedRequest toError() {
        return SsmErrors.error(status, errorType, message);
    }
}
