package com.scratch.aws;

/**
 * {@code AWS_XRAY_DAEMON_ADDRESS} in the function's environment is not an address the X-Ray daemon can be reached at
 * ({@code 127.0.0.1:2000}, or {@code tcp:127.0.0.1:2000 udp:127.0.0.1:2000}, the forms the X-Ray SDK accepted).
 * Raised when the tracing is built, so a typo fails the cold start rather than losing every trace in silence.
 */
public final class InvalidDaemonAddressException extends IllegalStateException {

    InvalidDaemonAddressException(String variable, String value, String reason) {
        super("Environment variable " + variable + " is not an X-Ray daemon address: '" + value + "' (" + reason
                + "; expected host:port, such as 127.0.0.1:2000, or tcp:host:port udp:host:port)");
    }
}
