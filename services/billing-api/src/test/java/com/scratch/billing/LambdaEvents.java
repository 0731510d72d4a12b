package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads event fixtures with the serializer the Lambda Java runtime itself uses. */
final class LambdaEvents {

    private LambdaEvents() {
    }

    static <T> T load(String resource, Class<T> type) {
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
