package com.scratch.emulators.sns;

import com.scratch.emulators.iam.AccessRefusal;

/**
 * Thrown while handling an action to answer with an SNS {@code <ErrorResponse>}; the emulator adds the
 * request id and renders it.
 */
final class SnsError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;

    private SnsError(int status, String type, String code, String message) {
        // No stack trace: this is an expected answer, not a bug.
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    /** A client fault ({@code <Type>Sender</Type>}). */
    static SnsError sender(int status, String code, String message) {
        return new SnsError(status, "Sender", code, message);
    }

    /** A server fault ({@code <Type>Receiver</Type>}). */
    static SnsError receiver(int status, String code, String message) {
        return new SnsError(status, "Receiver", code, message);
    }

    static SnsError invalidParameter(String message) {
        return sender(400, "InvalidParameter", message);
    }

    /** How SNS refuses a caller: always 403, the code says why. */
    static SnsError refused(AccessRefusal refusal) {
        String code = switch (refusal.kind()) {
            case UNSIGNED -> "MissingAuthenticationToken";
            case UNKNOWN_ACCESS_KEY -> "InvalidClientTokenId";
            case BAD_SIGNATURE -> "SignatureDoesNotMatch";
            case NOT_AUTHORIZED -> "AuthorizationError";
        };
        return sender(403, code, refusal.message());
    }

    static SnsError topicNotFound() {
        return sender(404, "NotFound", "Topic does not exist");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }
}
