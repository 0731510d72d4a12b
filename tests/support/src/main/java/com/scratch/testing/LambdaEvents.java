package com.scratch.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads event fixtures with the serializer the Lambda Java runtime itself uses, so a test gets an event exactly as
 * the function would in Lambda.
 *
 * <pre>{@code
 * SNSEvent event = LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class);
 * }</pre>
 *
 * <p>The caller declares {@code aws-lambda-java-serialization} (test scope); this module does not pass it on.
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
}
