package com.scratch.aws;

/**
 * One traced call to a remote service, from {@link ClientTracing#remoteCall}. Record what came back, then close it;
 * closing marks the call as the HTTP status says: 429 a throttle (and an error), any other 4xx an error (the
 * caller's request, e.g. a declined card), 5xx a fault (the remote's), and a call that failed with no status (no
 * answer: connection refused, timeout) a fault. Used by the one thread that opened it.
 *
 * <pre>{@code
 * try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
 *     try {
 *         Answer answer = send();
 *         call.status(answer.status());
 *         call.requestId(answer.requestId());
 *     } catch (RemoteException e) {
 *         call.status(e.status());   // if it had one
 *         call.failed(e);
 *         throw e;
 *     }
 * }
 * }</pre>
 */
public interface RemoteCall extends AutoCloseable {

    /** A call that records nothing. */
    RemoteCall NONE = new RemoteCall() {
        @Override
        public void status(int httpStatus) {
        }

        @Override
        public void requestId(String requestId) {
        }

        @Override
        public void failed(Throwable cause) {
        }

        @Override
        public void failed(Throwable cause, String message) {
        }

        @Override
        public void close() {
        }
    };

    /** The HTTP status the remote answered with. */
    void status(int httpStatus);

    /** The remote's id for the request, what its support asks for ({@code req_...} at Stripe); null is ignored. */
    void requestId(String requestId);

    /** What the call threw: recorded with the call; without a {@link #status} the call counts as a fault. */
    void failed(Throwable cause);

    /**
     * The same, recorded with {@code message} in place of the throwable's own message and without its causes: for
     * a remote whose error messages may quote what a trace must not hold (Stripe's {@code No such PaymentMethod:
     * 'pm_...'}). The type and stack are recorded as they are.
     */
    void failed(Throwable cause, String message);

    /** Ends the call and marks it error, throttle or fault as its status and failure say. */
    @Override
    void close();
}
