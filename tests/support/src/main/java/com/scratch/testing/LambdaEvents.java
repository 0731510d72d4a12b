package com.scratch.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads event fixtures with the serializer the Lambda Java runtime itself uses, so a test gets an event exactly as
 * the function would in Lambda.
 *
 * <pre>{@code
 * SNSEvent event = LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class);
 * }</pre>
 *
 * <p>The caller declares {@code aws-lambda-java-serialization} and, for {@link #invoke}, {@code aws-lambda-java-events}
 * (test scope); this module does not pass them on.
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The class-path resource {@code resource} (e.g. {@code events/billing-original.json}) as a {@code type}. */
    public static <T> T load(String resource, Class<T> type) {
        ClassLoader loader = LambdaEvents.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return LambdaEventSerializers.serializerFor(type, loader).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Invokes a stream handler as Lambda does: {@code event} written to JSON by the runtime's serializer ({@code null}
     * as {@code null}), the handler's answer read back as a {@code answerType} the same way. So a test builds its
     * event with the typed classes and the handler still gets exactly the bytes Lambda would send.
     */
    public static <T> T invoke(RequestStreamHandler handler, Object event, Class<T> answerType, Context context) {
        return LambdaEventSerializers.serializerFor(answerType, LambdaEvents.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(answer(handler, event, context)));
    }

    /** {@link #invoke} for a function that answers nothing (SNS reads no answer): only the event goes over the wire. */
    public static void call(RequestStreamHandler handler, Object event, Context context) {
        answer(handler, event, context);
    }

    /** The bytes the handler wrote for {@code event}, handed over as the runtime's serializer writes it. */
    private static byte[] answer(RequestStreamHandler handler, Object event, Context context) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(json(event)), answer, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer.toByteArray();
    }

    /** {@link #invoke} for an API Gateway proxy function: the event built with the typed classes, the answer read back. */
    public static APIGatewayProxyResponseEvent callProxy(RequestStreamHandler handler, APIGatewayProxyRequestEvent event,
            Context context) {
        return invoke(handler, event, APIGatewayProxyResponseEvent.class, context);
    }

    /** {@code event} as the runtime's serializer writes it, the bytes Lambda hands a function; {@code null} as {@code null}. */
    public static byte[] json(Object event) {
        if (event == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        write(event, json);
        return json.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <E> void write(E event, ByteArrayOutputStream json) {
        LambdaEventSerializers.serializerFor((Class<E>) event.getClass(), LambdaEvents.class.getClassLoader())
                .toJson(event, json);
    }
}
