package com.scratch.billing.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.scratch.aws.InvocationSpan;
import com.scratch.aws.InvocationTracing;
import com.scratch.lambda.ProxyEvents;
import com.scratch.lambda.ProxyResponse;
import com.scratch.logging.InvocationLog;
import com.scratch.logging.InvocationLogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What billing's two API Gateway functions do around their answer, every invocation: the invocation's log scope and
 * span (under the segment the context's trace header names), the answer's status to the log (which writes the debug lines of a 5xx), and the answer written back as API
 * Gateway reads it. The functions take the event as bytes ({@code RequestStreamHandler}) and read it with
 * {@link ProxyEvents}, inside the answer, so that an unreadable event is answered and logged like any other fault;
 * the runtime's own event serialiser is never loaded (libs/lambda-events says why).
 */
public final class ProxyInvocations {

    private final InvocationLogContext logging;
    private final InvocationTracing invocations;

    public ProxyInvocations(InvocationLogContext logging, InvocationTracing invocations) {
        this.logging = Objects.requireNonNull(logging, "logging == null");
        this.invocations = Objects.requireNonNull(invocations, "invocations == null");
    }

    /** Answers the event in {@code input} with {@code answer} (which never throws) and writes it to {@code output}. */
    public void handle(InputStream input, OutputStream output, Context context, Function<byte[], ProxyResponse> answer)
            throws IOException {
        try (InvocationLog invocation = logging.begin(context); InvocationSpan span = invocations.start(context)) {
            ProxyResponse response = answer.apply(input.readAllBytes());
            invocation.answered(response.statusCode());
            ProxyEvents.write(response, output);
        }
    }
}
