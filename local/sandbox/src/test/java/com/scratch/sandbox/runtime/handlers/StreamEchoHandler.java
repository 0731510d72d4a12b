package com.scratch.sandbox.runtime.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A stream handler built as ours are: answers with its function's name and the event's bytes, untouched. */
public final class StreamEchoHandler implements RequestStreamHandler {

    public StreamEchoHandler(Map<String, String> environment) {
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        answer.write(("{\"function\":\"" + context.getFunctionName() + "\",\"event\":").getBytes(StandardCharsets.UTF_8));
        event.transferTo(answer);
        answer.write('}');
    }
}
