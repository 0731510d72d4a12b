package com.scratch.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of a cold start without the runtime's event serialisation: the request's bytes are read and a fixed proxy
 * response written, so what is left is the JVM and the runtime interface client. Beside {@link EmptyProxyHandler} it
 * shows what the typed events cost; never deployed.
 */
public final class EmptyStreamHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE = "{\"statusCode\":200,\"body\":\"{\\\"status\\\":true}\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(RESPONSE);
    }
}
